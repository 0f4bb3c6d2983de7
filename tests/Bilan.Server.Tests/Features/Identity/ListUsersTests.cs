using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Grpc.Core;

namespace Bilan.Server.Tests.Features.Identity;

[Collection(ApiTests.Name)]
public sealed class ListUsersTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    private UserService.UserServiceClient Users => new(Server.Channel);

    [Fact]
    public async Task ListUsers_PagedByTwo_EveryOneOnceInCaseInsensitiveEmailOrder()
    {
        var tag = Tag();
        string[] locals = ["delphine", "Bruno", "alice", "Emile", "chloe"];
        foreach (var local in locals)
        {
            await CreateAsync($"{tag}.{local}@example.org");
        }

        var seen = new List<User>();
        var pages = 0;
        var token = "";
        do
        {
            var page = await Users.ListUsersAsync(new ListUsersRequest { PageSize = 2, Filter = $"email = \"{tag}*\"", PageToken = token });
            Assert.True(page.Users.Count <= 2);
            seen.AddRange(page.Users);
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0);

        Assert.Equal(["alice", "Bruno", "chloe", "delphine", "Emile"], seen.Select(u => u.Email[(tag.Length + 1)..u.Email.IndexOf('@', StringComparison.Ordinal)]));
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task ListUsers_FilterByRole_OnlyThatRole()
    {
        var tag = Tag();
        var consultant = await Server.NewConsultantAsync();
        await CreateAsync($"{tag}.admin@example.org", StaffRole.Admin);
        var linked = await CreateAsync($"{tag}.consultant@example.org", StaffRole.Consultant, consultant.Name);
        await CreateAsync($"{tag}.support@example.org", StaffRole.Support);

        var page = await Users.ListUsersAsync(new ListUsersRequest { Filter = $"email = \"{tag}*\" AND role = STAFF_ROLE_CONSULTANT" });

        Assert.Equal(linked, Assert.Single(page.Users));
    }

    [Fact]
    public async Task ListUsers_FilterByDisabled_OnlyThoseInThatState()
    {
        var tag = Tag();
        await CreateAsync($"{tag}.a@example.org");
        var leaving = await CreateAsync($"{tag}.b@example.org");
        await CreateAsync($"{tag}.c@example.org");
        await Users.DisableUserAsync(new DisableUserRequest { Name = leaving.Name });

        var disabled = await Users.ListUsersAsync(new ListUsersRequest { Filter = $"disabled = true email = \"{tag}*\"" });
        var enabled = await Users.ListUsersAsync(new ListUsersRequest { Filter = $"email = \"{tag}*\" AND disabled = false" });

        Assert.Equal(leaving.Name, Assert.Single(disabled.Users).Name);
        Assert.True(disabled.Users[0].Disabled);
        Assert.Equal([$"{tag}.a@example.org", $"{tag}.c@example.org"], enabled.Users.Select(u => u.Email));
    }

    [Fact]
    public async Task ListUsers_EmailPrefixInOtherCase_MatchesTheStartOnly()
    {
        var tag = Tag();
        await CreateAsync($"{tag}.marie@example.org");
        await CreateAsync($"{tag}.bruno.marie@example.org");

        var page = await Users.ListUsersAsync(new ListUsersRequest { Filter = $"email = \"{tag.ToUpperInvariant()}.MA*\"" });

        Assert.Equal($"{tag}.marie@example.org", Assert.Single(page.Users).Email);
    }

    [Fact]
    public async Task ListUsers_PageSizes_DefaultFiftyAndAtMostTwoHundred()
    {
        var tag = Tag();
        await Server.Database.ScalarAsync<int>($"""
            INSERT INTO users (id, email, display_name, role, password_hash, version, create_time, update_time)
            SELECT gen_random_uuid(), '{tag}.' || n || '@example.org', 'Lot ' || n, 3, 'x', 1, now(), now()
            FROM generate_series(1, 201) AS n
            """);
        var filter = $"email = \"{tag}*\"";

        var byDefault = await Users.ListUsersAsync(new ListUsersRequest { Filter = filter });
        var tooMany = await Users.ListUsersAsync(new ListUsersRequest { Filter = filter, PageSize = 1000 });
        var rest = await Users.ListUsersAsync(new ListUsersRequest { Filter = filter, PageSize = 1000, PageToken = tooMany.NextPageToken });

        Assert.Equal(50, byDefault.Users.Count);
        Assert.Equal(200, tooMany.Users.Count);
        Assert.Single(rest.Users);
        Assert.Empty(rest.NextPageToken);
    }

    [Theory]
    [InlineData("role = ADMIN")]
    [InlineData("role = STAFF_ROLE_UNSPECIFIED")]
    [InlineData("role = \"STAFF_ROLE_ADMIN\"")]
    [InlineData("disabled = yes")]
    [InlineData("display_name = \"x*\"")]
    [InlineData("disabled = true AND disabled = false")]
    public async Task ListUsers_BadFilter_InvalidArgumentOnFilter(string filter)
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Users.ListUsersAsync(new ListUsersRequest { Filter = filter }));

        Assert.Equal(["filter"], status.BadFields());
    }

    [Fact]
    public async Task ListUsers_TokenWithAnotherFilter_InvalidArgumentOnPageToken()
    {
        var tag = Tag();
        await CreateAsync($"{tag}.un@example.org");
        await CreateAsync($"{tag}.deux@example.org");
        var first = await Users.ListUsersAsync(new ListUsersRequest { PageSize = 1, Filter = $"email = \"{tag}*\"" });

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Users.ListUsersAsync(
            new ListUsersRequest { PageSize = 1, PageToken = first.NextPageToken, Filter = "disabled = false" }));

        Assert.Equal(["page_token"], status.BadFields());
    }

    [Fact]
    public async Task ListUsers_NegativePageSize_InvalidArgument()
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Users.ListUsersAsync(new ListUsersRequest { PageSize = -1 }));

        Assert.Equal(["page_size"], status.BadFields());
    }

    private async Task<User> CreateAsync(string email, StaffRole role = StaffRole.Support, string consultant = "") =>
        await Users.CreateUserAsync(new CreateUserRequest
        {
            User = new User { Email = email, DisplayName = "Jeanne Martin", Role = role, Consultant = consultant },
            Password = "Mot-de-passe-2026",
        });

    private static string Tag() => $"list{Guid.NewGuid():N}"[..14];
}
