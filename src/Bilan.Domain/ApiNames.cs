using System.Text;
using Bilan.Domain.Bilans;

namespace Bilan.Domain;

/// <summary>
/// The names integrators see for the domain's enum values: the proto enum value names
/// (<c>STATE_FOLLOW_UP</c>, <c>PUBLIC_CATEGORY_JOB_SEEKER</c>), used in error messages and metadata.
/// </summary>
public static class ApiNames
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        // The proto nests the bilan's state as Bilan.State, so its values are STATE_*.
        var prefix = typeof(TEnum) == typeof(BilanState) ? "STATE" : UpperSnake(typeof(TEnum).Name);
        return $"{prefix}_{UpperSnake(value.ToString())}";
    }

    private static string UpperSnake(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(pascal[i]));
        }

        return builder.ToString();
    }
}
