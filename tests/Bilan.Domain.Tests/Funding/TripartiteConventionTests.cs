using Bilan.Domain.Funding;

namespace Bilan.Domain.Tests.Funding;

// "10 days from receiving it", in calendar days: the day after receipt is day 1. Received on 10 March 2026, the
// employee may sign up to 20 March (day 10); on 21 March (day 11) silence has become refusal.
public sealed class TripartiteConventionTests
{
    private const string Received = "2026-03-10";

    private static readonly TripartiteConventionContent Complete = new(
        "Bilan de compétences",
        "Faire le point sur ses compétences et construire un projet professionnel.",
        "Entretiens individuels, tests, documentation.",
        24m,
        new DateOnly(2026, 4, 1),
        new DateOnly(2026, 6, 30),
        "Entretiens hebdomadaires en présentiel, suivi à six mois.",
        "Document de synthèse remis au seul bénéficiaire lors du dernier entretien.",
        1800m,
        "Paiement à réception de facture, à 30 jours.");

    [Theory]
    [InlineData("2026-03-10", "2026-03-20")]
    [InlineData("2026-12-25", "2027-01-04")] // over the year end
    [InlineData("2028-02-20", "2028-03-01")] // leap year
    [InlineData("2027-02-20", "2027-03-02")] // common year
    public void SignatureDeadline_ReceivedOn_TenDaysAfter(string received, string expected) =>
        Assert.Equal(D(expected), TripartiteConvention.SignatureDeadline(D(received)));

    [Theory]
    // Nobody has answered: awaiting up to day 10, deemed refused from day 11.
    [InlineData(null, null, null, null, "2026-03-10", TripartiteConventionStatusKind.AwaitingSignature)] // day 0
    [InlineData(null, null, null, null, "2026-03-20", TripartiteConventionStatusKind.AwaitingSignature)] // day 10
    [InlineData(null, null, null, null, "2026-03-21", TripartiteConventionStatusKind.DeemedRefused)] // day 11
    [InlineData(null, null, "2026-03-09", "2026-03-09", "2026-03-21", TripartiteConventionStatusKind.DeemedRefused)]
    // The employee signs on day 10: signed once the three signatures are in.
    [InlineData("2026-03-20", null, "2026-03-09", "2026-03-09", "2026-03-20", TripartiteConventionStatusKind.Signed)]
    [InlineData("2026-03-20", null, "2026-03-09", "2026-03-09", "2026-03-19", TripartiteConventionStatusKind.AwaitingSignature)]
    [InlineData("2026-03-20", null, "2026-03-09", "2026-03-09", "2026-05-01", TripartiteConventionStatusKind.Signed)]
    // The employee signs on day 11: too late, silence has already meant refusal.
    [InlineData("2026-03-21", null, "2026-03-09", "2026-03-09", "2026-03-20", TripartiteConventionStatusKind.AwaitingSignature)]
    [InlineData("2026-03-21", null, "2026-03-09", "2026-03-09", "2026-03-21", TripartiteConventionStatusKind.DeemedRefused)]
    // An explicit refusal, from its date.
    [InlineData(null, "2026-03-15", "2026-03-09", "2026-03-09", "2026-03-14", TripartiteConventionStatusKind.AwaitingSignature)]
    [InlineData(null, "2026-03-15", "2026-03-09", "2026-03-09", "2026-03-15", TripartiteConventionStatusKind.Refused)]
    [InlineData(null, "2026-03-20", null, null, "2026-04-15", TripartiteConventionStatusKind.Refused)] // day 10
    [InlineData(null, "2026-03-21", null, null, "2026-03-21", TripartiteConventionStatusKind.DeemedRefused)] // day 11
    // The employee signed in time; the employer or the provider signs later: awaiting, then signed.
    [InlineData("2026-03-12", null, "2026-03-25", "2026-03-09", "2026-03-24", TripartiteConventionStatusKind.AwaitingSignature)]
    [InlineData("2026-03-12", null, "2026-03-25", "2026-03-09", "2026-03-25", TripartiteConventionStatusKind.Signed)]
    public void StatusOn_SignaturesAndDate_Status(
        string? employeeSigned, string? employeeRefused, string? employerSigned, string? providerSigned, string on, TripartiteConventionStatusKind expected)
    {
        var facts = new TripartiteConventionFacts(D(Received), Opt(employeeSigned), Opt(employeeRefused), Opt(employerSigned), Opt(providerSigned));

        Assert.Equal(expected, TripartiteConvention.StatusOn(facts, D(on)).Kind);
    }

    [Fact]
    public void StatusOn_NothingSigned_DeadlineAndEveryPartyMissing()
    {
        var status = TripartiteConvention.StatusOn(new TripartiteConventionFacts(D(Received)), D("2026-03-20"));

        Assert.Equal(D("2026-03-20"), status.SignatureDeadline);
        Assert.Equal([ConventionParty.Employee, ConventionParty.Employer, ConventionParty.Provider], status.MissingSignatures);
    }

    [Fact]
    public void StatusOn_EmployeeSignedInTimeEmployerMissing_NoDeadlineEmployerMissing()
    {
        var facts = new TripartiteConventionFacts(D(Received), EmployeeSignedOn: D("2026-03-12"), ProviderSignedOn: D("2026-03-09"));

        var status = TripartiteConvention.StatusOn(facts, D("2026-04-30"));

        Assert.Equal(TripartiteConventionStatusKind.AwaitingSignature, status.Kind);
        Assert.Null(status.SignatureDeadline);
        Assert.Equal([ConventionParty.Employer], status.MissingSignatures);
    }

