using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Grpc.Core;
using BilanResource = Bilan.Contracts.V1.Bilan;

namespace Bilan.Server.Tests.Features.Bilans;

[Collection(ApiTests.Name)]
public sealed class ListBilansTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task ListBilans_OfABeneficiaryPagedByTwo_NewestFirstEachOnce()
    {
        var beneficiary = await Server.Beneficiaries.CreateAsync(Requests.JobSeeker());
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await Server.Bilans.CreateBilanAsync(new CreateBilanRequest { Bilan = Requests.Bilan(beneficiary.Name) })).Name);
        }

        var filter = $"beneficiary = \"{beneficiary.Name}\"";
        var seen = new List<string>();
        var token = "";
        do
        {
            var page = await Server.Bilans.ListBilansAsync(new ListBilansRequest { PageSize = 2, Filter = filter, PageToken = token });
            seen.AddRange(page.Bilans.Select(b => b.Name));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        created.Reverse();
        Assert.Equal(created, seen);
    }

    [Fact]
    public async Task ListBilans_FilterByStateAndEmployer_ReturnsOnlyMatches()
    {
        var siret = "81234567800013";
        var employee = await Server.Beneficiaries.CreateAsync(Requests.Employee(siret: siret));
        var requested = await Server.Bilans.CreateBilanAsync(new CreateBilanRequest { Bilan = Requests.Bilan(employee.Name) });
        var started = await Server.Bilans.CreateBilanAsync(new CreateBilanRequest { Bilan = Requests.Bilan(employee.Name) });
        await Server.Database.ScalarAsync<int>($"UPDATE bilans SET state = 3 WHERE id = '{started.Name["bilans/".Length..]}'");
        await Server.NewBilanAsync();

        var investigation = await Server.Bilans.ListBilansAsync(new ListBilansRequest { Filter = $"employer_siret = \"{siret}\" AND state = STATE_INVESTIGATION" });
        var all = await Server.Bilans.ListBilansAsync(new ListBilansRequest { Filter = $"employer_siret = \"{siret}\"" });

        var only = Assert.Single(investigation.Bilans);
        Assert.Equal((started.Name, BilanResource.Types.State.Investigation), (only.Name, only.State));
        Assert.Equal([started.Name, requested.Name], all.Bilans.Select(b => b.Name));
    }

    [Theory]
    [InlineData("ZOLA-{0}*")]
    [InlineData("zola-{0}")]
    [InlineData("Émile Zola-{0}*")]
    [InlineData("zola-{0} émi*")]
    public async Task ListBilans_BeneficiaryNameFilter_MatchesTheStartOfEitherNameOrder(string pattern)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var zola = await Server.Beneficiaries.CreateAsync(Requests.JobSeeker($"Zola-{tag}", "Émile"));
        var bilan = await Server.Bilans.CreateBilanAsync(new CreateBilanRequest { Bilan = Requests.Bilan(zola.Name) });
        var other = await Server.Beneficiaries.CreateAsync(Requests.JobSeeker($"Hugo-{tag}", "Victor"));
        await Server.Bilans.CreateBilanAsync(new CreateBilanRequest { Bilan = Requests.Bilan(other.Name) });

        var page = await Server.Bilans.ListBilansAsync(new ListBilansRequest
        {
            Filter = $"beneficiary_name = \"{string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, tag)}\"",
        });

        Assert.Equal([bilan.Name], page.Bilans.Select(b => b.Name));
    }

    [Fact]
    public async Task ListBilans_BeneficiaryNameFilterWithLikeWildcards_TakenLiterally()
    {
        var page = await Server.Bilans.ListBilansAsync(new ListBilansRequest { Filter = "beneficiary_name = \"%_*\"" });

        Assert.Empty(page.Bilans);
    }

    [Fact]
    public async Task ListBilans_UnknownConsultant_Empty()
    {
        var page = await Server.Bilans.ListBilansAsync(new ListBilansRequest { Filter = $"consultant = \"consultants/{Guid.NewGuid()}\"" });

        Assert.Empty(page.Bilans);
        Assert.Empty(page.NextPageToken);
    }

    [Theory]
    [InlineData("state = REQUESTED")]
    [InlineData("state = \"STATE_REQUESTED\"")]
    [InlineData("beneficiary = \"bilans/1\"")]
    [InlineData("organisation = \"x\"")]
    [InlineData("state = STATE_REQUESTED AND")]
    public async Task ListBilans_BadFilter_InvalidArgumentOnFilter(string filter)
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Bilans.ListBilansAsync(new ListBilansRequest { Filter = filter }));

        Assert.Equal(["filter"], status.BadFields());
        Assert.Equal("INVALID_FILTER", status.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations[0].Reason);
    }

    [Fact]
    public async Task ListBilans_GarbagePageToken_InvalidArgumentOnPageToken()
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Bilans.ListBilansAsync(new ListBilansRequest { PageToken = "bm90IGEgdG9rZW4" }));

        Assert.Equal(["page_token"], status.BadFields());
    }

    [Theory]
    [InlineData(0, 50)]
    [InlineData(5000, 200)]
    public async Task ListBilans_DefaultAndTooLargePageSize_DocumentedSizes(int requested, int expected)
    {
        var beneficiary = await Server.Beneficiaries.CreateAsync(Requests.JobSeeker());
        await Server.Database.ScalarAsync<int>($"""
            INSERT INTO bilans (id, beneficiary_id, state, working_time, funding_source, planned_hours, version, create_time, update_time)
            SELECT gen_random_uuid(), '{beneficiary.Name["beneficiaries/".Length..]}', 1, 3, 1, 24, 1, now() - n * interval '1 second', now()
            FROM generate_series(1, 205) AS n
            """);

        var page = await Server.Bilans.ListBilansAsync(new ListBilansRequest { PageSize = requested, Filter = $"beneficiary = \"{beneficiary.Name}\"" });

        Assert.Equal(expected, page.Bilans.Count);
        Assert.NotEmpty(page.NextPageToken);
    }
}
