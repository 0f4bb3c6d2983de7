using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Grpc.Core;
using static Bilan.Server.Tests.TestSupport.Fundings;

namespace Bilan.Server.Tests.Features.Funding;

/// <summary>
/// The EDOF dossier of a CPF line: its moves checked against the EDOF state table and its deadlines in working days
/// (dates counted by hand in the comments; the day of the event is day 0).
/// </summary>
[Collection(ApiTests.Name)]
public sealed class EdofDossierTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    private FundingService.FundingServiceClient Client => Server.FundingClient();

    [Fact]
    public async Task Transitions_WholeLife_DatesAndDeadlinesMet()
    {
        // Received Tue 1 Sep 2026; answer due Thu 3 Sep (Wed 2 = 1, Thu 3 = 2).
        var funding = await CpfWithDossierAsync(Day(2026, 9, 1));

        // Proposal Wed 2 Sep: earliest start Thu 17 Sep (3,4,7,8,9,10,11,14,15,16,17 = 11 working days).
        var validated = await Transition(funding.Name, EdofState.Validated, Day(2026, 9, 2), r =>
        {
            r.TrainingStartDate = Day(2026, 9, 17);
            r.TrainingEndDate = Day(2026, 11, 6);
        });
        await Transition(funding.Name, EdofState.Accepted, Day(2026, 9, 4));
        // Entry Thu 17 Sep declared Fri 18 Sep: due Tue 22 Sep (18, 21, 22).
        await Transition(funding.Name, EdofState.InTraining, Day(2026, 9, 18), r => r.EntryDate = Day(2026, 9, 17));
        // Exit Fri 6 Nov declared Thu 12 Nov: due Thu 12 Nov (Mon 9, Tue 10, Wed 11 is 11 November, Thu 12).
        var terminated = await Transition(funding.Name, EdofState.Terminated, Day(2026, 11, 12), r => r.ExitDate = Day(2026, 11, 6));
        var done = await Transition(funding.Name, EdofState.ServiceDoneDeclared, Day(2026, 11, 13));

        Assert.Equal((Day(2026, 9, 2), Day(2026, 9, 2)), (validated.EdofDossier.AnswerDate, validated.EdofDossier.ProposalDate));
        Assert.Equal(EdofState.ServiceDoneDeclared, done.EdofDossier.State);
        Assert.Equal(
            [
                (EdofDeadlineKind.Answer, Day(2026, 9, 3), DeadlineStatus.Met),
                (EdofDeadlineKind.EarliestStart, Day(2026, 9, 17), DeadlineStatus.Met),
                (EdofDeadlineKind.EntryDeclaration, Day(2026, 9, 22), DeadlineStatus.Met),
                (EdofDeadlineKind.ExitDeclaration, Day(2026, 11, 12), DeadlineStatus.Met),
            ],
            terminated.EdofDossier.Deadlines.Select(d => (d.Kind, d.DueDate, d.Status)));
        var changes = (await Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = funding.Name[..funding.Name.IndexOf("/fundings/", StringComparison.Ordinal)] }))
            .Events.Where(e => e.Type == BilanEventType.EdofDossierChanged).Select(e => e.Attributes["edof_state"]);
        Assert.Equal(["EDOF_STATE_VALIDATED", "EDOF_STATE_ACCEPTED", "EDOF_STATE_IN_TRAINING", "EDOF_STATE_TERMINATED", "EDOF_STATE_SERVICE_DONE_DECLARED"], changes);
    }

    [Fact]
    public async Task Validate_StartBeforeElevenWorkingDays_RefusedWithEarliestStart()
    {
        // Proposal Thu 5 Nov 2026: Fri 6, Mon 9, Tue 10, (Wed 11 November), Thu 12, Fri 13, Mon 16 ... Mon 23 = 11th.
        var funding = await CpfWithDossierAsync(Day(2026, 11, 2));

        var error = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Transition(funding.Name, EdofState.Validated, Day(2026, 11, 5), r =>
        {
            r.TrainingStartDate = Day(2026, 11, 20);
            r.TrainingEndDate = Day(2027, 1, 29);
        }));

        Assert.Equal("EDOF_START_TOO_EARLY", error.ErrorInfo().Reason);
        Assert.Equal("2026-11-23", error.ErrorInfo().Metadata["earliest_start"]);
    }

    [Fact]
    public async Task Validate_LateAnswer_AnswerDeadlineMissed()
    {
        // Received Mon 2 Nov 2026, due Wed 4 Nov; answered Thu 5 Nov.
        var funding = await CpfWithDossierAsync(Day(2026, 11, 2));

        var validated = await Transition(funding.Name, EdofState.Validated, Day(2026, 11, 5), r =>
        {
            r.TrainingStartDate = Day(2026, 11, 23);
            r.TrainingEndDate = Day(2027, 1, 29);
        });

        var answer = validated.EdofDossier.Deadlines.Single(d => d.Kind == EdofDeadlineKind.Answer);
        Assert.Equal((Day(2026, 11, 4), DeadlineStatus.Missed, Day(2026, 11, 5)), (answer.DueDate, answer.Status, answer.DoneDate));
    }

    [Fact]
    public async Task GetFunding_NotAnswered_AnswerDeadlineOverdue()
    {
        // Received Mon 2 Nov 2026, due Wed 4 Nov; the test server's today is 27 November 2026 or later.
        var funding = await CpfWithDossierAsync(Day(2026, 11, 2));

        var read = await Client.GetFundingAsync(new GetFundingRequest { Name = funding.Name });

        Assert.Equal((EdofDeadlineKind.Answer, Day(2026, 11, 4), DeadlineStatus.Overdue), Single(read.EdofDossier.Deadlines));
    }

    [Theory]
    [InlineData(EdofState.InTraining, "EDOF_STATE_NOT_PROCESSED")]
    [InlineData(EdofState.ServiceDoneValidated, "EDOF_STATE_NOT_PROCESSED")]
    public async Task Transition_NotInTheTable_IllegalEdofTransition(EdofState target, string state)
    {
        var funding = await CpfWithDossierAsync(Day(2026, 11, 2));

        var error = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Transition(funding.Name, target, Day(2026, 11, 3), r =>
        {
            r.EntryDate = Day(2026, 11, 3);
        }));

        Assert.Equal("ILLEGAL_EDOF_TRANSITION", error.ErrorInfo().Reason);
        Assert.Equal(state, error.ErrorInfo().Metadata["state"]);
        Assert.Equal("EDOF_STATE_VALIDATED,EDOF_STATE_REFUSED_BY_PROVIDER,EDOF_STATE_CANCELLED_BY_HOLDER,EDOF_STATE_CANCELLED_WITHOUT_FOLLOW_UP",
            error.ErrorInfo().Metadata["allowed"]);
    }

    [Fact]
    public async Task Transition_RefusalWithoutReason_InvalidArgument()
    {
        var funding = await CpfWithDossierAsync(Day(2026, 11, 2));

        var error = await RpcFailure.Of(StatusCode.InvalidArgument, () => Transition(funding.Name, EdofState.RefusedByProvider, Day(2026, 11, 3)));

        Assert.Equal(["reason"], error.BadFields());
    }

    [Fact]
    public async Task Transition_RefusedWithReason_FinalWithReason()
    {
        var funding = await CpfWithDossierAsync(Day(2026, 11, 2));

        var refused = await Transition(funding.Name, EdofState.RefusedByProvider, Day(2026, 11, 3), r => r.Reason = "Session complète");

        Assert.Equal((EdofState.RefusedByProvider, "Session complète"), (refused.EdofDossier.State, refused.EdofDossier.StateReason));
        Assert.Equal(DeadlineStatus.Met, refused.EdofDossier.Deadlines.Single(d => d.Kind == EdofDeadlineKind.Answer).Status);
    }

    [Fact]
    public async Task Transition_LineWithoutDossier_DossierMissing()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var funding = await Server.AddFundingAsync(bilan.Name, Cpf(Day(2026, 11, 2)));

        var error = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Transition(funding.Name, EdofState.Validated, Day(2026, 11, 3), r =>
        {
            r.TrainingStartDate = Day(2026, 12, 1);
            r.TrainingEndDate = Day(2027, 1, 29);
        }));

        Assert.Equal("EDOF_DOSSIER_MISSING", error.ErrorInfo().Reason);
    }

    [Fact]
    public async Task CreateFunding_DossierNumberTaken_AlreadyExists()
    {
        var first = await CpfWithDossierAsync(Day(2026, 11, 2));
        var bilan = await Server.NewAssignedBilanAsync();
        var second = Cpf(Day(2026, 11, 2), withDossier: true);
        second.EdofDossier.DossierNumber = first.EdofDossier.DossierNumber;

        await RpcFailure.Of(StatusCode.AlreadyExists, () => Client.CreateFundingAsync(new CreateFundingRequest { Parent = bilan.Name, Funding = second }));
    }

    private static (EdofDeadlineKind, Google.Type.Date, DeadlineStatus) Single(IEnumerable<EdofDeadline> deadlines)
    {
        var deadline = Assert.Single(deadlines);
        return (deadline.Kind, deadline.DueDate, deadline.Status);
    }

    private async Task<Contracts.V1.Funding> CpfWithDossierAsync(Google.Type.Date received)
    {
        var bilan = await Server.NewAssignedBilanAsync();
        return await Server.AddFundingAsync(bilan.Name, Cpf(received, withDossier: true));
    }

    private async Task<Contracts.V1.Funding> Transition(string name, EdofState state, Google.Type.Date effective, Action<TransitionEdofDossierRequest>? more = null)
    {
        var request = new TransitionEdofDossierRequest { Name = name, State = state, EffectiveDate = effective };
        more?.Invoke(request);
        return await Client.TransitionEdofDossierAsync(request);
    }
}
