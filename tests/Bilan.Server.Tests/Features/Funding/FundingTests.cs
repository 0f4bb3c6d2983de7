using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using static Bilan.Server.Tests.TestSupport.Fundings;

namespace Bilan.Server.Tests.Features.Funding;

/// <summary>Funding lines of a bilan: creation with defaults, the funder's decision and payment, updates, idempotency, events.</summary>
[Collection(ApiTests.Name)]
public sealed class FundingTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    private FundingService.FundingServiceClient Client => Server.FundingClient();

    [Fact]
    public async Task CreateFunding_OpcoWithoutName_OpcoSanteRequestedAndInTheHistory()
    {
        var bilan = await Server.NewAssignedBilanAsync();

        var funding = await Client.CreateFundingAsync(new CreateFundingRequest
        {
            Parent = bilan.Name,
            Funding = new Contracts.V1.Funding { FunderType = FunderType.Opco, AmountCents = 180_000, RequestedDate = Day(2026, 11, 2), Reference = " PEC-42 " },
        });

        Assert.Matches($"^{bilan.Name}/fundings/[0-9a-f-]{{36}}$", funding.Name);
        Assert.Equal(("OPCO Santé", FundingStatus.Requested, 180_000L, "PEC-42"), (funding.FunderName, funding.Status, funding.AmountCents, funding.Reference));
        Assert.Equal(Day(2026, 11, 2), funding.RequestedDate);
        Assert.Null(funding.CpfTerms);
        Assert.Equal(funding, await Client.GetFundingAsync(new GetFundingRequest { Name = funding.Name }));
        var created = Assert.Single((await Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = bilan.Name })).Events,
            e => e.Type == BilanEventType.FundingCreated);
        Assert.Equal(funding.Name, created.Attributes["funding"]);
        Assert.Equal("FUNDER_TYPE_OPCO", created.Attributes["funder_type"]);
    }

    [Fact]
    public async Task CreateFunding_BadFields_EveryOneListed()
    {
        var bilan = await Server.NewAssignedBilanAsync();

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Client.CreateFundingAsync(new CreateFundingRequest
        {
            Parent = bilan.Name,
            Funding = new Contracts.V1.Funding
            {
                FunderType = FunderType.EmployerPlan,
                AmountCents = 0,
                EdofDossier = new EdofDossier { DossierNumber = "X", ReceiveDate = Day(2026, 11, 2) },
            },
        }));

        Assert.Equal(["funding.funder_name", "funding.amount_cents", "funding.edof_dossier"], status.BadFields());
    }

    [Fact]
    public async Task CreateFunding_SameRequestIdTwice_OneLine()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var request = new CreateFundingRequest { Parent = bilan.Name, Funding = Opco(), RequestId = Guid.NewGuid().ToString() };

        var first = await Client.CreateFundingAsync(request);
        var retry = await Client.CreateFundingAsync(request);

        Assert.Equal(first, retry);
        Assert.Single((await Client.ListFundingsAsync(new ListFundingsRequest { Parent = bilan.Name })).Fundings);
    }

    [Fact]
    public async Task StatusChanges_AcceptThenPay_DatesReferenceAndEvents()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var funding = await Server.AddFundingAsync(bilan.Name, new Contracts.V1.Funding
        {
            FunderType = FunderType.EmployerPlan, FunderName = "Centre hospitalier de Valence", AmountCents = 200_000, RequestedDate = Day(2026, 10, 1),
        });

        var accepted = await Client.AcceptFundingAsync(new AcceptFundingRequest { Name = funding.Name, DecideDate = Day(2026, 10, 15), Etag = funding.Etag });
        var paid = await Client.MarkFundingPaidAsync(new MarkFundingPaidRequest { Name = funding.Name, PaidDate = Day(2026, 11, 20), Reference = "VIR-2026-118" });

        Assert.Equal((FundingStatus.Accepted, Day(2026, 10, 15)), (accepted.Status, accepted.DecideDate));
        Assert.Equal((FundingStatus.Paid, Day(2026, 11, 20), "VIR-2026-118"), (paid.Status, paid.PaidDate, paid.Reference));
        Assert.NotEqual(accepted.Etag, paid.Etag);
        var types = (await Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = bilan.Name })).Events.Select(e => e.Type);
        Assert.Equal([BilanEventType.FundingCreated, BilanEventType.FundingAccepted, BilanEventType.FundingPaid],
            types.Where(t => t >= BilanEventType.FundingCreated));
    }

    // Which move is refused from which status, and the methods the error offers instead.
    [Theory]
    [InlineData("none", "pay", "FUNDING_STATUS_REQUESTED", "AcceptFunding,RefuseFunding")]
    [InlineData("accept", "accept", "FUNDING_STATUS_ACCEPTED", "MarkFundingPaid")]
    [InlineData("accept", "refuse", "FUNDING_STATUS_ACCEPTED", "MarkFundingPaid")]
    [InlineData("refuse", "accept", "FUNDING_STATUS_REFUSED", "")]
    [InlineData("pay", "refuse", "FUNDING_STATUS_PAID", "")]
    public async Task StatusChange_NotAllowedNow_FailedPreconditionWithAllowedMoves(string before, string move, string status, string allowed)
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var funding = await Server.AddFundingAsync(bilan.Name, Opco());
        if (before is "accept" or "pay")
        {
            await Move(funding.Name, "accept");
        }

        if (before is "pay")
        {
            await Move(funding.Name, "pay");
        }

        if (before is "refuse")
        {
            await Move(funding.Name, "refuse");
        }

        var error = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Move(funding.Name, move));

        Assert.Equal("FUNDING_ILLEGAL_TRANSITION", error.ErrorInfo().Reason);
        Assert.Equal(status, error.ErrorInfo().Metadata["status"]);
        Assert.Equal(allowed, error.ErrorInfo().Metadata["allowed"]);
        Assert.StartsWith("La prise en charge est", error.FrenchMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefuseFunding_WithoutReason_InvalidArgument()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var funding = await Server.AddFundingAsync(bilan.Name, Opco());

        var error = await RpcFailure.Of(StatusCode.InvalidArgument, () => Client.RefuseFundingAsync(new RefuseFundingRequest { Name = funding.Name }));

        Assert.Equal(["reason"], error.BadFields());
    }

    [Fact]
    public async Task AcceptFunding_StaleEtag_Aborted()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var funding = await Server.AddFundingAsync(bilan.Name, Opco());
        await Client.UpdateFundingAsync(new UpdateFundingRequest { Funding = new Contracts.V1.Funding { Name = funding.Name, Reference = "PEC-1" } });

        await RpcFailure.Of(StatusCode.Aborted, () => Client.AcceptFundingAsync(new AcceptFundingRequest { Name = funding.Name, Etag = funding.Etag }));
    }

    [Fact]
    public async Task UpdateFunding_ByStatus_RequestedChangesAmountAcceptedOnlyReference()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var funding = await Server.AddFundingAsync(bilan.Name, Opco());

        var changed = await Client.UpdateFundingAsync(new UpdateFundingRequest
        {
            Funding = new Contracts.V1.Funding { Name = funding.Name, AmountCents = 190_000 },
            UpdateMask = new FieldMask { Paths = { "amount_cents" } },
        });
        await Client.AcceptFundingAsync(new AcceptFundingRequest { Name = funding.Name });
        var refused = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Client.UpdateFundingAsync(new UpdateFundingRequest
        {
            Funding = new Contracts.V1.Funding { Name = funding.Name, AmountCents = 100_000 },
        }));
        var referenced = await Client.UpdateFundingAsync(new UpdateFundingRequest { Funding = new Contracts.V1.Funding { Name = funding.Name, Reference = "ACC-7" } });

        Assert.Equal(190_000, changed.AmountCents);
        Assert.Equal("FUNDING_NOT_EDITABLE", refused.ErrorInfo().Reason);
        Assert.Equal("amount_cents", refused.ErrorInfo().Metadata["fields"]);
        Assert.Equal(("ACC-7", 190_000L), (referenced.Reference, referenced.AmountCents));
    }

    [Fact]
    public async Task ListFundings_FilterByFunderType_OnlyThoseOldestFirst()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var first = await Server.AddFundingAsync(bilan.Name, Opco(100_000));
        await Server.AddFundingAsync(bilan.Name, EmployerPlan());
        var third = await Server.AddFundingAsync(bilan.Name, Opco(50_000));

        var page = await Client.ListFundingsAsync(new ListFundingsRequest { Parent = bilan.Name, Filter = "funder_type = FUNDER_TYPE_OPCO", PageSize = 1 });
        var next = await Client.ListFundingsAsync(new ListFundingsRequest
        {
            Parent = bilan.Name, Filter = "funder_type = FUNDER_TYPE_OPCO", PageSize = 1, PageToken = page.NextPageToken,
        });

        Assert.Equal([first.Name], page.Fundings.Select(f => f.Name));
        Assert.Equal([third.Name], next.Fundings.Select(f => f.Name));
        Assert.Empty(next.NextPageToken);
    }

    private Task<Contracts.V1.Funding> Move(string name, string move) => move switch
    {
        "accept" => Client.AcceptFundingAsync(new AcceptFundingRequest { Name = name }).ResponseAsync,
        "refuse" => Client.RefuseFundingAsync(new RefuseFundingRequest { Name = name, Reason = "Budget épuisé" }).ResponseAsync,
        _ => Client.MarkFundingPaidAsync(new MarkFundingPaidRequest { Name = name }).ResponseAsync,
    };
}
