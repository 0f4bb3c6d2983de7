using Bilan.Domain.Errors;
using Bilan.Domain.Funding;

namespace Bilan.Domain.Tests.Funding;

public sealed class EdofDossierTests
{
    // The usual EDOF flow, written here rather than read from the table: notProcessed -> validated
    // (-> waitingAcceptation for a job seeker) -> accepted -> inTraining -> terminated -> serviceDoneDeclared ->
    // serviceDoneValidated, with the cancellations and refusals possible before the training starts.
    private static readonly Dictionary<EdofState, EdofState[]> Expected = new()
    {
        [EdofState.NotProcessed] =
            [EdofState.Validated, EdofState.RefusedByProvider, EdofState.CancelledByHolder, EdofState.CancelledWithoutFollowUp],
        [EdofState.Validated] =
            [EdofState.WaitingAcceptation, EdofState.Accepted, EdofState.RefusedByHolder, EdofState.CancelledByProvider, EdofState.CancelledWithoutFollowUp],
        [EdofState.WaitingAcceptation] =
            [EdofState.Accepted, EdofState.RefusedByFunder, EdofState.RefusedByHolder, EdofState.CancelledWithoutFollowUp],
        [EdofState.Accepted] =
            [EdofState.InTraining, EdofState.CancelledByHolder, EdofState.CancelledByHolderNotRealised, EdofState.CancelledByProvider, EdofState.CancelledByFunder],
        [EdofState.InTraining] = [EdofState.Terminated],
        [EdofState.Terminated] = [EdofState.ServiceDoneDeclared],
        [EdofState.ServiceDoneDeclared] = [EdofState.ServiceDoneValidated],
    };

    private static readonly EdofState[] NeedingReason =
    [
        EdofState.CancelledByHolder, EdofState.CancelledByHolderNotRealised, EdofState.CancelledByProvider, EdofState.CancelledByFunder,
        EdofState.CancelledWithoutFollowUp, EdofState.RefusedByHolder, EdofState.RefusedByProvider, EdofState.RefusedByFunder,
    ];

