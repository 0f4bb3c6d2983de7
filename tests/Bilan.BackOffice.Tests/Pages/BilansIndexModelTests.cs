using Bilan.BackOffice.Tests.TestSupport;
using Bilan.Contracts.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using BilansPage = Bilan.BackOffice.Pages.Bilans.IndexModel;
using State = Bilan.Contracts.V1.Bilan.Types.State;

namespace Bilan.BackOffice.Tests.Pages;

public sealed class BilansIndexModelTests
{
    [Fact]
    public async Task OnGetAsync_Bilans_ShowsFrenchStatesAndParisDates()
    {
        var page = Create(ApiCalls.Listing(Page(
            new Contracts.V1.Bilan
            {
                Name = "bilans/101",
                Beneficiary = "beneficiaries/7",
                State = State.Preliminary,
                Consultant = "consultants/42",
                PlannedStartDate = new Google.Type.Date { Year = 2027, Month = 1, Day = 4 },
                CreateTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 11, 27, 23, 30, 0, TimeSpan.Zero)),
            },
            new Contracts.V1.Bilan { Name = "bilans/100", Beneficiary = "beneficiaries/8", State = State.FollowUp })));

        await page.OnGetAsync(CancellationToken.None);

        Assert.Null(page.ErrorMessage);
        Assert.Equal(2, page.Rows.Count);
        var first = page.Rows[0];
        Assert.Equal("101", first.Id);
        Assert.Equal("7", first.Beneficiary);
        Assert.Equal("phase préliminaire", first.State);
        Assert.Equal("42", first.Consultant);
        Assert.Equal("04/01/2027", first.PlannedStart);
        Assert.Equal("28/11/2026 00:30:00", first.Created);
        Assert.Equal("suivi", page.Rows[1].State);
        Assert.Equal("non attribué", page.Rows[1].Consultant);
        Assert.Equal("—", page.Rows[1].PlannedStart);
    }

    [Fact]
    public async Task OnGetAsync_NoBilan_ShowsEmptyList()
    {
        var page = Create(ApiCalls.Listing(Page()));

        await page.OnGetAsync(CancellationToken.None);

        Assert.Empty(page.Rows);
        Assert.Null(page.NextPageToken);
        Assert.Null(page.ErrorMessage);
    }

    [Fact]
    public async Task OnGetAsync_StateChosen_AsksApiForThatState()
    {
        var client = ApiCalls.Listing(Page());
        var page = Create(client);
        page.Etat = "STATE_INVESTIGATION";

        await page.OnGetAsync(CancellationToken.None);

        _ = client.Received(1).ListBilansAsync(
            Arg.Is<ListBilansRequest>(request => request.Filter == "state = STATE_INVESTIGATION" && request.PageSize == BilansPage.PageSize),
            Arg.Any<Metadata>(),
            Arg.Any<DateTime?>(),
            Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("STATE_REQUESTED OR consultant = \"consultants/1\"")]
    public async Task OnGetAsync_NoOrUnknownState_AsksWithoutFilter(string? state)
    {
        var client = ApiCalls.Listing(Page());
        var page = Create(client);
        page.Etat = state;

        await page.OnGetAsync(CancellationToken.None);

        _ = client.Received(1).ListBilansAsync(
            Arg.Is<ListBilansRequest>(request => request.Filter == string.Empty),
            Arg.Any<Metadata>(),
            Arg.Any<DateTime?>(),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task OnGetAsync_PageToken_IsPassedThroughAndNextOneOffered()
    {
        var response = Page(new Contracts.V1.Bilan { Name = "bilans/1", State = State.Requested });
        response.NextPageToken = "jeton-page-3";
        var client = ApiCalls.Listing(response);
        var page = Create(client);
        page.Jeton = "jeton-page-2";

        await page.OnGetAsync(CancellationToken.None);

        _ = client.Received(1).ListBilansAsync(
            Arg.Is<ListBilansRequest>(request => request.PageToken == "jeton-page-2"),
            Arg.Any<Metadata>(),
            Arg.Any<DateTime?>(),
            Arg.Any<CancellationToken>());
        Assert.Equal("jeton-page-3", page.NextPageToken);
    }

    [Fact]
    public async Task OnGetAsync_ApiRefuses_ShowsItsFrenchMessage()
    {
        var page = Create(ApiCalls.ListingFails(ApiCalls.Error(
            StatusCode.PermissionDenied, "Vous ne pouvez consulter que vos propres bilans.", "PERMISSION_DENIED")));

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal("Vous ne pouvez consulter que vos propres bilans.", page.ErrorMessage);
        Assert.Empty(page.Rows);
    }

    [Fact]
    public async Task OnGetAsync_ApiUnreachable_ShowsFrenchFallback()
    {
        var page = Create(ApiCalls.ListingFails(new RpcException(new Status(StatusCode.Unavailable, "Error connecting to subchannel."))));

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal("Le service Bilan est momentanément injoignable : réessayez dans un instant.", page.ErrorMessage);
    }

    [Fact]
    public async Task OnGetAsync_SessionExpired_LeavesItToTheSessionFilter()
    {
        var page = Create(ApiCalls.ListingFails(ApiCalls.Error(StatusCode.Unauthenticated, "Votre session a expiré.")));

        var exception = await Assert.ThrowsAsync<RpcException>(() => page.OnGetAsync(CancellationToken.None));

        Assert.Equal(StatusCode.Unauthenticated, exception.StatusCode);
    }

    [Fact]
    public void States_AreOfferedInFrenchWithProtoValues()
    {
        Assert.Equal(9, BilansPage.States.Count);
        Assert.Equal(new("STATE_REQUESTED", "demandé"), BilansPage.States[0]);
        Assert.Contains(new("STATE_INVESTIGATION", "phase d'investigation"), BilansPage.States);
        Assert.Equal(new("STATE_CANCELLED", "annulé"), BilansPage.States[^1]);
    }

    private static ListBilansResponse Page(params Contracts.V1.Bilan[] bilans)
    {
        var response = new ListBilansResponse();
        response.Bilans.AddRange(bilans);
        return response;
    }

    private static BilansPage Create(BilanService.BilanServiceClient client) =>
        new BilansPage(client, ApiCalls.Consultants(), ApiCalls.Beneficiaries(), ApiCalls.Organizations(), NullLogger<BilansPage>.Instance)
            .WithUser(StaffRole.Consultant);
}
