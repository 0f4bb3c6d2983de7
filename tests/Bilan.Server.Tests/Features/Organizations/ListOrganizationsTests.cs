using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Grpc.Core;

namespace Bilan.Server.Tests.Features.Organizations;

[Collection(ApiTests.Name)]
public sealed class ListOrganizationsTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    private OrganizationService.OrganizationServiceClient Organizations => new(Server.Channel);

    [Fact]
    public async Task ListOrganizations_PagedByTwo_ReturnsEveryOneOnceInFrenchAlphabeticalOrder()
    {
        var prefix = UniquePrefix("Zz");
        // Two organizations with the same display name, which a page boundary falls between: the id breaks the tie.
        string[] names = ["Écoles", "Bâtiment", "Agence", "Zénith", "Bâtiment", "clinique"];
        foreach (var name in names)
        {
            await CreateAsync($"{prefix} {name}");
        }

        var seen = new List<Organization>();
        var pages = 0;
        var token = "";
        do
        {
            var page = await Organizations.ListOrganizationsAsync(new ListOrganizationsRequest { PageSize = 2, Filter = $"display_name = \"{prefix}*\"", PageToken = token });
            Assert.True(page.Organizations.Count <= 2);
            seen.AddRange(page.Organizations);
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0);

        // French collation: accented and lower-case names sort with their base letter.
        Assert.Equal(["Agence", "Bâtiment", "Bâtiment", "clinique", "Écoles", "Zénith"], seen.Select(o => o.DisplayName[(prefix.Length + 1)..]));
        Assert.Equal(6, seen.Select(o => o.Name).Distinct().Count());
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task ListOrganizations_DisplayNamePrefixInOtherCase_MatchesTheStartOnly()
    {
        var prefix = UniquePrefix("Case");
        await CreateAsync($"{prefix} Centre hospitalier");
        await CreateAsync($"{prefix} Mairie du centre");

        var page = await Organizations.ListOrganizationsAsync(new ListOrganizationsRequest { Filter = $"display_name = \"{prefix.ToUpperInvariant()} CENTRE*\"" });

        Assert.Equal($"{prefix} Centre hospitalier", Assert.Single(page.Organizations).DisplayName);
        Assert.Empty(page.NextPageToken);
    }

    [Fact]
    public async Task ListOrganizations_SiretFilter_ReturnsOnlyThatOrganization()
    {
        var prefix = UniquePrefix("Siret");
        var wanted = await CreateAsync($"{prefix} Un");
        await CreateAsync($"{prefix} Deux");

        var page = await Organizations.ListOrganizationsAsync(new ListOrganizationsRequest { Filter = $"siret = \"{wanted.Siret}\"" });
        var both = await Organizations.ListOrganizationsAsync(new ListOrganizationsRequest { Filter = $"siret = \"{wanted.Siret}\" AND display_name = \"{prefix}*\"" });
        var none = await Organizations.ListOrganizationsAsync(new ListOrganizationsRequest { Filter = $"siret = \"{OrganizationSamples.UniqueSiret()}\"" });

        Assert.Equal(wanted, Assert.Single(page.Organizations));
        Assert.Equal(wanted.Name, Assert.Single(both.Organizations).Name);
        Assert.Empty(none.Organizations);
    }

    [Fact]
    public async Task ListOrganizations_PrefixWithLikeWildcards_MatchesThemLiterally()
    {
        await CreateAsync($"{UniquePrefix("Joker")} 100% Santé");

        var page = await Organizations.ListOrganizationsAsync(new ListOrganizationsRequest { Filter = "display_name = \"%_*\"" });

        Assert.Empty(page.Organizations);
    }

    [Fact]
    public async Task ListOrganizations_PageSizes_DefaultFiftyAndAtMostTwoHundred()
    {
        var prefix = UniquePrefix("Bulk");
        await Server.Database.ScalarAsync<int>($"""
            INSERT INTO organizations (id, display_name, siret, version, create_time, update_time)
            SELECT gen_random_uuid(), '{prefix} ' || n, NULL, 1, now(), now()
            FROM generate_series(1, 201) AS n
            """);
        var filter = $"display_name = \"{prefix}*\"";

        var byDefault = await Organizations.ListOrganizationsAsync(new ListOrganizationsRequest { Filter = filter });
        var tooMany = await Organizations.ListOrganizationsAsync(new ListOrganizationsRequest { Filter = filter, PageSize = 1000 });
        var rest = await Organizations.ListOrganizationsAsync(new ListOrganizationsRequest { Filter = filter, PageSize = 1000, PageToken = tooMany.NextPageToken });

        Assert.Equal(50, byDefault.Organizations.Count);
        Assert.Equal(200, tooMany.Organizations.Count);
        Assert.Single(rest.Organizations);
        Assert.Empty(rest.NextPageToken);
    }

    [Theory]
    [InlineData("name = \"x\"")]
    [InlineData("siret = \"1\" AND siret = \"2\"")]
    [InlineData("display_name \"x\"")]
    [InlineData("display_name = \"x*\" AND")]
    public async Task ListOrganizations_BadFilter_InvalidArgumentOnFilter(string filter)
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Organizations.ListOrganizationsAsync(new ListOrganizationsRequest { Filter = filter }));

        Assert.Equal(["filter"], status.BadFields());
        Assert.Equal("INVALID_FILTER", status.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations[0].Reason);
    }

    [Fact]
    public async Task ListOrganizations_TokenWithAnotherFilter_InvalidArgumentOnPageToken()
    {
        var prefix = UniquePrefix("Token");
        await CreateAsync($"{prefix} Un");
        await CreateAsync($"{prefix} Deux");
        var first = await Organizations.ListOrganizationsAsync(new ListOrganizationsRequest { PageSize = 1, Filter = $"display_name = \"{prefix}*\"" });

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Organizations.ListOrganizationsAsync(
            new ListOrganizationsRequest { PageSize = 1, PageToken = first.NextPageToken, Filter = "display_name = \"A*\"" }));

        Assert.Equal(["page_token"], status.BadFields());
    }

    [Fact]
    public async Task ListOrganizations_NegativePageSize_InvalidArgument()
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Organizations.ListOrganizationsAsync(new ListOrganizationsRequest { PageSize = -1 }));

        Assert.Equal(["page_size"], status.BadFields());
    }

    private async Task<Organization> CreateAsync(string displayName) => await Server.NewOrganizationAsync(displayName);

    private static string UniquePrefix(string start) => $"{start}{Guid.NewGuid():N}"[..(start.Length + 10)];
}
