using Bilan.Server.Api;
using Bilan.Server.Features.Bilans;
using Bilan.Server.Features.Organizations;
using Proto = Bilan.Contracts.V1;

namespace Bilan.Server.Features.Consents;

/// <summary>How the beneficiary consented (same numbers as the API's ConsentMethod).</summary>
internal enum ConsentMethod
{
    Unspecified = 0,
    SignedPaper = 1,
    ElectronicSignature = 2,
    Email = 3,
    OralRecorded = 4,
}

/// <summary>What a disclosure consent covers (same numbers as the API's DisclosureScope).</summary>
internal enum DisclosureScope
{
    Unspecified = 0,
    Synthesis = 1,
    SynthesisAndResults = 2,
}

/// <summary>The beneficiary's consent to a bilan, as stored (row of <c>bilan_consents</c>).</summary>
internal sealed record BilanConsentRecord(
    Guid BilanId,
    DateOnly ConsentDate,
    short Method,
    bool KeepDocumentsForFollowUp,
    string RecordedBy,
    DateTime CreateTime,
    int RowVersion)
{
    public const string Columns = "bilan_id, consent_date, method, keep_documents_for_follow_up, recorded_by, create_time, row_version";

    public string BilanName => ResourceName.Format(BilanRecord.Collection, BilanId);

    public Proto.BilanConsent ToProto() => new()
    {
        Bilan = BilanName,
        ConsentDate = ProtoConversions.ToProtoDate(ConsentDate),
        Method = (Proto.ConsentMethod)Method,
        KeepDocumentsForFollowUp = KeepDocumentsForFollowUp,
        RecordedBy = RecordedBy,
        CreateTime = ProtoConversions.ToTimestamp(new DateTimeOffset(CreateTime, TimeSpan.Zero)),
        Etag = Etag.Of(RowVersion),
    };
}

/// <summary>A disclosure consent, as stored (row of <c>disclosure_consents</c>).</summary>
internal sealed record DisclosureConsentRecord(
    Guid Id,
    Guid BilanId,
    Guid? OrganizationId,
    string? CepOperator,
    short Scope,
    string Evidence,
    DateOnly ConsentDate,
    DateTime CreateTime,
    DateTime? RevokeTime,
    int Version)
{
    public const string Segment = "disclosureConsents";

    public const string Columns = "id, bilan_id, organization_id, cep_operator, scope, evidence, consent_date, create_time, revoke_time, version";

    public string Name => Format(BilanId, Id);

    public bool Active => RevokeTime is null;

    public static string Format(Guid bilanId, Guid id) => $"{ResourceName.Format(BilanRecord.Collection, bilanId)}/{Segment}/{id}";

    public Proto.DisclosureConsent ToProto()
    {
        var proto = new Proto.DisclosureConsent
        {
            Name = Name,
            Scope = (Proto.DisclosureScope)Scope,
            Evidence = Evidence,
            ConsentDate = ProtoConversions.ToProtoDate(ConsentDate),
            CreateTime = ProtoConversions.ToTimestamp(new DateTimeOffset(CreateTime, TimeSpan.Zero)),
            RevokeTime = RevokeTime is { } revoked ? ProtoConversions.ToTimestamp(new DateTimeOffset(revoked, TimeSpan.Zero)) : null,
            Active = Active,
        };
        if (OrganizationId is { } organization)
        {
            proto.Organization = ResourceName.Format(OrganizationRecord.Collection, organization);
        }
        else
        {
            proto.CepOperator = CepOperator ?? "";
        }

        return proto;
    }

    /// <summary>Event attributes: which consent and what it covers, never its evidence.</summary>
    public Dictionary<string, string> EventAttributes() => new()
    {
        ["disclosure_consent"] = Name,
        ["scope"] = Domain.ApiNames.Of((DisclosureScope)Scope),
    };
}
