using System.Reflection;
using System.Text.Json;
using Bilan.Contracts.V1;
using Bilan.Server.Api;
using Bilan.Server.Data;
using Bilan.Server.Features.Bilans;
using Bilan.Server.Features.Interviews;
using Dapper;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace Bilan.Server.Features.Beneficiaries;

/// <summary>
/// GDPR art. 15 and 20 (access, portability; answered within one month): everything held on a person, in one
/// message. The synthesis is the beneficiary's own document (L6313-4), so its content is included while not
/// destroyed (R6313-7), and each version included is recorded in the confidential access log, as every read is.
/// Interview notes about the person are their data too: exported while not destroyed, each read logged likewise.
/// Funding lines, convention, working-time authorisation, follow-up, satisfaction survey and complaints of their
/// bilans come with them (<see cref="ExportedResources"/>).
/// </summary>
public sealed partial class BeneficiariesService
{
    private const string ExportBilansSql = $"SELECT {BilanRecord.Columns} FROM bilans b WHERE b.beneficiary_id = @Id ORDER BY b.create_time, b.id";

    private const string ExportInterviewsSql = $"""
        SELECT {InterviewRecord.Columns} FROM interviews i WHERE i.bilan_id = ANY(@BilanIds) ORDER BY i.start_time, i.id
        """;

    private const string ExportEventsSql = """
        SELECT bilan_id AS BilanId, type AS Type, actor AS Actor, create_time AS CreateTime, attributes::text AS Attributes
        FROM bilan_events WHERE bilan_id = ANY(@BilanIds) ORDER BY id
        """;

    private const string ExportConsentsSql = """
        SELECT bilan_id AS BilanId, consent_date AS ConsentDate, method AS Method, keep_documents_for_follow_up AS KeepDocumentsForFollowUp
        FROM bilan_consents WHERE bilan_id = ANY(@BilanIds)
        """;

    private const string ExportDisclosuresSql = """
        SELECT bilan_id AS BilanId, organization_id AS OrganizationId, cep_operator AS CepOperator, consent_date AS ConsentDate, revoke_time AS RevokeTime
        FROM disclosure_consents WHERE bilan_id = ANY(@BilanIds) ORDER BY create_time, id
        """;

    private const string ExportSynthesisSql = """
        SELECT bilan_id AS BilanId, version AS Version, circumstances AS Circumstances, skills_and_options AS SkillsAndOptions,
               project_and_steps AS ProjectAndSteps, beneficiary_observations AS BeneficiaryObservations, deliver_time AS DeliverTime
        FROM synthesis_versions WHERE bilan_id = ANY(@BilanIds) AND destroyed_time IS NULL ORDER BY bilan_id, version
        """;

    private const string ExportNotesSql = """
        SELECT interview_id AS InterviewId, bilan_id AS BilanId, text AS Text
        FROM interview_notes WHERE bilan_id = ANY(@BilanIds) AND destroyed_time IS NULL AND text <> ''
        """;

    private const string ExportRetentionSql = """
        SELECT bilan_id AS BilanId, retain_until AS RetainUntil FROM retained_documents WHERE bilan_id = ANY(@BilanIds)
        """;

    // role 1: an administrator (the access log's AccessorRole).
    private const string RecordContentReadSql = """
        INSERT INTO confidential_accesses (id, bilan_id, resource, actor, role, access_time, disclosure_consent_id)
        VALUES (@Id, @BilanId, @Resource, @Actor, 1, @AccessTime, NULL)
        """;

