using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Grpc.Core;

namespace Bilan.Server.Tests.Features.Beneficiaries;

[Collection(ApiTests.Name)]
public sealed class ListBeneficiariesTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task ListBeneficiaries_PagedByTwo_ReturnsEveryOneOnceInAlphabeticalOrder()
    {
        var family = $"Zz{Guid.NewGuid():N}"[..12];
        string[] givenNames = ["Émile", "Aline", "Zoé", "Bruno", "Chloé"];
        foreach (var given in givenNames)
        {
            await Server.Beneficiaries.CreateAsync(Requests.JobSeeker(family, given));
        }

        var filter = $"display_name = \"{family}*\"";
        var seen = new List<string>();
        var pages = 0;
        var token = "";
        do
        {
            var page = await Server.Beneficiaries.ListBeneficiariesAsync(new ListBeneficiariesRequest { PageSize = 2, Filter = filter, PageToken = token });
            Assert.True(page.Beneficiaries.Count <= 2);
            seen.AddRange(page.Beneficiaries.Select(b => b.GivenName));
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0);

        // French collation: accented names sort with their base letter.
        Assert.Equal(["Aline", "Bruno", "Chloé", "Émile", "Zoé"], seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task ListBeneficiaries_FilterByCategoryAndEmailPrefix_ReturnsOnlyMatches()
    {
        var family = $"Filter{Guid.NewGuid():N}"[..14];
        await Server.Beneficiaries.CreateAsync(Requests.JobSeeker(family, "Anne"));
        await Server.Beneficiaries.CreateAsync(Requests.Employee(family, "Anne"));
        await Server.Beneficiaries.CreateAsync(Requests.JobSeeker(family, "Paul"));

        var page = await Server.Beneficiaries.ListBeneficiariesAsync(new ListBeneficiariesRequest
        {
            Filter = $"public_category = PUBLIC_CATEGORY_JOB_SEEKER AND email = \"ANNE.{family.ToUpperInvariant()}*\"",
        });

        var only = Assert.Single(page.Beneficiaries);
        Assert.Equal(("Anne", PublicCategory.JobSeeker), (only.GivenName, only.PublicCategory));
        Assert.Empty(page.NextPageToken);
    }

    [Fact]
    public async Task ListBeneficiaries_FilterByEmployerSiret_ReturnsItsEmployees()
    {
        var family = $"Siret{Guid.NewGuid():N}"[..13];
        await Server.Beneficiaries.CreateAsync(Requests.Employee(family, "Inès", siret: "44306184100047"));
        await Server.Beneficiaries.CreateAsync(Requests.Employee(family, "Luc"));

        var page = await Server.Beneficiaries.ListBeneficiariesAsync(new ListBeneficiariesRequest
        {
            Filter = $"employer_siret = \"44306184100047\" display_name = \"{family}*\"",
        });

        Assert.Equal("Inès", Assert.Single(page.Beneficiaries).GivenName);
    }

    [Fact]
    public async Task ListBeneficiaries_PrefixWithLikeWildcards_MatchesThemLiterally()
    {
        var page = await Server.Beneficiaries.ListBeneficiariesAsync(new ListBeneficiariesRequest { Filter = "display_name = \"%_*\"" });

        Assert.Empty(page.Beneficiaries);
    }

    [Theory]
    [InlineData("name = \"x\"")]
    [InlineData("public_category = EMPLOYEE")]
    [InlineData("display_name \"x\"")]
    public async Task ListBeneficiaries_BadFilter_InvalidArgumentOnFilter(string filter)
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Beneficiaries.ListBeneficiariesAsync(new ListBeneficiariesRequest { Filter = filter }));

        Assert.Equal(["filter"], status.BadFields());
    }

    [Fact]
    public async Task ListBeneficiaries_TokenWithAnotherFilter_InvalidArgumentOnPageToken()
    {
        var family = $"Token{Guid.NewGuid():N}"[..13];
        await Server.Beneficiaries.CreateAsync(Requests.JobSeeker(family, "Un"));
        await Server.Beneficiaries.CreateAsync(Requests.JobSeeker(family, "Deux"));
        var first = await Server.Beneficiaries.ListBeneficiariesAsync(new ListBeneficiariesRequest { PageSize = 1, Filter = $"display_name = \"{family}*\"" });

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Beneficiaries.ListBeneficiariesAsync(
            new ListBeneficiariesRequest { PageSize = 1, PageToken = first.NextPageToken }));

        Assert.Equal(["page_token"], status.BadFields());
    }

    [Fact]
    public async Task ListBeneficiaries_NegativePageSize_InvalidArgument()
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Beneficiaries.ListBeneficiariesAsync(new ListBeneficiariesRequest { PageSize = -1 }));

        Assert.Equal(["page_size"], status.BadFields());
    }
}
