using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Bilan.Server.Tests.Features.Consultants;

[Collection(ApiTests.Name)]
public sealed class ListConsultantsTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    private ConsultantService.ConsultantServiceClient Consultants => new(Server.Channel);

    [Fact]
    public async Task ListConsultants_PagedByTwo_ReturnsEveryOneOnceInFrenchAlphabeticalOrder()
    {
        var prefix = UniquePrefix("Zz");
        // Two consultants with the same display name, which a page boundary falls between: the id breaks the tie.
        string[] names = ["Émile", "Bruno", "Aline", "Zoé", "Bruno", "chloé"];
        foreach (var name in names)
        {
            await CreateAsync($"{prefix} {name}");
        }

        var seen = new List<Consultant>();
        var pages = 0;
        var token = "";
        do
        {
            var page = await Consultants.ListConsultantsAsync(new ListConsultantsRequest { PageSize = 2, Filter = $"display_name = \"{prefix}*\"", PageToken = token });
            Assert.True(page.Consultants.Count <= 2);
            seen.AddRange(page.Consultants);
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0);

        // French collation: accented and lower-case names sort with their base letter.
        Assert.Equal(["Aline", "Bruno", "Bruno", "chloé", "Émile", "Zoé"], seen.Select(c => c.DisplayName[(prefix.Length + 1)..]));
        Assert.Equal(6, seen.Select(c => c.Name).Distinct().Count());
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task ListConsultants_FilterByActive_ReturnsOnlyThoseInThatState()
    {
        var prefix = UniquePrefix("Active");
        await CreateAsync($"{prefix} Anne");
        var leaving = await CreateAsync($"{prefix} Bernard");
        await CreateAsync($"{prefix} Carole");
        await Consultants.UpdateConsultantAsync(new UpdateConsultantRequest
        {
            Consultant = new Consultant { Name = leaving.Name, Active = false },
            UpdateMask = new FieldMask { Paths = { "active" } },
        });

        var active = await Consultants.ListConsultantsAsync(new ListConsultantsRequest { Filter = $"active = true AND display_name = \"{prefix}*\"" });
        var inactive = await Consultants.ListConsultantsAsync(new ListConsultantsRequest { Filter = $"display_name = \"{prefix}*\" active = false" });
        var everyone = await Consultants.ListConsultantsAsync(new ListConsultantsRequest { Filter = $"display_name = \"{prefix}*\"" });

        Assert.Equal([$"{prefix} Anne", $"{prefix} Carole"], active.Consultants.Select(c => c.DisplayName));
        Assert.Equal(leaving.Name, Assert.Single(inactive.Consultants).Name);
        Assert.False(inactive.Consultants[0].Active);
        Assert.Equal(3, everyone.Consultants.Count);
    }

    [Fact]
    public async Task ListConsultants_DisplayNamePrefixInOtherCase_MatchesTheStartOnly()
    {
        var prefix = UniquePrefix("Case");
        await CreateAsync($"{prefix} Marie Lambert");
        await CreateAsync($"{prefix} Bruno Marchal");

        var page = await Consultants.ListConsultantsAsync(new ListConsultantsRequest { Filter = $"display_name = \"{prefix.ToUpperInvariant()} MA*\"" });

        Assert.Equal($"{prefix} Marie Lambert", Assert.Single(page.Consultants).DisplayName);
    }

    [Fact]
    public async Task ListConsultants_EmailPrefixInOtherCase_ReturnsOnlyMatches()
    {
        var tag = Guid.NewGuid().ToString("N");
        await CreateAsync("Sophie Girard", $"sophie.{tag}@example.org");
        await CreateAsync("Paul Girard", $"paul.{tag}@example.org");

        var page = await Consultants.ListConsultantsAsync(new ListConsultantsRequest { Filter = $"email = \"SOPHIE.{tag.ToUpperInvariant()}*\"" });

        Assert.Equal("Sophie Girard", Assert.Single(page.Consultants).DisplayName);
        Assert.Empty(page.NextPageToken);
    }

    [Fact]
    public async Task ListConsultants_PrefixWithLikeWildcards_MatchesThemLiterally()
    {
        var page = await Consultants.ListConsultantsAsync(new ListConsultantsRequest { Filter = "display_name = \"%_*\" email = \"%*\"" });

        Assert.Empty(page.Consultants);
    }

    [Fact]
    public async Task ListConsultants_PageSizes_DefaultFiftyAndAtMostTwoHundred()
    {
        var prefix = UniquePrefix("Bulk");
        await Server.Database.ScalarAsync<int>($"""
            INSERT INTO consultants (id, display_name, email, active, version, create_time, update_time)
            SELECT gen_random_uuid(), '{prefix} ' || n, '{prefix}.' || n || '@example.org', true, 1, now(), now()
            FROM generate_series(1, 201) AS n
            """);
        var filter = $"display_name = \"{prefix}*\"";

        var byDefault = await Consultants.ListConsultantsAsync(new ListConsultantsRequest { Filter = filter });
        var tooMany = await Consultants.ListConsultantsAsync(new ListConsultantsRequest { Filter = filter, PageSize = 1000 });
        var rest = await Consultants.ListConsultantsAsync(new ListConsultantsRequest { Filter = filter, PageSize = 1000, PageToken = tooMany.NextPageToken });

        Assert.Equal(50, byDefault.Consultants.Count);
        Assert.Equal(200, tooMany.Consultants.Count);
        Assert.Single(rest.Consultants);
        Assert.Empty(rest.NextPageToken);
    }

    [Theory]
    [InlineData("name = \"x\"")]
    [InlineData("active = yes")]
    [InlineData("active = \"true\"")]
    [InlineData("active = TRUE")]
    [InlineData("active = true AND active = false")]
    [InlineData("display_name \"x\"")]
    [InlineData("active = true AND")]
    public async Task ListConsultants_BadFilter_InvalidArgumentOnFilter(string filter)
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Consultants.ListConsultantsAsync(new ListConsultantsRequest { Filter = filter }));

        Assert.Equal(["filter"], status.BadFields());
        Assert.Equal("INVALID_FILTER", status.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations[0].Reason);
    }

    [Fact]
    public async Task ListConsultants_TokenWithAnotherFilter_InvalidArgumentOnPageToken()
    {
        var prefix = UniquePrefix("Token");
        await CreateAsync($"{prefix} Un");
        await CreateAsync($"{prefix} Deux");
        var first = await Consultants.ListConsultantsAsync(new ListConsultantsRequest { PageSize = 1, Filter = $"display_name = \"{prefix}*\"" });

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Consultants.ListConsultantsAsync(
            new ListConsultantsRequest { PageSize = 1, PageToken = first.NextPageToken, Filter = "active = true" }));

        Assert.Equal(["page_token"], status.BadFields());
    }

    [Fact]
    public async Task ListConsultants_ForgedToken_InvalidArgumentOnPageToken()
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Consultants.ListConsultantsAsync(
            new ListConsultantsRequest { PageToken = "not-a-token" }));

        Assert.Equal(["page_token"], status.BadFields());
    }

    [Fact]
    public async Task ListConsultants_NegativePageSize_InvalidArgument()
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Consultants.ListConsultantsAsync(new ListConsultantsRequest { PageSize = -1 }));

        Assert.Equal(["page_size"], status.BadFields());
    }

    private async Task<Consultant> CreateAsync(string displayName, string? email = null) =>
        await Consultants.CreateConsultantAsync(new CreateConsultantRequest
        {
            Consultant = new Consultant { DisplayName = displayName, Email = email ?? $"{Guid.NewGuid():N}@example.org" },
        });

    private static string UniquePrefix(string start) => $"{start}{Guid.NewGuid():N}"[..(start.Length + 10)];
}
