using Bilan.Domain.Errors;
using Bilan.Server.Api;
using Bilan.Server.Data;
using Bilan.Server.Features.Bilans;
using Npgsql;

namespace Bilan.Server.Features.Confidential;

/// <summary>
/// bilan.v1.SynthesisService: the written synthesis of a bilan, the consultant's interview notes, and the log of
/// every read of either. Each RPC lives in its own file beside this one. Content never goes into events, logs or
/// error messages.
/// </summary>
public sealed partial class SynthesesService(NpgsqlDataSource dataSource, IdempotentRequests requests, TimeProvider clock)
    : Contracts.V1.SynthesisService.SynthesisServiceBase
{
    /// <summary>The most characters of one section of the synthesis, or of an interview's notes.</summary>
    public const int MaxTextLength = 20_000;

    /// <summary>Reads <c>bilans/{bilan}/synthesis</c>, or adds the bad field to <paramref name="checks"/>.</summary>
    private static Guid ParseSynthesisName(string name, string field, FieldChecks checks)
    {
        var suffix = "/" + SynthesisRecord.Segment;
        if (name.EndsWith(suffix, StringComparison.Ordinal)
            && ResourceName.TryParseId(name[..^suffix.Length], BilanRecord.Collection, out var bilanId))
        {
            return bilanId;
        }

        checks.Add(field, string.IsNullOrEmpty(name) ? "REQUIRED" : "INVALID_RESOURCE_NAME",
            "Expected bilans/{uuid}/synthesis.", "Identifiant invalide : attendu bilans/{uuid}/synthesis.");
        return Guid.Empty;
    }

    /// <summary>Reads <c>bilans/{bilan}/interviews/{interview}/notes</c>, or adds the bad field to <paramref name="checks"/>.</summary>
    private static (Guid BilanId, Guid InterviewId) ParseNotesName(string name, string field, FieldChecks checks)
    {
        const string InterviewsSeparator = "/interviews/";
        var suffix = "/" + NotesRecord.Segment;
        if (name.EndsWith(suffix, StringComparison.Ordinal))
        {
            var interview = name[..^suffix.Length];
            var split = interview.IndexOf(InterviewsSeparator, StringComparison.Ordinal);
            if (split > 0
                && ResourceName.TryParseId(interview[..split], BilanRecord.Collection, out var bilanId)
                && Guid.TryParseExact(interview.AsSpan(split + InterviewsSeparator.Length), "D", out var interviewId)
                && NotesRecord.Format(bilanId, interviewId) == name)
            {
                return (bilanId, interviewId);
            }
        }

        checks.Add(field, string.IsNullOrEmpty(name) ? "REQUIRED" : "INVALID_RESOURCE_NAME",
            "Expected bilans/{uuid}/interviews/{uuid}/notes.", "Identifiant invalide : attendu bilans/{uuid}/interviews/{uuid}/notes.");
        return (Guid.Empty, Guid.Empty);
    }

    private static void CheckSection(FieldChecks checks, string field, string value, string frenchName) =>
        checks.LimitLength(field, value, MaxTextLength, frenchName);
}
