using Bilan.BackOffice.Pages.Beneficiaires;
using Bilan.BackOffice.Tests.TestSupport;
using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace Bilan.BackOffice.Tests.Pages.Beneficiaires;

public sealed class BeneficiairesIndexModelTests
{
    private readonly BeneficiaryService.BeneficiaryServiceClient _client = Substitute.For<BeneficiaryService.BeneficiaryServiceClient>();

    [Theory]
    [InlineData(null, null, "")]
    [InlineData("  mar ", null, "display_name = \"mar*\"")]
    [InlineData("camille@", null, "email = \"camille@*\"")]
    [InlineData("d\"o\\e", null, "display_name = \"d\\\"o\\\\e*\"")]
    [InlineData("", PublicCategory.Employee, "public_category = PUBLIC_CATEGORY_EMPLOYEE")]
    [InlineData("mar", PublicCategory.JobSeeker, "display_name = \"mar*\" AND public_category = PUBLIC_CATEGORY_JOB_SEEKER")]
    public async Task OnGetAsync_Search_AsksApiWithEscapedPrefixFilter(string? search, PublicCategory? category, string expected)
    {
        Answer(new ListBeneficiariesResponse());
        var page = new IndexModel(_client, NullLogger<IndexModel>.Instance) { Recherche = search, Categorie = category, Jeton = "jeton-2" };

        await page.OnGetAsync(CancellationToken.None);

        _ = _client.Received(1).ListBeneficiariesAsync(
            Arg.Is<ListBeneficiariesRequest>(request => request.Filter == expected && request.PageToken == "jeton-2" && request.PageSize == IndexModel.PageSize),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task OnGetAsync_Beneficiaries_ShowsFrenchRowsAndNextPage()
    {
        var response = new ListBeneficiariesResponse { NextPageToken = "suite" };
        response.Beneficiaries.Add(new Beneficiary
        {
            Name = "beneficiaries/0193a3c4-0000-7000-8000-000000000007",
            GivenName = "Camille",
            FamilyName = "Martin",
            Email = "camille.martin@example.org",
            PublicCategory = PublicCategory.PublicAgent,
            Employer = new Employer { Siret = "73282932000074", DisplayName = "Centre hospitalier de Valence" },
        });
        Answer(response);
        var page = new IndexModel(_client, NullLogger<IndexModel>.Instance);

        await page.OnGetAsync(CancellationToken.None);

        var row = Assert.Single(page.Rows);
        Assert.Equal("0193a3c4-0000-7000-8000-000000000007", row.Id);
        Assert.Equal("MARTIN Camille", row.FullName);
        Assert.Equal("agent public", row.Category);
        Assert.Equal("Centre hospitalier de Valence", row.Employer);
        Assert.Equal("suite", page.NextPageToken);
    }

    [Fact]
    public async Task OnGetAsync_ApiRefuses_ShowsFrenchMessage()
    {
        _client.ListBeneficiariesAsync(Arg.Any<ListBeneficiariesRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<ListBeneficiariesResponse>(ApiCalls.Error(StatusCode.InvalidArgument, "Le filtre se termine par AND.", "INVALID_FIELDS")));
        var page = new IndexModel(_client, NullLogger<IndexModel>.Instance);

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal("Le filtre se termine par AND.", page.ErrorMessage);
        Assert.Empty(page.Rows);
    }

    private void Answer(ListBeneficiariesResponse response) =>
        _client.ListBeneficiariesAsync(Arg.Any<ListBeneficiariesRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(response));
}