    public override async Task<BeneficiaryDataExport> ExportBeneficiaryData(ExportBeneficiaryDataRequest request, ServerCallContext context)
    {
        var id = ResourceName.ParseId(request.Name, BeneficiaryRecord.Collection, "name");
        var ct = context.CancellationToken;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        // One snapshot for every read, committed together with the access log rows.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var beneficiary = await FindAsync(connection, transaction, id, forUpdate: false, ct);
        var bilans = (await connection.QueryAsync<BilanRow>(new CommandDefinition(ExportBilansSql, new { Id = id }, transaction, cancellationToken: ct)))
            .Select(row => row.ToRecord()).ToList();
        var ids = new { BilanIds = bilans.Select(b => b.Id).ToArray() };
        var interviews = (await connection.QueryAsync<InterviewRow>(new CommandDefinition(ExportInterviewsSql, ids, transaction, cancellationToken: ct)))
            .Select(row => row.ToRecord()).ToLookup(r => r.BilanId);
        var events = (await connection.QueryAsync<ExportEventRow>(new CommandDefinition(ExportEventsSql, ids, transaction, cancellationToken: ct))).ToLookup(e => e.BilanId);
        var consents = (await connection.QueryAsync<ExportConsentRow>(new CommandDefinition(ExportConsentsSql, ids, transaction, cancellationToken: ct)))
            .ToDictionary(c => c.BilanId);
        var disclosures = (await connection.QueryAsync<ExportDisclosureRow>(new CommandDefinition(ExportDisclosuresSql, ids, transaction, cancellationToken: ct)))
            .ToLookup(d => d.BilanId);
        var syntheses = (await connection.QueryAsync<ExportSynthesisRow>(new CommandDefinition(ExportSynthesisSql, ids, transaction, cancellationToken: ct)))
            .ToList();
        var notes = (await connection.QueryAsync<ExportNotesRow>(new CommandDefinition(ExportNotesSql, ids, transaction, cancellationToken: ct)))
            .ToList();
        var retention = (await connection.QueryAsync<ExportRetentionRow>(new CommandDefinition(ExportRetentionSql, ids, transaction, cancellationToken: ct)))
            .ToDictionary(r => r.BilanId, r => r.RetainUntil);
        var resources = await ExportedResources.ReadAsync(connection, transaction, ids.BilanIds, ct);

        var now = clock.Now();
        var actor = Actor.Of(context);
        foreach (var synthesis in syntheses)
        {
            await connection.ExecuteAsync(new CommandDefinition(RecordContentReadSql, new
            {
                Id = Guid.CreateVersion7(),
                synthesis.BilanId,
                Resource = $"{ResourceName.Format(BilanRecord.Collection, synthesis.BilanId)}/synthesis",
                Actor = actor,
                AccessTime = now,
            }, transaction, cancellationToken: ct));
        }

        foreach (var note in notes)
        {
            await connection.ExecuteAsync(new CommandDefinition(RecordContentReadSql, new
            {
                Id = Guid.CreateVersion7(),
                note.BilanId,
                Resource = $"{InterviewRecord.Format(note.BilanId, note.InterviewId)}/notes",
                Actor = actor,
                AccessTime = now,
            }, transaction, cancellationToken: ct));
        }

        await transaction.CommitAsync(ct);
        var notesByInterview = notes.ToDictionary(n => n.InterviewId, n => n.Text);

        var export = new BeneficiaryDataExport { ExportTime = ProtoConversions.ToTimestamp(now), Beneficiary = beneficiary.ToProto() };
        var synthesesByBilan = syntheses.ToLookup(s => s.BilanId);
        foreach (var bilan in bilans)
        {
            var exported = new ExportedBilan
            {
                Name = bilan.Name,
                State = ProtoName<Contracts.V1.Bilan.Types.State>((int)bilan.State),
                WorkingTime = ProtoName<Contracts.V1.WorkingTime>((int)bilan.Plan.WorkingTime),
                FundingSource = ProtoName<Contracts.V1.FundingSource>((int)bilan.Plan.FundingSource),
                PlannedHours = bilan.Plan.PlannedHours,
                Consultant = bilan.ConsultantId is { } consultant ? ResourceName.Format("consultants", consultant) : "",
                AbandonReason = bilan.AbandonReason == Domain.Bilans.AbandonReason.Unspecified ? "" : ProtoName<Contracts.V1.AbandonReason>((int)bilan.AbandonReason),
                CreateTime = ProtoConversions.ToTimestamp(bilan.CreateTime),
                UpdateTime = ProtoConversions.ToTimestamp(bilan.UpdateTime),
                Consent = consents.TryGetValue(bilan.Id, out var consent)
                    ? new ExportedBilanConsent
                    {
                        ConsentDate = ProtoConversions.ToProtoDate(consent.ConsentDate),
                        Method = ProtoName<ConsentMethod>(consent.Method),
                        KeepDocumentsForFollowUp = consent.KeepDocumentsForFollowUp,
                    }
                    : null,
                RetainUntil = retention.TryGetValue(bilan.Id, out var until) ? ProtoConversions.ToProtoDate(until) : null,
            };
            exported.Interviews.AddRange(interviews[bilan.Id].Select(i => new ExportedInterview
            {
                Name = i.Name,
                Phase = ProtoName<Contracts.V1.InterviewPhase>((int)i.Interview.Phase),
                StartTime = ProtoConversions.ToTimestamp(i.Interview.Start),
                DurationMinutes = i.Interview.PlannedMinutes,
                Mode = ProtoName<Contracts.V1.InterviewMode>((int)i.Interview.Mode),
                Status = ProtoName<Contracts.V1.InterviewStatus>((int)i.Interview.Status),
                HeldMinutes = i.Interview.HeldMinutes ?? 0,
                Notes = notesByInterview.GetValueOrDefault(i.Interview.Id, ""),
            }));
            exported.Events.AddRange(events[bilan.Id].Select(e =>
            {
                var item = new ExportedEvent
                {
                    Type = ProtoName<Contracts.V1.BilanEventType>(e.Type),
                    Actor = e.Actor,
                    CreateTime = ProtoConversions.ToTimestamp(new DateTimeOffset(e.CreateTime, TimeSpan.Zero)),
                };
                item.Attributes.Add(JsonSerializer.Deserialize<Dictionary<string, string>>(e.Attributes) ?? []);
                return item;
            }));
            exported.DisclosureConsents.AddRange(disclosures[bilan.Id].Select(d => new ExportedDisclosureConsent
            {
                Organization = d.OrganizationId is { } organization ? ResourceName.Format("organizations", organization) : "",
                CepOperator = d.CepOperator ?? "",
                ConsentDate = ProtoConversions.ToProtoDate(d.ConsentDate),
                RevokeTime = d.RevokeTime is { } revoked ? ProtoConversions.ToTimestamp(new DateTimeOffset(revoked, TimeSpan.Zero)) : null,
            }));
            exported.SynthesisVersions.AddRange(synthesesByBilan[bilan.Id].Select(s => new ExportedSynthesis
            {
                Version = s.Version,
                Circumstances = s.Circumstances,
                SkillsAndOptions = s.SkillsAndOptions,
                ProjectAndSteps = s.ProjectAndSteps,
                BeneficiaryObservations = s.BeneficiaryObservations,
                DeliverTime = s.DeliverTime is { } delivered ? ProtoConversions.ToTimestamp(new DateTimeOffset(delivered, TimeSpan.Zero)) : null,
            }));
            resources.AddTo(exported, bilan, beneficiary.Details.PublicCategory, interviews[bilan.Id].ToList(), cpfPolicy, Domain.FrenchCalendar.DateOf(now));
            export.Bilans.Add(exported);
        }

        return export;
    }

    /// <summary>The proto name of an enum value (<c>STATE_CLOSED</c>), or its number when the contract does not know it.</summary>
    private static string ProtoName<TEnum>(int value)
        where TEnum : struct, Enum
    {
        var name = Enum.GetName(typeof(TEnum), value);
        return name is null
            ? value.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : typeof(TEnum).GetField(name)?.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? name;
    }

    private sealed record ExportEventRow(Guid BilanId, short Type, string Actor, DateTime CreateTime, string Attributes);

    private sealed record ExportConsentRow(Guid BilanId, DateOnly ConsentDate, short Method, bool KeepDocumentsForFollowUp);

    private sealed record ExportDisclosureRow(Guid BilanId, Guid? OrganizationId, string? CepOperator, DateOnly ConsentDate, DateTime? RevokeTime);

    private sealed record ExportSynthesisRow(
        Guid BilanId, int Version, string Circumstances, string SkillsAndOptions, string ProjectAndSteps, string BeneficiaryObservations, DateTime? DeliverTime);

    private sealed record ExportRetentionRow(Guid BilanId, DateOnly RetainUntil);

    private sealed record ExportNotesRow(Guid InterviewId, Guid BilanId, string Text);
}
