using Bilan.BackOffice.Tests.TestSupport;
using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using BilansPage = Bilan.BackOffice.Pages.Bilans.IndexModel;
using State = Bilan.Contracts.V1.Bilan.Types.State;

namespace Bilan.BackOffice.Tests.Pages.Bilans;

public sealed class BilansFiltersTests
{
    private const string ConsultantName = "consultants/0193a3c4-0000-7000-8000-000000000042";
    private const string BeneficiaryName = "beneficiaries/0193a3c4-0000-7000-8000-000000000007";
    private const string OrganizationName = "organizations/0193a3c4-0000-7000-8000-000000000003";

    [Fact]
    public async Task OnGetAsync_EveryFilter_OneApiFilterWithTheSearchQuotedAsAPrefix()
    {
        var client = ApiCalls.Listing(new ListBilansResponse());
        var page = Create(client, StaffRole.Admin);
        page.Etat = "STATE_PRELIMINARY";
        page.Consultant = ConsultantName;
        page.Beneficiaire = BeneficiaryName;
        page.Organisation = OrganizationName;
        page.Recherche = "  d'Ar\"c  ";

        await page.OnGetAsync(CancellationToken.None);

        _ = client.Received(1).ListBilansAsync(
            Arg.Is<ListBilansRequest>(r => r.Filter ==
                $"state = STATE_PRELIMINARY AND consultant = \"{ConsultantName}\" AND beneficiary = \"{BeneficiaryName}\" AND organization = \"{OrganizationName}\" AND beneficiary_name = \"d'Ar\\\"c*\""),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData("consultants/42")]
    [InlineData("consultants/0193a3c4-0000-7000-8000-000000000042\" OR state = STATE_CLOSED")]
    [InlineData("beneficiaries/0193a3c4-0000-7000-8000-000000000007")]
    public async Task OnGetAsync_MalformedConsultant_NotSentToTheApi(string consultant)
    {
        var client = ApiCalls.Listing(new ListBilansResponse());
        var page = Create(client, StaffRole.Admin);
        page.Consultant = consultant;

        await page.OnGetAsync(CancellationToken.None);

        _ = client.Received(1).ListBilansAsync(Arg.Is<ListBilansRequest>(r => r.Filter == string.Empty), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task OnGetAsync_NextPage_LinkKeepsEveryFilter()
    {
        var response = new ListBilansResponse { NextPageToken = "suite" };
        response.Bilans.Add(new Contracts.V1.Bilan { Name = "bilans/1", Beneficiary = BeneficiaryName, State = State.Requested });
        var page = Create(ApiCalls.Listing(response), StaffRole.Admin);
        page.Etat = "STATE_REQUESTED";
        page.Consultant = ConsultantName;
        page.Recherche = "mar";

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal(
            new Dictionary<string, string> { ["etat"] = "STATE_REQUESTED", ["consultant"] = ConsultantName, ["recherche"] = "mar", ["jeton"] = "suite" },
            page.FilterRoute(page.NextPageToken));
    }

    [Fact]
    public async Task OnGetAsync_Names_BeneficiaryAndConsultantNamesInsteadOfIds()
    {
        var response = new ListBilansResponse();
        response.Bilans.Add(new Contracts.V1.Bilan { Name = "bilans/1", Beneficiary = BeneficiaryName, Consultant = ConsultantName, State = State.Requested });
        var page = new BilansPage(
            ApiCalls.Listing(response),
            ApiCalls.Consultants(new Consultant { Name = ConsultantName, DisplayName = "Claire Dupont", Active = true }),
            ApiCalls.Beneficiaries(new Beneficiary { Name = BeneficiaryName, GivenName = "Camille", FamilyName = "Martin" }),
            ApiCalls.Organizations(new Organization { Name = OrganizationName, DisplayName = "Centre hospitalier de Valence" }),
            NullLogger<BilansPage>.Instance).WithUser(StaffRole.Admin);

        await page.OnGetAsync(CancellationToken.None);

        var row = Assert.Single(page.Rows);
        Assert.Equal(("Camille Martin", "Claire Dupont"), (row.Beneficiary, row.Consultant));
        Assert.Equal("Claire Dupont", Assert.Single(page.Consultants).DisplayName);
        Assert.Equal("Centre hospitalier de Valence", Assert.Single(page.Organizations).DisplayName);
    }

    [Fact]
    public async Task OnGetAsync_Consultant_NoOrganisationFilterNorCreateButton()
    {
        var organizations = ApiCalls.Organizations(new Organization { Name = OrganizationName, DisplayName = "Centre hospitalier" });
        var page = new BilansPage(ApiCalls.Listing(new ListBilansResponse()), ApiCalls.Consultants(), ApiCalls.Beneficiaries(), organizations,
            NullLogger<BilansPage>.Instance).WithUser(StaffRole.Consultant);

        await page.OnGetAsync(CancellationToken.None);

        Assert.Empty(page.Organizations);
        Assert.False(page.MayCreate);
        _ = organizations.DidNotReceive().ListOrganizationsAsync(Arg.Any<ListOrganizationsRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    private static BilansPage Create(BilanService.BilanServiceClient client, StaffRole role) =>
        new BilansPage(client, ApiCalls.Consultants(), ApiCalls.Beneficiaries(), ApiCalls.Organizations(), NullLogger<BilansPage>.Instance).WithUser(role);
}
