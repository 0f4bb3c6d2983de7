using Bilan.Domain.Beneficiaries;
using Bilan.Domain.Funding;
using Bilan.Server.Api;
using Bilan.Server.Features.Bilans;
using Proto = Bilan.Contracts.V1;

namespace Bilan.Server.Features.Funding;

/// <summary>A funding line as stored (row of <c>fundings</c>), with its EDOF dossier when it has one.</summary>
internal sealed record FundingRecord(
    Guid Id,
    Guid BilanId,
    short FunderType,
    string FunderName,
    long AmountCents,
    short Status,
    DateOnly RequestedDate,
    DateOnly? DecideDate,
    DateOnly? PaidDate,
    string Reference,
    string? RefusalReason,
    short FundedHours,
    string? EdofNumber,
    DateOnly? EdofReceiveDate,
    short? EdofState,
    string? EdofStateReason,
    DateOnly? EdofStateDate,
    DateOnly? EdofAnswerDate,
    DateOnly? EdofProposalDate,
    DateOnly? EdofStartDate,
    DateOnly? EdofEndDate,
    DateOnly? EdofEntryDate,
    DateOnly? EdofEntryDeclaredDate,
    DateOnly? EdofExitDate,
    DateOnly? EdofExitDeclaredDate,
    int Version,
    DateTime CreateTime,
    DateTime UpdateTime)
{
    public const string Segment = "fundings";

    public const string Columns = """
        f.id, f.bilan_id, f.funder_type, f.funder_name, f.amount_cents, f.status, f.requested_date, f.decide_date, f.paid_date,
        f.reference, f.refusal_reason, f.funded_hours, f.edof_number, f.edof_receive_date, f.edof_state, f.edof_state_reason,
        f.edof_state_date, f.edof_answer_date, f.edof_proposal_date, f.edof_start_date, f.edof_end_date, f.edof_entry_date,
        f.edof_entry_declared_date, f.edof_exit_date, f.edof_exit_declared_date, f.version, f.create_time, f.update_time
        """;

    /// <summary>The columns an update writes back (everything but the identity and creation).</summary>
    public const string UpdateSql = """
        UPDATE fundings SET funder_name = @FunderName, amount_cents = @AmountCents, status = @Status, requested_date = @RequestedDate,
            decide_date = @DecideDate, paid_date = @PaidDate, reference = @Reference, refusal_reason = @RefusalReason,
            funded_hours = @FundedHours, edof_number = @EdofNumber, edof_receive_date = @EdofReceiveDate, edof_state = @EdofState,
            edof_state_reason = @EdofStateReason, edof_state_date = @EdofStateDate, edof_answer_date = @EdofAnswerDate,
            edof_proposal_date = @EdofProposalDate, edof_start_date = @EdofStartDate, edof_end_date = @EdofEndDate,
            edof_entry_date = @EdofEntryDate, edof_entry_declared_date = @EdofEntryDeclaredDate, edof_exit_date = @EdofExitDate,
            edof_exit_declared_date = @EdofExitDeclaredDate, version = @Version, update_time = @UpdateTime
        WHERE id = @Id AND version = @Version - 1
        """;

    public string Name => Format(BilanId, Id);

    public FunderType Funder => (FunderType)FunderType;

    public FundingStatus FundingStatus => (FundingStatus)Status;

    public EdofState? Edof => EdofState is { } state ? (EdofState)state : null;

    public static string Format(Guid bilanId, Guid id) => $"{ResourceName.Format(BilanRecord.Collection, bilanId)}/{Segment}/{id}";

    /// <summary>The dossier's dates as the deadline schedule reads them; null without a dossier.</summary>
    public EdofDossierDates? DossierDates => Edof is { } state && EdofReceiveDate is { } received
        ? new EdofDossierDates(state, received, EdofAnswerDate, EdofProposalDate, EdofStartDate, EdofEndDate,
            EdofEntryDate, EdofEntryDeclaredDate, EdofExitDate, EdofExitDeclaredDate)
        : null;

    /// <summary>The line for the API: with its CPF terms (from the policy on its request date) and EDOF deadlines for <paramref name="today"/>.</summary>
    public Proto.Funding ToProto(FundingContext context, CpfPolicy policy, DateOnly today)
    {
        var proto = new Proto.Funding
        {
            Name = Name,
            FunderType = (Proto.FunderType)FunderType,
            FunderName = FunderName,
            AmountCents = AmountCents,
            Status = (Proto.FundingStatus)Status,
            RequestedDate = ProtoConversions.ToProtoDate(RequestedDate),
            DecideDate = ProtoConversions.ToProtoDate(DecideDate),
            PaidDate = ProtoConversions.ToProtoDate(PaidDate),
            Reference = Reference,
            RefusalReason = RefusalReason ?? "",
            FundedHours = FundedHours,
            CreateTime = ProtoConversions.ToTimestamp(new DateTimeOffset(CreateTime, TimeSpan.Zero)),
            UpdateTime = ProtoConversions.ToTimestamp(new DateTimeOffset(UpdateTime, TimeSpan.Zero)),
            Etag = Etag.Of(Version),
        };
        if (Funder == Domain.Funding.FunderType.Cpf)
        {
            proto.CpfTerms = Terms(policy.At(RequestedDate), context.Category, context.CoFunded);
        }

        if (DossierDates is { } dates)
        {
            var dossier = new Proto.EdofDossier
            {
                DossierNumber = EdofNumber ?? "",
                ReceiveDate = ProtoConversions.ToProtoDate(EdofReceiveDate),
                State = (Proto.EdofState)EdofState!.Value,
                StateReason = EdofStateReason ?? "",
                StateDate = ProtoConversions.ToProtoDate(EdofStateDate),
                AnswerDate = ProtoConversions.ToProtoDate(EdofAnswerDate),
                ProposalDate = ProtoConversions.ToProtoDate(EdofProposalDate),
                TrainingStartDate = ProtoConversions.ToProtoDate(EdofStartDate),
                TrainingEndDate = ProtoConversions.ToProtoDate(EdofEndDate),
                EntryDate = ProtoConversions.ToProtoDate(EdofEntryDate),
                EntryDeclaredDate = ProtoConversions.ToProtoDate(EdofEntryDeclaredDate),
                ExitDate = ProtoConversions.ToProtoDate(EdofExitDate),
                ExitDeclaredDate = ProtoConversions.ToProtoDate(EdofExitDeclaredDate),
            };
            dossier.Deadlines.AddRange(EdofSchedule.Compute(dates, today).Select(deadline => new Proto.EdofDeadline
            {
                Kind = (Proto.EdofDeadlineKind)deadline.Kind,
                DueDate = ProtoConversions.ToProtoDate(deadline.DueDate),
                Status = (Proto.DeadlineStatus)deadline.Status,
                DoneDate = ProtoConversions.ToProtoDate(deadline.DoneDate),
            }));
            proto.EdofDossier = dossier;
        }

        return proto;
    }

    /// <summary>The CPF values of <paramref name="terms"/> and the holder's contribution, for the API.</summary>
    public static Proto.CpfTerms Terms(CpfTerms terms, PublicCategory category, bool coFunded)
    {
        var contribution = CpfRules.Contribution(terms, category, coFunded);
        return new Proto.CpfTerms
        {
            CapCents = terms.CapPerBilanCents?.Value ?? 0,
            CapEffectiveDate = ProtoConversions.ToProtoDate(terms.CapPerBilanCents?.EffectiveFrom),
            HolderContributionCents = contribution.Cents,
            HolderContributionEffectiveDate = ProtoConversions.ToProtoDate(contribution.Applied?.EffectiveFrom),
            ContributionExemption = (Proto.ContributionExemption)contribution.Exemption,
            PublicBilanLookbackYears = (int)(terms.PublicBilanLookbackYears?.Value ?? 0),
            PublicBilanLookbackEffectiveDate = ProtoConversions.ToProtoDate(terms.PublicBilanLookbackYears?.EffectiveFrom),
        };
    }

    public Dictionary<string, string> EventAttributes() => new() { ["funding"] = Name };
}

/// <summary>What a CPF line's terms depend on beyond the line: the beneficiary's public and whether the bilan is co-funded.</summary>
internal sealed record FundingContext(PublicCategory Category, bool CoFunded);