    [Theory]
    [InlineData("2026-03-21", TripartiteConventionStatusKind.DeemedRefused)]
    [InlineData("2026-03-20", TripartiteConventionStatusKind.Refused)]
    public void StatusOn_FinalStatus_NoDeadlineNothingMissing(string on, TripartiteConventionStatusKind expected)
    {
        var facts = new TripartiteConventionFacts(D(Received), EmployeeRefusedOn: D("2026-03-20"));
        var silent = new TripartiteConventionFacts(D(Received));

        var status = TripartiteConvention.StatusOn(expected == TripartiteConventionStatusKind.Refused ? facts : silent, D(on));

        Assert.Equal(expected, status.Kind);
        Assert.Null(status.SignatureDeadline);
        Assert.Empty(status.MissingSignatures);
    }

    [Theory]
    [InlineData("2026-12-25", "2027-01-04", TripartiteConventionStatusKind.AwaitingSignature)]
    [InlineData("2026-12-25", "2027-01-05", TripartiteConventionStatusKind.DeemedRefused)]
    [InlineData("2028-02-20", "2028-03-01", TripartiteConventionStatusKind.AwaitingSignature)]
    [InlineData("2028-02-20", "2028-03-02", TripartiteConventionStatusKind.DeemedRefused)]
    [InlineData("2027-02-20", "2027-03-02", TripartiteConventionStatusKind.AwaitingSignature)]
    [InlineData("2027-02-20", "2027-03-03", TripartiteConventionStatusKind.DeemedRefused)]
    public void StatusOn_SilenceAroundDayTen_AwaitingThenDeemedRefused(string received, string on, TripartiteConventionStatusKind expected) =>
        Assert.Equal(expected, TripartiteConvention.StatusOn(new TripartiteConventionFacts(D(received)), D(on)).Kind);

    [Fact]
    public void Validate_CompleteContent_NoViolation() => Assert.Empty(TripartiteConvention.Validate(Complete));

    [Fact]
    public void Validate_EmptyContent_EveryMandatoryItemAtOnce()
    {
        var empty = new TripartiteConventionContent("", " ", "", null, null, null, "", "", null, "");

        var violations = TripartiteConvention.Validate(empty);

        Assert.Equal(TripartiteConvention.MandatoryItems.Select(i => i.Field), violations.Select(v => v.Field));
        Assert.All(violations, v => Assert.Equal("REQUIRED", v.Reason));
        Assert.All(violations, v => Assert.EndsWith(" est obligatoire.", v.FrenchDescription, StringComparison.Ordinal));
    }

    [Fact]
    public void MandatoryItems_R6313_8_TenFieldsInOrder() =>
        Assert.Equal(
            ["title", "objective_and_content", "means", "duration_hours", "period_start", "period_end", "conduct_and_follow_up",
                "results_handover", "price_euros", "payment_terms"],
            TripartiteConvention.MandatoryItems.Select(i => i.Field));

    public static TheoryData<TripartiteConventionContent, string, string, string> OneBadItem() => new()
    {
        { Complete with { Title = "" }, "title", "REQUIRED", "L'intitulé est obligatoire." },
        { Complete with { ObjectiveAndContent = "" }, "objective_and_content", "REQUIRED", "La description de l'objectif et du contenu est obligatoire." },
        { Complete with { Means = "" }, "means", "REQUIRED", "La description des moyens est obligatoire." },
        { Complete with { DurationHours = null }, "duration_hours", "REQUIRED", "Le nombre d'heures est obligatoire." },
        { Complete with { DurationHours = 0m }, "duration_hours", "NOT_POSITIVE", "Le nombre d'heures doit être supérieur à zéro." },
        { Complete with { PeriodStart = null }, "period_start", "REQUIRED", "La date de début de la période est obligatoire." },
        { Complete with { PeriodEnd = null }, "period_end", "REQUIRED", "La date de fin de la période est obligatoire." },
        { Complete with { PeriodEnd = new DateOnly(2026, 3, 31) }, "period_end", "BEFORE_START", "La date de fin de la période précède sa date de début." },
        { Complete with { ConductAndFollowUp = "" }, "conduct_and_follow_up", "REQUIRED", "La description du déroulement et du suivi est obligatoire." },
        { Complete with { ResultsHandover = "" }, "results_handover", "REQUIRED", "La description de la remise des résultats et de la synthèse est obligatoire." },
        { Complete with { PriceEuros = null }, "price_euros", "REQUIRED", "Le prix est obligatoire." },
        { Complete with { PriceEuros = -1m }, "price_euros", "NOT_POSITIVE", "Le prix doit être supérieur à zéro." },
        { Complete with { PaymentTerms = "" }, "payment_terms", "REQUIRED", "La description des modalités de règlement est obligatoire." },
        { Complete with { Title = new string('x', 4001) }, "title", "TOO_LONG", "L'intitulé ne doit pas dépasser 4000 caractères." },
    };

    [Theory]
    [MemberData(nameof(OneBadItem))]
    public void Validate_OneBadItem_ThatViolationOnly(TripartiteConventionContent content, string field, string reason, string french)
    {
        var violation = Assert.Single(TripartiteConvention.Validate(content));

        Assert.Equal(field, violation.Field);
        Assert.Equal(reason, violation.Reason);
        Assert.Equal(french, violation.FrenchDescription);
    }

    [Fact]
    public void Validate_PeriodOfOneDay_NoViolation() =>
        Assert.Empty(TripartiteConvention.Validate(Complete with { PeriodEnd = Complete.PeriodStart }));

    private static DateOnly? Opt(string? text) => text is null ? null : D(text);

    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
