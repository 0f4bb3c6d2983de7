using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Google.Rpc;
using Grpc.Core;

namespace Bilan.Server.Tests.Features.StartConditions;

/// <summary>The tripartite convention (R6313-8): its content, its sending, the employee's 10 days, the three signatures.</summary>
[Collection(ApiTests.Name)]
public sealed class ConventionTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    private ConventionService.ConventionServiceClient Conventions => Server.ConventionsClient();

    [Fact]
    public async Task StartBilan_EmployerPlan_RefusedUntilTheConventionIsSignedByAllThreeThenStarts()
    {
        var bilan = await Server.NewEmployeeBilanAsync(FundingSource.EmployerPlan, WorkingTime.During);

        var none = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.Bilans.StartBilanAsync(new StartBilanRequest { Name = bilan.Name }));
        Assert.Equal("TRANSITION_CONDITIONS_NOT_MET", none.ErrorInfo().Reason);
        var violation = Assert.Single(none.GetDetail<PreconditionFailure>()!.Violations);
        Assert.Equal(("TRIPARTITE_CONVENTION_NOT_SIGNED", "convention"), (violation.Type, violation.Subject));
        Assert.Contains("article R6313-8 du Code du travail", none.FrenchMessage(), StringComparison.Ordinal);
        Assert.Contains("aucune convention n'est encore rédigée", none.FrenchMessage(), StringComparison.Ordinal);

        var name = bilan.Name + "/convention";
        var draft = await Conventions.UpdateConventionAsync(new UpdateConventionRequest { Convention = TestSupport.StartConditions.CompleteConvention(bilan.Name) });
        Assert.Equal(ConventionState.Draft, draft.State);
        Assert.Equal(1850.5, draft.PriceEuros);
        await Conventions.SendConventionAsync(new SendConventionRequest { Name = name, SentDate = Server.Day(-1), ReceivedDate = Server.Day() });
        await Conventions.SignConventionAsync(new SignConventionRequest { Name = name, Party = ConventionParty.Employer, SignedDate = Server.Day() });
        var awaiting = await Conventions.SignConventionAsync(new SignConventionRequest { Name = name, Party = ConventionParty.Employee, SignedDate = Server.Day() });
        Assert.Equal(ConventionState.AwaitingSignatures, awaiting.State);
        Assert.Equal([ConventionParty.Provider], awaiting.MissingSignatures);

        var missingProvider = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.Bilans.StartBilanAsync(new StartBilanRequest { Name = bilan.Name }));
        Assert.Contains("signature manquante : prestataire", missingProvider.FrenchMessage(), StringComparison.Ordinal);

        var signed = await Conventions.SignConventionAsync(new SignConventionRequest { Name = name, Party = ConventionParty.Provider, SignedDate = Server.Day() });
        Assert.Equal(ConventionState.Signed, signed.State);
        Assert.Empty(signed.MissingSignatures);

        var started = await Server.Bilans.StartBilanAsync(new StartBilanRequest { Name = bilan.Name });
        Assert.Equal(Bilan.Contracts.V1.Bilan.Types.State.Preliminary, started.State);
        var events = (await Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = bilan.Name, PageSize = 200 })).Events;
        Assert.Equal(3, events.Count(e => e.Type == BilanEventType.ConventionSigned));
        Assert.Contains(events, e => e.Type == BilanEventType.ConventionSent && e.Attributes["employee_signature_deadline"] == Iso(10));
    }

    [Fact]
    public async Task StartBilan_CoFundedWithAnEmployerPlanLine_RefusedBecauseOfThatLineUntilTheConventionIsSignedThenStarts()
    {
        var bilan = await Server.NewEmployeeBilanAsync(FundingSource.CoFunded, WorkingTime.Outside);
        await Server.AddFundingAsync(bilan.Name, Fundings.Cpf());
        await Server.AddFundingAsync(bilan.Name, Fundings.EmployerPlan());

        var refused = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.Bilans.StartBilanAsync(new StartBilanRequest { Name = bilan.Name }));

        Assert.Equal("TRANSITION_CONDITIONS_NOT_MET", refused.ErrorInfo().Reason);
        var violation = Assert.Single(refused.GetDetail<PreconditionFailure>()!.Violations);
        Assert.Equal(("TRIPARTITE_CONVENTION_NOT_SIGNED", "convention"), (violation.Type, violation.Subject));
        Assert.Equal(
            "Action impossible : Un bilan cofinancé dont une prise en charge non refusée relève du plan de développement des compétences de l'employeur exige la convention tripartite signée par l'employeur, le salarié et le prestataire (article R6313-8 du Code du travail) : aucune convention n'est encore rédigée.",
            refused.FrenchMessage());

        await Server.SignedConventionAsync(bilan.Name);
        var started = await Server.Bilans.StartBilanAsync(new StartBilanRequest { Name = bilan.Name });

        Assert.Equal(Bilan.Contracts.V1.Bilan.Types.State.Preliminary, started.State);
    }

    [Fact]
    public async Task StartBilan_CoFundedWhoseEmployerPlanLineWasRefused_StartsWithoutConvention()
    {
        var bilan = await Server.NewEmployeeBilanAsync(FundingSource.CoFunded, WorkingTime.Outside);
        await Server.AddFundingAsync(bilan.Name, Fundings.Cpf());
        var employerPlan = await Server.AddFundingAsync(bilan.Name, Fundings.EmployerPlan());
        await Server.FundingClient().RefuseFundingAsync(new RefuseFundingRequest { Name = employerPlan.Name, Reason = "Budget du plan épuisé" });

        var started = await Server.Bilans.StartBilanAsync(new StartBilanRequest { Name = bilan.Name });

        Assert.Equal(Bilan.Contracts.V1.Bilan.Types.State.Preliminary, started.State);
    }

    [Fact]
    public async Task UpdateConvention_NothingButTheName_InvalidArgumentListingEveryMandatoryItem()
    {
        var bilan = await Server.NewEmployeeBilanAsync(FundingSource.EmployerPlan, WorkingTime.During);

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Conventions.UpdateConventionAsync(new UpdateConventionRequest
        {
            Convention = new Convention { Name = bilan.Name + "/convention" },
        }));

        Assert.Equal(
            [
                "convention.title", "convention.objective_and_content", "convention.means", "convention.duration_hours",
                "convention.period_start", "convention.period_end", "convention.conduct_and_follow_up", "convention.results_handover",
                "convention.price_euros", "convention.payment_terms",
            ],
            status.BadFields());
    }

    [Fact]
    public async Task SendConvention_TenDaysWithoutSignature_DeemedRefusedThenANewConventionCanBeDrafted()
    {
        var bilan = await Server.NewEmployeeBilanAsync(FundingSource.EmployerPlan, WorkingTime.Outside);
        var name = bilan.Name + "/convention";
        await Conventions.UpdateConventionAsync(new UpdateConventionRequest { Convention = TestSupport.StartConditions.CompleteConvention(bilan.Name) });
        var sent = await Conventions.SendConventionAsync(new SendConventionRequest { Name = name, SentDate = Server.Day(-12), ReceivedDate = Server.Day(-11) });

        Assert.Equal(ConventionState.DeemedRefused, sent.State);
        Assert.Equal(Server.Day(-1), sent.EmployeeSignatureDeadline);
        var late = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Conventions.SignConventionAsync(
            new SignConventionRequest { Name = name, Party = ConventionParty.Employee, SignedDate = Server.Day() }));
        Assert.Equal("CONVENTION_REFUSED", late.ErrorInfo().Reason);
        var start = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.Bilans.StartBilanAsync(new StartBilanRequest { Name = bilan.Name }));
        Assert.Contains("son silence vaut refus", start.FrenchMessage(), StringComparison.Ordinal);

        var redrafted = await Conventions.UpdateConventionAsync(new UpdateConventionRequest { Convention = TestSupport.StartConditions.CompleteConvention(bilan.Name) });
        Assert.Equal(ConventionState.Draft, redrafted.State);
        Assert.Null(redrafted.ReceivedDate);
    }

    [Fact]
    public async Task RefuseConvention_EmployeeRefuses_RefusedAndTheBilanDoesNotStart()
    {
        var bilan = await Server.NewEmployeeBilanAsync(FundingSource.EmployerPlan, WorkingTime.Outside);
        var name = bilan.Name + "/convention";
        await Conventions.UpdateConventionAsync(new UpdateConventionRequest { Convention = TestSupport.StartConditions.CompleteConvention(bilan.Name) });
        await Conventions.SendConventionAsync(new SendConventionRequest { Name = name, SentDate = Server.Day(-2), ReceivedDate = Server.Day(-2) });

        var refused = await Conventions.RefuseConventionAsync(new RefuseConventionRequest { Name = name, RefusedDate = Server.Day() });

        Assert.Equal(ConventionState.Refused, refused.State);
        var start = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.Bilans.StartBilanAsync(new StartBilanRequest { Name = bilan.Name }));
        Assert.Contains("le salarié l'a refusée", start.FrenchMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetConvention_NoneDrafted_NotFound()
    {
        var bilan = await Server.NewEmployeeBilanAsync(FundingSource.EmployerPlan, WorkingTime.Outside);

        await RpcFailure.Of(StatusCode.NotFound, () => Conventions.GetConventionAsync(new GetConventionRequest { Name = bilan.Name + "/convention" }));
    }

    private string Iso(int days)
    {
        var day = Server.Day(days);
        return $"{day.Year:0000}-{day.Month:00}-{day.Day:00}";
    }
}
