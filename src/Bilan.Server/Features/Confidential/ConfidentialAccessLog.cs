using Bilan.Contracts.V1;
using Bilan.Server.Auth;
using Bilan.Server.Features.Bilans;
using Bilan.Server.Features.Consents;
using Dapper;
using StaffRole = Bilan.Server.Auth.StaffRole;
using Npgsql;

namespace Bilan.Server.Features.Confidential;

/// <summary>
/// Who may read confidential content (the synthesis, interview notes), and the record of every read, written in the
/// call that reads (L6313-4: every access is audited).
/// </summary>
internal static class ConfidentialAccessLog
{
    private const string InsertSql = """
        INSERT INTO confidential_accesses (id, bilan_id, resource, actor, role, access_time, disclosure_consent_id)
        VALUES (@Id, @BilanId, @Resource, @Actor, @Role, @AccessTime, @DisclosureConsentId)
        """;

    /// <summary>
    /// Refuses a caller who may not read the bilan's confidential content: another organisation's API client
    /// (NOT_FOUND, as for the bilan), another consultant, support, and an API client without an active disclosure
    /// consent of the beneficiary to its organisation. Returns the consent an API client reads under.
    /// </summary>
    public static async Task<Guid?> EnsureMayReadAsync(
        Caller caller, BilanRecord bilan, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        caller.EnsureVisible(bilan);
        if (caller.Role == StaffRole.Support)
        {
            throw new PermissionDeniedException("CONFIDENTIAL_CONTENT",
                "Support staff may not read the synthesis or interview notes of a bilan (professional secrecy, L6313-4).",
                "Le support n'a pas accès au contenu confidentiel d'un bilan (secret professionnel).");
        }

        if (!caller.IsApiClient)
        {
            return null;
        }

        return await DisclosureConsents.ActiveForOrganizationAsync(connection, transaction, bilan.Id, caller.OrganizationId!.Value, cancellationToken)
            ?? throw new PermissionDeniedException("DISCLOSURE_CONSENT_MISSING",
                "The beneficiary has not agreed to disclose the synthesis to your organisation.",
                "Le bénéficiaire n'a pas accepté de communiquer sa synthèse à votre organisation.");
    }

    public static Task RecordAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        Guid bilanId,
        string resource,
        Caller caller,
        DateTimeOffset time,
        Guid? disclosureConsentId,
        CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(InsertSql, new
        {
            Id = Guid.CreateVersion7(time),
            BilanId = bilanId,
            Resource = resource,
            caller.Actor,
            Role = (short)RoleOf(caller),
            AccessTime = time,
            DisclosureConsentId = disclosureConsentId,
        }, transaction, cancellationToken: cancellationToken));

    private static AccessorRole RoleOf(Caller caller) => caller.IsApiClient
        ? AccessorRole.ApiClient
        : caller.Role switch
        {
            StaffRole.Admin => AccessorRole.Admin,
            StaffRole.Consultant => AccessorRole.Consultant,
            StaffRole.Support => AccessorRole.Support,
            _ => AccessorRole.Unspecified,
        };
}
