using System.Collections;
using Bilan.Domain.Errors;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace Bilan.Server.Api;

/// <summary>
/// The fields an Update call changes (AIP-134): those named in <c>update_mask</c>; all updatable ones for
/// <c>*</c>; without a mask, the updatable fields set in the resource sent. A path that is not updatable
/// (unknown, output only, immutable) is INVALID_ARGUMENT rather than silently ignored.
/// </summary>
public static class UpdateMask
{
    public static IReadOnlySet<string> Resolve(FieldMask? mask, IMessage resource, IReadOnlyCollection<string> updatable)
    {
        if (mask is null || mask.Paths.Count == 0)
        {
            return updatable.Where(path => IsPopulated(resource, path)).ToHashSet();
        }

        if (mask.Paths is ["*"])
        {
            return updatable.ToHashSet();
        }

        // Over HTTP/JSON, masks often come in JSON names (plannedHours): read them as the proto names they stand for.
        var paths = mask.Paths.Select(ProtoName).ToList();
        var refused = paths.Where(path => !updatable.Contains(path)).ToList();
        if (refused.Count > 0)
        {
            throw new InvalidFieldsException([new FieldViolation(
                "update_mask",
                "FIELD_NOT_UPDATABLE",
                $"Cannot update {string.Join(", ", refused)}; updatable fields: {string.Join(", ", updatable)}.",
                $"Ces champs ne peuvent pas être modifiés : {string.Join(", ", refused)}.")]);
        }

        return paths.ToHashSet();
    }

    private static string ProtoName(string path) =>
        string.Concat(path.Select((c, i) => char.IsAsciiLetterUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : c.ToString()));

    private static bool IsPopulated(IMessage resource, string path)
    {
        var field = resource.Descriptor.FindFieldByName(path);
        var value = field?.Accessor.GetValue(resource);
        return value switch
        {
            null => false,
            IList list => list.Count > 0,
            string text => text.Length > 0,
            bool flag => flag,
            IMessage => true,
            _ when field!.FieldType == FieldType.Enum => Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) != 0,
            int number => number != 0,
            long number => number != 0,
            _ => true,
        };
    }
}