    public static TheoryData<EdofState, EdofState> AllowedTransitions()
    {
        var data = new TheoryData<EdofState, EdofState>();
        foreach (var (from, targets) in Expected)
        {
            foreach (var to in targets)
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    public static TheoryData<EdofState, EdofState> RefusedTransitions()
    {
        var data = new TheoryData<EdofState, EdofState>();
        foreach (var from in Enum.GetValues<EdofState>())
        {
            foreach (var to in Enum.GetValues<EdofState>())
            {
                if (!(Expected.TryGetValue(from, out var targets) && targets.Contains(to)))
                {
                    data.Add(from, to);
                }
            }
        }

        return data;
    }

    public static TheoryData<EdofState> ReasonTargets() => [.. NeedingReason];

    [Theory]
    [MemberData(nameof(AllowedTransitions))]
    public void Apply_AllowedTransitionWithReason_TargetState(EdofState from, EdofState to) =>
        Assert.Equal(to, EdofDossier.Apply(from, to, "Motif saisi par l'organisme."));

    [Theory]
    [MemberData(nameof(AllowedTransitions))]
    public void Apply_AllowedTransitionWithoutReason_TargetStateOrReasonRequired(EdofState from, EdofState to)
    {
        var exception = Record.Exception(() => EdofDossier.Apply(from, to));

        if (!NeedingReason.Contains(to))
        {
            Assert.Null(exception);
            return;
        }

        var invalid = Assert.IsType<InvalidFieldsException>(exception);
        var violation = Assert.Single(invalid.Violations);
        Assert.Equal("reason", violation.Field);
        Assert.Equal("REQUIRED", violation.Reason);
        Assert.Equal("Le motif est obligatoire.", violation.FrenchDescription);
    }

    // Every pair outside the table, with a reason so that only the transition itself is judged.
    [Theory]
    [MemberData(nameof(RefusedTransitions))]
    public void Apply_TransitionOutsideTable_IllegalEdofTransition(EdofState from, EdofState to)
    {
        var rule = Assert.Throws<RuleViolationException>(() => EdofDossier.Apply(from, to, "Motif."));

        Assert.Equal("ILLEGAL_EDOF_TRANSITION", rule.Reason);
        Assert.Equal(ApiNames.Of(from), rule.Metadata["state"]);
        Assert.Equal(ApiNames.Of(to), rule.Metadata["target"]);
        Assert.Equal(
            string.Join(",", Expected.TryGetValue(from, out var targets) ? targets.Select(ApiNames.Of) : []),
            rule.Metadata["allowed"]);
    }

    [Theory]
    [InlineData(EdofState.InTraining, EdofState.CancelledByHolder)]
    [InlineData(EdofState.ServiceDoneValidated, EdofState.RefusedByFunder)]
    public void Apply_IllegalTransitionWithoutReason_ReasonReportedFirst(EdofState from, EdofState to) =>
        Assert.Throws<InvalidFieldsException>(() => EdofDossier.Apply(from, to, null));

    [Fact]
    public void Apply_IllegalTransition_MessagesNameStates()
    {
        var rule = Assert.Throws<RuleViolationException>(() => EdofDossier.Apply(EdofState.NotProcessed, EdofState.InTraining));

        Assert.Equal(
            "An EDOF dossier in state EDOF_STATE_NOT_PROCESSED cannot move to EDOF_STATE_IN_TRAINING; allowed now: EDOF_STATE_VALIDATED, "
            + "EDOF_STATE_REFUSED_BY_PROVIDER, EDOF_STATE_CANCELLED_BY_HOLDER, EDOF_STATE_CANCELLED_WITHOUT_FOLLOW_UP.",
            rule.Message);
        Assert.Equal("Le dossier EDOF est à l'état « Non traité » : il ne peut pas passer à l'état « En formation ».", rule.FrenchMessage);
    }

    [Fact]
    public void Apply_FromFinalState_NothingAllowed()
    {
        var rule = Assert.Throws<RuleViolationException>(() => EdofDossier.Apply(EdofState.ServiceDoneValidated, EdofState.Terminated));

        Assert.Equal("", rule.Metadata["allowed"]);
        Assert.EndsWith("allowed now: nothing (the dossier is closed).", rule.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ReasonTargets))]
    public void Apply_CancellationOrRefusalWithBlankReason_ReasonRequired(EdofState to)
    {
        foreach (var reason in new[] { null, "", "   " })
        {
            var invalid = Assert.Throws<InvalidFieldsException>(() => EdofDossier.Apply(EdofState.Accepted, to, reason));
            Assert.Equal("REQUIRED", Assert.Single(invalid.Violations).Reason);
        }
    }

    [Fact]
    public void Apply_ReasonTooLong_TooLong()
    {
        var invalid = Assert.Throws<InvalidFieldsException>(() =>
            EdofDossier.Apply(EdofState.Accepted, EdofState.CancelledByProvider, new string('x', EdofDossier.MaxReasonLength + 1)));

        Assert.Equal("TOO_LONG", Assert.Single(invalid.Violations).Reason);
    }

    [Theory]
    [InlineData(EdofState.NotProcessed, false)]
    [InlineData(EdofState.Validated, false)]
    [InlineData(EdofState.WaitingAcceptation, false)]
    [InlineData(EdofState.Accepted, false)]
    [InlineData(EdofState.InTraining, false)]
    [InlineData(EdofState.Terminated, false)]
    [InlineData(EdofState.ServiceDoneDeclared, false)]
    [InlineData(EdofState.ServiceDoneValidated, true)]
    [InlineData(EdofState.CancelledByHolder, true)]
    [InlineData(EdofState.CancelledByHolderNotRealised, true)]
    [InlineData(EdofState.CancelledByProvider, true)]
    [InlineData(EdofState.CancelledByFunder, true)]
    [InlineData(EdofState.CancelledWithoutFollowUp, true)]
    [InlineData(EdofState.RefusedByHolder, true)]
    [InlineData(EdofState.RefusedByProvider, true)]
    [InlineData(EdofState.RefusedByFunder, true)]
    public void IsFinal_EveryState_Expected(EdofState state, bool expected) => Assert.Equal(expected, EdofDossier.IsFinal(state));

    [Theory]
    [InlineData(EdofState.NotProcessed, false)]
    [InlineData(EdofState.Validated, false)]
    [InlineData(EdofState.WaitingAcceptation, false)]
    [InlineData(EdofState.Accepted, false)]
    [InlineData(EdofState.InTraining, false)]
    [InlineData(EdofState.Terminated, false)]
    [InlineData(EdofState.ServiceDoneDeclared, false)]
    [InlineData(EdofState.ServiceDoneValidated, false)]
    [InlineData(EdofState.CancelledByHolder, true)]
    [InlineData(EdofState.CancelledByHolderNotRealised, true)]
    [InlineData(EdofState.CancelledByProvider, true)]
    [InlineData(EdofState.CancelledByFunder, true)]
    [InlineData(EdofState.CancelledWithoutFollowUp, true)]
    [InlineData(EdofState.RefusedByHolder, true)]
    [InlineData(EdofState.RefusedByProvider, true)]
    [InlineData(EdofState.RefusedByFunder, true)]
    public void NeedsReason_EveryState_OnlyCancellationsAndRefusals(EdofState state, bool expected) =>
        Assert.Equal(expected, EdofDossier.NeedsReason(state));

    [Theory]
    [InlineData(EdofState.NotProcessed, "Non traité")]
    [InlineData(EdofState.Validated, "Validé")]
    [InlineData(EdofState.WaitingAcceptation, "Validé - en cours d'instruction France Travail")]
    [InlineData(EdofState.Accepted, "Accepté")]
    [InlineData(EdofState.InTraining, "En formation")]
    [InlineData(EdofState.Terminated, "Sortie de formation")]
    [InlineData(EdofState.ServiceDoneDeclared, "Service fait déclaré")]
    [InlineData(EdofState.ServiceDoneValidated, "Service fait validé")]
    [InlineData(EdofState.CancelledByHolder, "Annulé par le titulaire")]
    [InlineData(EdofState.CancelledByHolderNotRealised, "Annulé par le titulaire (non réalisé)")]
    [InlineData(EdofState.CancelledByProvider, "Annulé par l'organisme")]
    [InlineData(EdofState.CancelledByFunder, "Annulé par le financeur")]
    [InlineData(EdofState.CancelledWithoutFollowUp, "Annulé sans suite")]
    [InlineData(EdofState.RefusedByHolder, "Refusé par le titulaire")]
    [InlineData(EdofState.RefusedByProvider, "Refusé par l'organisme")]
    [InlineData(EdofState.RefusedByFunder, "Refusé par le financeur")]
    [InlineData(EdofState.Unspecified, "inconnu")]
    public void FrenchLabel_EveryState_EdofLabel(EdofState state, string label) => Assert.Equal(label, EdofDossier.FrenchLabel(state));
}
