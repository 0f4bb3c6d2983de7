using Bilan.Domain.Funding;
using Bilan.Server.Api;
using Proto = Bilan.Contracts.V1;

namespace Bilan.Server.Features.Conventions;

/// <summary>A tripartite convention as stored (row of <c>tripartite_conventions</c>).</summary>
internal sealed record ConventionRecord(
    Guid BilanId,
    string Title,
    string ObjectiveAndContent,
    string Means,
    decimal DurationHours,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    string ConductAndFollowUp,
    string ResultsHandover,
    decimal PriceEuros,
    string PaymentTerms,
    DateOnly? SentDate,
    DateOnly? ReceivedDate,
    DateOnly? EmployeeSignedDate,
    DateOnly? EmployerSignedDate,
    DateOnly? ProviderSignedDate,
    DateOnly? EmployeeRefusedDate,
    DateTime CreateTime,
    DateTime UpdateTime,
    int Version)
{
    public const string Segment = "convention";

    public const string Columns = """
        bilan_id, title, objective_and_content, means, duration_hours, period_start, period_end, conduct_and_follow_up,
        results_handover, price_euros, payment_terms, sent_date, received_date, employee_signed_date, employer_signed_date,
        provider_signed_date, employee_refused_date, create_time, update_time, version
        """;

    public string Name => SingletonName.Format(BilanId, Segment);

    /// <summary>What the rules of R6313-8 read: null until the employee received it.</summary>
    public TripartiteConventionFacts? Facts => ReceivedDate is { } received
        ? new TripartiteConventionFacts(received, EmployeeSignedDate, EmployeeRefusedDate, EmployerSignedDate, ProviderSignedDate)
        : null;

    public TripartiteConventionContent Content => new(Title, ObjectiveAndContent, Means, DurationHours, PeriodStart, PeriodEnd,
        ConductAndFollowUp, ResultsHandover, PriceEuros, PaymentTerms);

    /// <summary>The state today, and who has yet to sign.</summary>
    public (Proto.ConventionState State, IReadOnlyList<ConventionParty> Missing) StateOn(DateOnly today)
    {
        if (Facts is not { } facts)
        {
            var missing = new List<ConventionParty> { ConventionParty.Employee };
            if (EmployerSignedDate is null)
            {
                missing.Add(ConventionParty.Employer);
            }

            if (ProviderSignedDate is null)
            {
                missing.Add(ConventionParty.Provider);
            }

            return (Proto.ConventionState.Draft, missing);
        }

        var status = TripartiteConvention.StatusOn(facts, today);
        return (status.Kind switch
        {
            TripartiteConventionStatusKind.Signed => Proto.ConventionState.Signed,
            TripartiteConventionStatusKind.Refused => Proto.ConventionState.Refused,
            TripartiteConventionStatusKind.DeemedRefused => Proto.ConventionState.DeemedRefused,
            _ => Proto.ConventionState.AwaitingSignatures,
        }, status.MissingSignatures);
    }

    public Proto.Convention ToProto(DateOnly today)
    {
        var (state, missing) = StateOn(today);
        var proto = new Proto.Convention
        {
            Name = Name,
            Title = Title,
            ObjectiveAndContent = ObjectiveAndContent,
            Means = Means,
            DurationHours = (double)DurationHours,
            PeriodStart = ProtoConversions.ToProtoDate(PeriodStart),
            PeriodEnd = ProtoConversions.ToProtoDate(PeriodEnd),
            ConductAndFollowUp = ConductAndFollowUp,
            ResultsHandover = ResultsHandover,
            PriceEuros = (double)PriceEuros,
            PaymentTerms = PaymentTerms,
            State = state,
            SentDate = ProtoConversions.ToProtoDate(SentDate),
            ReceivedDate = ProtoConversions.ToProtoDate(ReceivedDate),
            EmployeeSignatureDeadline = ProtoConversions.ToProtoDate(ReceivedDate is { } r ? TripartiteConvention.SignatureDeadline(r) : null),
            EmployeeSignedDate = ProtoConversions.ToProtoDate(EmployeeSignedDate),
            EmployerSignedDate = ProtoConversions.ToProtoDate(EmployerSignedDate),
            ProviderSignedDate = ProtoConversions.ToProtoDate(ProviderSignedDate),
            EmployeeRefusedDate = ProtoConversions.ToProtoDate(EmployeeRefusedDate),
            CreateTime = ProtoConversions.ToTimestamp(new DateTimeOffset(CreateTime, TimeSpan.Zero)),
            UpdateTime = ProtoConversions.ToTimestamp(new DateTimeOffset(UpdateTime, TimeSpan.Zero)),
            Etag = Etag.Of(Version),
        };
        proto.MissingSignatures.AddRange(missing.Select(p => (Proto.ConventionParty)p));
        return proto;
    }
}
