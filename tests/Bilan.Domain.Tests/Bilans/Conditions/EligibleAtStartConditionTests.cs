using Bilan.Domain.Bilans;
using Bilan.Domain.Errors;
using Bilan.Domain.Tests.Interviews;

namespace Bilan.Domain.Tests.Bilans.Conditions;

public sealed class EligibleAtStartConditionTests
{
    private static readonly DateOnly Today = new(2026, 5, 4);

    // A past parental leave comes first, so that the refusing situation is situations[1].
    private const string PastSituation = "ParentalLeave 2025-01-06..2025-06-30";

    [Theory]
    [InlineData(BilanTransition.Start, true)]
    [InlineData(BilanTransition.StartInvestigation, false)]
    [InlineData(BilanTransition.StartConclusion, false)]
    [InlineData(BilanTransition.Complete, false)]
    [InlineData(BilanTransition.StartFollowUp, false)]
    [InlineData(BilanTransition.Close, false)]
    [InlineData(BilanTransition.Abandon, false)]
    [InlineData(BilanTransition.Cancel, false)]
    public void AppliesTo_EveryTransition_OnlyStartBilan(BilanTransition transition, bool applies) =>
        Assert.Equal(applies, new EligibleAtStartCondition().AppliesTo(transition));

    // Today is 2026-05-04. Expected: the failure type and the dates as the English and French messages write them,
    // or null when the bilan starts.
    [Theory]
    // Forbidden situations that are current today.
    [InlineData("MaternityLeave 2026-04-01..2026-07-31", true, "SITUATION_FORBIDS_BILAN", "from 2026-04-01 to 2026-07-31", "congé maternité (du 01/04/2026 au 31/07/2026)")]
    [InlineData("CarerLeave 2026-05-04..2026-05-04", true, "SITUATION_FORBIDS_BILAN", "from 2026-05-04 to 2026-05-04", "congé de proche aidant (du 04/05/2026 au 04/05/2026)")]
    [InlineData("TransitionProject 2026-01-05..2026-12-18", true, "SITUATION_FORBIDS_BILAN", "from 2026-01-05 to 2026-12-18", "projet de transition professionnelle (du 05/01/2026 au 18/12/2026)")]
    [InlineData("MaternityLeave 2026-05-04..2026-08-31", true, "SITUATION_FORBIDS_BILAN", "from 2026-05-04 to 2026-08-31", "(du 04/05/2026 au 31/08/2026)")]
    [InlineData("CarerLeave 2026-02-01..2026-05-04", true, "SITUATION_FORBIDS_BILAN", "from 2026-02-01 to 2026-05-04", "(du 01/02/2026 au 04/05/2026)")]
    // Open-ended ones.
    [InlineData("MaternityLeave 2026-04-01..", true, "SITUATION_FORBIDS_BILAN", "from 2026-04-01, no end date", "congé maternité (depuis le 01/04/2026, sans date de fin)")]
    [InlineData("TransitionProject 2026-05-04..", true, "SITUATION_FORBIDS_BILAN", "from 2026-05-04, no end date", "projet de transition professionnelle (depuis le 04/05/2026, sans date de fin)")]
    [InlineData("CarerLeave 2020-09-01..", true, "SITUATION_FORBIDS_BILAN", "from 2020-09-01, no end date", "congé de proche aidant (depuis le 01/09/2020, sans date de fin)")]
    // Forbidden situations that ended yesterday or start tomorrow.
    [InlineData("MaternityLeave 2026-01-12..2026-05-03", true, null, null, null)]
    [InlineData("CarerLeave 2026-05-05..2026-06-30", true, null, null, null)]
    [InlineData("TransitionProject 2026-05-05..", true, null, null, null)]
    // Sick leave: the doctor's written agreement, when the policy asks for it.
    [InlineData("SickLeave 2026-04-20..2026-05-15", true, "SICK_LEAVE_WITHOUT_DOCTOR_AGREEMENT", "sick leave (from 2026-04-20 to 2026-05-15)", "arrêt de travail (du 20/04/2026 au 15/05/2026)")]
    [InlineData("SickLeave 2026-04-20..", true, "SICK_LEAVE_WITHOUT_DOCTOR_AGREEMENT", "sick leave (from 2026-04-20, no end date)", "arrêt de travail (depuis le 20/04/2026, sans date de fin)")]
    [InlineData("SickLeave 2026-04-20..2026-05-15 agreed", true, null, null, null)]
    [InlineData("SickLeave 2026-04-20..2026-05-15", false, null, null, null)]
    [InlineData("SickLeave 2026-04-20..2026-05-03", true, null, null, null)]
    // Situations during which a bilan may take place.
    [InlineData("ParentalLeave 2026-03-01..2026-09-30", true, null, null, null)]
    [InlineData("TherapeuticPartTime 2026-03-01..", true, null, null, null)]
    [InlineData("UnpaidLeave 2026-05-04..2026-05-04", true, null, null, null)]
    [InlineData("SabbaticalLeave 2026-01-01..2026-12-31", true, null, null, null)]
    public void StartBilan_SituationOnTheDay_StartsOrRefusedNamingSituationAndDates(
        string situation, bool requireDoctorAgreement, string? expectedType, string? englishDates, string? frenchText)
    {
        var facts = new BilanFacts(
            Today,
            HasConsultant: true,
            [],
            TestInterviews.Situations($"{PastSituation}; {situation}"),
            new BilanPolicy { RequireDoctorAgreementDuringSickLeave = requireDoctorAgreement })
        {
            ConsentRecorded = true,
        };

        var result = BilanState.Unspecified;
        var exception = Record.Exception(() => result = BilanLifecycle.Default.Apply(BilanState.Requested, BilanTransition.Start, facts));

        if (expectedType is null)
        {
            Assert.Null(exception);
            Assert.Equal(BilanState.Preliminary, result);
            return;
        }

        var rule = Assert.IsType<RuleViolationException>(exception);
        Assert.Equal("TRANSITION_CONDITIONS_NOT_MET", rule.Reason);
        Assert.Equal(expectedType, rule.Metadata["conditions"]);
        var failure = Assert.Single(rule.Failures);
        Assert.Equal((expectedType, "situations[1]"), (failure.Type, failure.Subject));
        Assert.Contains(englishDates!, failure.Description, StringComparison.Ordinal);
        Assert.Contains(frenchText!, failure.FrenchDescription, StringComparison.Ordinal);
        Assert.Contains(englishDates!, rule.Message, StringComparison.Ordinal);
        Assert.Contains(frenchText!, rule.FrenchMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void StartBilan_CurrentMaternityLeave_ExactMessages()
    {
        var facts = new BilanFacts(Today, true, [], TestInterviews.Situations("MaternityLeave 2026-04-01..2026-07-31"), new BilanPolicy()) { ConsentRecorded = true };

        var rule = Assert.Throws<RuleViolationException>(() => BilanLifecycle.Default.Apply(BilanState.Requested, BilanTransition.Start, facts));

        Assert.Equal("StartBilan refused: No bilan may take place during SITUATION_KIND_MATERNITY_LEAVE (from 2026-04-01 to 2026-07-31).", rule.Message);
        Assert.Equal("Action impossible : Aucun bilan ne peut avoir lieu pendant un congé maternité (du 01/04/2026 au 31/07/2026).", rule.FrenchMessage);
    }

    [Fact]
    public void StartBilan_SickLeaveWithoutAgreement_MessageCitesDoctorAndPolicy()
    {
        var facts = new BilanFacts(Today, true, [], TestInterviews.Situations("SickLeave 2026-04-20..2026-05-15"), new BilanPolicy()) { ConsentRecorded = true };

        var failure = Assert.Single(Assert.Throws<RuleViolationException>(() =>
            BilanLifecycle.Default.Apply(BilanState.Requested, BilanTransition.Start, facts)).Failures);

        Assert.Equal(
            "A bilan during sick leave (from 2026-04-20 to 2026-05-15) needs the treating doctor's written agreement, not recorded yet (provider policy).",
            failure.Description);
        Assert.Equal(
            "Un bilan pendant un arrêt de travail (du 20/04/2026 au 15/05/2026) demande l'accord écrit du médecin traitant, qui n'est pas enregistré.",
            failure.FrenchDescription);
    }

    [Fact]
    public void Check_SeveralCurrentSituations_OnlyBlockingOnesWithTheirIndex()
    {
        var facts = new BilanFacts(Today, true, [],
            TestInterviews.Situations(
                "ParentalLeave 2026-01-01..; TransitionProject 2026-03-01..2026-09-30; SickLeave 2026-05-01..2026-05-10 agreed; CarerLeave 2026-04-01..2026-05-04"),
            new BilanPolicy());

        Assert.Equal(
            [("SITUATION_FORBIDS_BILAN", "situations[1]"), ("SITUATION_FORBIDS_BILAN", "situations[3]")],
            new EligibleAtStartCondition().Check(facts).Select(f => (f.Type, f.Subject)));
    }
}
