using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Google.Rpc;
using Grpc.Core;

namespace Bilan.Server.Tests.Features.StartConditions;

/// <summary>CPF on working time (D6323-4): asked 60 days ahead, answered within 30, silence means acceptance.</summary>
[Collection(ApiTests.Name)]
public sealed class WorkingTimeAuthorizationTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    private WorkingTimeAuthorizationService.WorkingTimeAuthorizationServiceClient Authorizations => Server.AuthorizationsClient();

    [Fact]
    public async Task StartBilan_CpfOnWorkingTime_RefusedUntilTheEmployerGrantsItThenStarts()
    {
        var bilan = await Server.NewEmployeeBilanAsync(FundingSource.Cpf, WorkingTime.PartlyDuring, startInDays: 70);
        var name = bilan.Name + "/workingTimeAuthorization";
        var before = await Authorizations.GetWorkingTimeAuthorizationAsync(new GetWorkingTimeAuthorizationRequest { Name = name });
        Assert.True(before.Required);
        Assert.Equal(WorkingTimeAuthorizationState.NotRequested, before.State);
        Assert.Equal(Server.Day(10), before.LatestRequestDate);

        var unasked = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.Bilans.StartBilanAsync(new StartBilanRequest { Name = bilan.Name }));
        var violation = Assert.Single(unasked.GetDetail<PreconditionFailure>()!.Violations);
        Assert.Equal("WORKING_TIME_AUTHORIZATION_MISSING", violation.Type);
        Assert.Contains("article D6323-4 du Code du travail", unasked.FrenchMessage(), StringComparison.Ordinal);

        var requested = await Authorizations.RequestWorkingTimeAuthorizationAsync(new RequestWorkingTimeAuthorizationRequest { Name = name, RequestDate = Server.Day() });
        Assert.Equal(WorkingTimeAuthorizationState.AwaitingAnswer, requested.State);
        Assert.Equal(Server.Day(30), requested.AnswerDeadline);
        Assert.Equal(Server.Day(31), requested.DeemedGrantedDate);
        var awaiting = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.Bilans.StartBilanAsync(new StartBilanRequest { Name = bilan.Name }));
        var deemed = Server.Day(31);
        Assert.Contains($"réputée accordée à partir du {deemed.Day:00}/{deemed.Month:00}/{deemed.Year}", awaiting.FrenchMessage(), StringComparison.Ordinal);

        var granted = await Authorizations.RecordEmployerAnswerAsync(new RecordEmployerAnswerRequest
        {
            Name = name,
            Answer = EmployerAnswer.Granted,
            AnswerDate = Server.Day(),
            Etag = requested.Etag,
        });
        Assert.Equal(WorkingTimeAuthorizationState.Granted, granted.State);

        var started = await Server.Bilans.StartBilanAsync(new StartBilanRequest { Name = bilan.Name });
        Assert.Equal(Bilan.Contracts.V1.Bilan.Types.State.Preliminary, started.State);
    }

    [Fact]
    public async Task StartBilan_EmployerSilentThirtyDays_DeemedGrantedOnDayThirtyOneAndStarts()
    {
        var bilan = await Server.NewEmployeeBilanAsync(FundingSource.Cpf, WorkingTime.During, startInDays: 90);
        var name = bilan.Name + "/workingTimeAuthorization";
        await Authorizations.RequestWorkingTimeAuthorizationAsync(new RequestWorkingTimeAuthorizationRequest { Name = name, RequestDate = Server.Day() });

        Server.Clock.Advance(TimeSpan.FromDays(30));
        await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.Bilans.StartBilanAsync(new StartBilanRequest { Name = bilan.Name }));
        Server.Clock.Advance(TimeSpan.FromDays(1));

        var authorization = await Authorizations.GetWorkingTimeAuthorizationAsync(new GetWorkingTimeAuthorizationRequest { Name = name });
        Assert.Equal(WorkingTimeAuthorizationState.DeemedGranted, authorization.State);
        var started = await Server.Bilans.StartBilanAsync(new StartBilanRequest { Name = bilan.Name });
        Assert.Equal(Bilan.Contracts.V1.Bilan.Types.State.Preliminary, started.State);
    }

    [Fact]
    public async Task StartBilan_CpfOutsideWorkingTime_StartsWithoutAuthorisation()
    {
        var bilan = await Server.NewEmployeeBilanAsync(FundingSource.Cpf, WorkingTime.Outside);

        var authorization = await Authorizations.GetWorkingTimeAuthorizationAsync(new GetWorkingTimeAuthorizationRequest { Name = bilan.Name + "/workingTimeAuthorization" });
        var started = await Server.Bilans.StartBilanAsync(new StartBilanRequest { Name = bilan.Name });

        Assert.False(authorization.Required);
        Assert.Equal(WorkingTimeAuthorizationState.NotRequired, authorization.State);
        Assert.Equal(Bilan.Contracts.V1.Bilan.Types.State.Preliminary, started.State);
    }

    [Fact]
    public async Task RequestWorkingTimeAuthorization_FewerThanSixtyDaysBeforeTheStart_RefusedWithTheLatestDate()
    {
        var bilan = await Server.NewEmployeeBilanAsync(FundingSource.Cpf, WorkingTime.During, startInDays: 59);

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Authorizations.RequestWorkingTimeAuthorizationAsync(
            new RequestWorkingTimeAuthorizationRequest { Name = bilan.Name + "/workingTimeAuthorization", RequestDate = Server.Day() }));

        var latest = Server.Day(-1);
        Assert.Equal("WORKING_TIME_AUTHORIZATION_TOO_LATE", status.ErrorInfo().Reason);
        Assert.Equal($"{latest.Year:0000}-{latest.Month:00}-{latest.Day:00}", status.ErrorInfo().Metadata["latest_request_date"]);
        Assert.Contains($"au plus tard le {latest.Day:00}/{latest.Month:00}/{latest.Year}", status.FrenchMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordEmployerAnswer_Refused_StartRefused()
    {
        var bilan = await Server.NewEmployeeBilanAsync(FundingSource.Cpf, WorkingTime.During);
        var name = bilan.Name + "/workingTimeAuthorization";
        await Authorizations.RequestWorkingTimeAuthorizationAsync(new RequestWorkingTimeAuthorizationRequest { Name = name, RequestDate = Server.Day() });
        await Authorizations.RecordEmployerAnswerAsync(new RecordEmployerAnswerRequest { Name = name, Answer = EmployerAnswer.Refused, AnswerDate = Server.Day() });

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.Bilans.StartBilanAsync(new StartBilanRequest { Name = bilan.Name }));

        Assert.Contains("l'employeur l'a refusée", status.FrenchMessage(), StringComparison.Ordinal);
    }
}
