using Bilan.Contracts.V1;
using Bilan.Domain.Bilans;
using Bilan.Server.Api;
using Bilan.Server.Data;
using Bilan.Server.Features.Bilans;
using Npgsql;

namespace Bilan.Server.Features.Interviews;

/// <summary>
/// bilan.v1.InterviewService. Each RPC lives in its own file beside this one; the rules are in
/// <see cref="Domain.Interviews.InterviewRules"/>.
/// </summary>
public sealed partial class InterviewsService(NpgsqlDataSource dataSource, IdempotentRequests requests, TimeProvider clock, BilanPolicy policy)
    : InterviewService.InterviewServiceBase
{
    /// <summary>Reads <c>bilans/{bilan}/interviews/{interview}</c>, or names the bad field.</summary>
    private static (Guid BilanId, Guid InterviewId) ParseName(string name, string field)
    {
        var checks = new Domain.Errors.FieldChecks();
        var ids = ParseName(name, field, checks);
        Domain.Errors.InvalidFieldsException.ThrowIfAny(checks.Violations);
        return ids;
    }

    /// <summary>Reads <c>bilans/{bilan}/interviews/{interview}</c>, or adds the bad field to <paramref name="checks"/>.</summary>
    private static (Guid BilanId, Guid InterviewId) ParseName(string name, string field, Domain.Errors.FieldChecks checks)
    {
        var separator = $"/{InterviewRecord.Segment}/";
        var split = name.IndexOf(separator, StringComparison.Ordinal);
        if (split > 0
            && ResourceName.TryParseId(name[..split], BilanRecord.Collection, out var bilanId)
            && Guid.TryParseExact(name.AsSpan(split + separator.Length), "D", out var interviewId)
            && InterviewRecord.Format(bilanId, interviewId) == name)
        {
            return (bilanId, interviewId);
        }

        if (string.IsNullOrEmpty(name))
        {
            checks.Add(field, "REQUIRED", "Required: bilans/{uuid}/interviews/{uuid}.", "Ce champ est obligatoire.");
        }
        else
        {
            checks.Add(field, "INVALID_RESOURCE_NAME", "Expected bilans/{uuid}/interviews/{uuid}.",
                "Identifiant invalide : attendu bilans/{uuid}/interviews/{uuid}.");
        }

        return (Guid.Empty, Guid.Empty);
    }
}
