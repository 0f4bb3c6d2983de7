using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Google.Rpc;
using Grpc.Core;

namespace Bilan.Server.Tests.Features.Identity;

[Collection(ApiTests.Name)]
public sealed class CreateUserTests(ApiFixture fixture)
{
    private const string Password = "Mot-de-passe-2026";

    private ApiServer Server => fixture.Server;

    private UserService.UserServiceClient Users => new(Server.Channel);

    [Fact]
    public async Task CreateUser_Admin_ReturnsItEnabledWithNameTimesAndEtagAndStoresOnlyASaltedHash()
    {
        var email = UniqueEmail("jeanne.admin");

        var created = await Users.CreateUserAsync(new CreateUserRequest
        {
            User = new User { Email = $" {email} ", DisplayName = "  Jeanne Admin ", Role = StaffRole.Admin, Disabled = true },
            Password = Password,
        });

        Assert.Matches("^users/[0-9a-f-]{36}$", created.Name);
        Assert.Equal((email, "Jeanne Admin", StaffRole.Admin, "", false), (created.Email, created.DisplayName, created.Role, created.Consultant, created.Disabled));
        Assert.Null(created.LockedUntil);
        Assert.NotEmpty(created.Etag);
        Assert.Equal(created.CreateTime, created.UpdateTime);
        Assert.Equal(created, await Users.GetUserAsync(new GetUserRequest { Name = created.Name }));
        var hash = await Server.Database.ScalarAsync<string>($"SELECT password_hash FROM users WHERE id = '{created.Name[6..]}'");
        Assert.DoesNotContain(Password, hash, StringComparison.Ordinal);
        Assert.StartsWith("AQAAAA", hash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateUser_SamePasswordTwice_DifferentHashes()
    {
        var first = await CreateAsync(StaffRole.Support);
        var second = await CreateAsync(StaffRole.Support);

        Assert.Equal(2L, await Server.Database.ScalarAsync<long>(
            $"SELECT count(DISTINCT password_hash) FROM users WHERE id IN ('{first.Name[6..]}', '{second.Name[6..]}')"));
    }

    [Fact]
    public async Task CreateUser_ConsultantLinkedToAConsultant_ReturnsTheConsultantName()
    {
        var consultant = await Server.NewConsultantAsync();

        var created = await CreateAsync(StaffRole.Consultant, consultant.Name);

        Assert.Equal((StaffRole.Consultant, consultant.Name), (created.Role, created.Consultant));
    }

    [Fact]
    public async Task CreateUser_EveryFieldBad_InvalidArgumentNamingEveryOneWithFrench()
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Users.CreateUserAsync(new CreateUserRequest
        {
            User = new User { Email = "jeanne.example.org", DisplayName = new string('x', 201), Consultant = "consultants/42" },
            Password = "court",
        }));

        Assert.Equal(["user.email", "user.display_name", "user.role", "user.consultant", "password"], status.BadFields());
        var violations = status.GetDetail<BadRequest>()!.FieldViolations;
        Assert.Equal(["INVALID_FORMAT", "TOO_LONG", "REQUIRED", "INVALID_RESOURCE_NAME", "TOO_SHORT"], violations.Select(v => v.Reason));
        Assert.All(violations, v => Assert.Equal("fr-FR", v.LocalizedMessage.Locale));
        Assert.Equal("5 champs sont invalides : corrigez-les puis réessayez.", status.FrenchMessage());
    }

    [Theory]
    [InlineData("", "REQUIRED")]
    [InlineData("Court-1", "TOO_SHORT")]
    [InlineData("QueDesLettresIci", "ONLY_LETTERS")]
    public async Task CreateUser_WeakPassword_InvalidArgumentSayingTheRuleAndNothingWritten(string password, string reason)
    {
        var email = UniqueEmail("weak");

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Users.CreateUserAsync(new CreateUserRequest
        {
            User = new User { Email = email, DisplayName = "Faible", Role = StaffRole.Support },
            Password = password,
        }));

        var violation = Assert.Single(status.GetDetail<BadRequest>()!.FieldViolations);
        Assert.Equal(("password", reason), (violation.Field, violation.Reason));
        Assert.Contains("at least 12 characters, not only letters", violation.Description, StringComparison.Ordinal);
        Assert.Contains("au moins 12 caractères", violation.LocalizedMessage.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await CountWithEmail(email));
    }

    [Fact]
    public async Task CreateUser_NoUser_InvalidArgumentOnUserAndPassword()
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Users.CreateUserAsync(new CreateUserRequest()));

        Assert.Equal(["user", "password"], status.BadFields());
    }

    [Fact]
    public async Task CreateUser_EmailOfAnotherUserInOtherCase_AlreadyExistsWithoutTheAddress()
    {
        var first = await CreateAsync(StaffRole.Admin);

        var status = await RpcFailure.Of(StatusCode.AlreadyExists, () => Users.CreateUserAsync(new CreateUserRequest
        {
            User = new User { Email = first.Email.ToUpperInvariant(), DisplayName = "Doublon", Role = StaffRole.Support },
            Password = Password,
        }));

        var info = status.ErrorInfo();
        Assert.Equal(("RESOURCE_ALREADY_EXISTS", "user.email", "users"), (info.Reason, info.Metadata["field"], info.Metadata["resource_type"]));
        Assert.DoesNotContain("@", status.Message, StringComparison.Ordinal);
        Assert.Equal("Un autre utilisateur, actif ou non, a déjà cette adresse e-mail.", status.FrenchMessage());
        Assert.Equal(1L, await CountWithEmail(first.Email));
    }

    [Fact]
    public async Task CreateUser_ConsultantRoleWithoutConsultant_InvalidArgumentOnConsultant()
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Users.CreateUserAsync(new CreateUserRequest
        {
            User = new User { Email = UniqueEmail("sans"), DisplayName = "Sans consultant", Role = StaffRole.Consultant },
            Password = Password,
        }));

        Assert.Equal(["user.consultant"], status.BadFields());
        Assert.Equal("REQUIRED", status.GetDetail<BadRequest>()!.FieldViolations[0].Reason);
    }

    [Theory]
    [InlineData(StaffRole.Admin)]
    [InlineData(StaffRole.Support)]
    public async Task CreateUser_OtherRoleWithConsultant_InvalidArgumentOnConsultant(StaffRole role)
    {
        var consultant = await Server.NewConsultantAsync();

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Users.CreateUserAsync(new CreateUserRequest
        {
            User = new User { Email = UniqueEmail("lie"), DisplayName = "Lié", Role = role, Consultant = consultant.Name },
            Password = Password,
        }));

        Assert.Equal(["user.consultant"], status.BadFields());
        Assert.Equal("NOT_ALLOWED", status.GetDetail<BadRequest>()!.FieldViolations[0].Reason);
    }

    [Fact]
    public async Task CreateUser_UnknownConsultant_NotFoundNamingItAndNothingWritten()
    {
        var unknown = $"consultants/{Guid.NewGuid()}";
        var email = UniqueEmail("fantome");

        var status = await RpcFailure.Of(StatusCode.NotFound, () => Users.CreateUserAsync(new CreateUserRequest
        {
            User = new User { Email = email, DisplayName = "Fantôme", Role = StaffRole.Consultant, Consultant = unknown },
            Password = Password,
        }));

        Assert.Equal(("RESOURCE_NOT_FOUND", unknown), (status.ErrorInfo().Reason, status.ErrorInfo().Metadata["resource_name"]));
        Assert.Equal("Ce consultant n'existe pas.", status.FrenchMessage());
        Assert.Equal(0L, await CountWithEmail(email));
    }

    [Fact]
    public async Task CreateUser_SecondUserForTheSameConsultant_AlreadyExistsOnConsultant()
    {
        var consultant = await Server.NewConsultantAsync();
        await CreateAsync(StaffRole.Consultant, consultant.Name);

        var status = await RpcFailure.Of(StatusCode.AlreadyExists, () => Users.CreateUserAsync(new CreateUserRequest
        {
            User = new User { Email = UniqueEmail("bis"), DisplayName = "Bis", Role = StaffRole.Consultant, Consultant = consultant.Name },
            Password = Password,
        }));

        Assert.Equal("user.consultant", status.ErrorInfo().Metadata["field"]);
        Assert.Equal("Ce consultant a déjà un compte utilisateur.", status.FrenchMessage());
    }

    [Fact]
    public async Task CreateUser_SameRequestIdTwice_SameAnswerAndOneRow()
    {
        var request = new CreateUserRequest
        {
            User = new User { Email = UniqueEmail("retry"), DisplayName = "Retry", Role = StaffRole.Support },
            Password = Password,
            RequestId = Guid.NewGuid().ToString(),
        };

        var first = await Users.CreateUserAsync(request);
        var retry = await Users.CreateUserAsync(request);

        Assert.Equal(first, retry);
        Assert.Equal(1L, await CountWithEmail(request.User.Email));
    }

    [Fact]
    public async Task CreateUser_SameRequestIdOtherPassword_FirstAnswerSinceThePasswordIsNotFingerprinted()
    {
        var request = new CreateUserRequest
        {
            User = new User { Email = UniqueEmail("log"), DisplayName = "Journal", Role = StaffRole.Support },
            Password = Password,
            RequestId = Guid.NewGuid().ToString(),
        };
        var first = await Users.CreateUserAsync(request);

        var retry = await Users.CreateUserAsync(new CreateUserRequest(request) { Password = "Autre-mot-de-passe-2026" });

        Assert.Equal(first, retry);
        Assert.Equal(1L, await CountWithEmail(request.User.Email));
        Assert.Equal(0L, await Server.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM request_log WHERE request_id = '{request.RequestId}' AND strpos(encode(response, 'escape'), '{Password}') > 0"));
    }

    [Fact]
    public async Task CreateUser_RequestIdReusedForAnotherUser_InvalidArgumentAndNothingWritten()
    {
        var requestId = Guid.NewGuid().ToString();
        await Users.CreateUserAsync(new CreateUserRequest
        {
            User = new User { Email = UniqueEmail("premier"), DisplayName = "Premier", Role = StaffRole.Support },
            Password = Password,
            RequestId = requestId,
        });
        var otherEmail = UniqueEmail("autre");

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Users.CreateUserAsync(new CreateUserRequest
        {
            User = new User { Email = otherEmail, DisplayName = "Autre", Role = StaffRole.Support },
            Password = Password,
            RequestId = requestId,
        }));

        Assert.Equal(["request_id"], status.BadFields());
        Assert.Equal(0L, await CountWithEmail(otherEmail));
    }

    private async Task<User> CreateAsync(StaffRole role, string consultant = "") =>
        await Users.CreateUserAsync(new CreateUserRequest
        {
            User = new User { Email = UniqueEmail(role.ToString().ToLowerInvariant()), DisplayName = "Jeanne Martin", Role = role, Consultant = consultant },
            Password = Password,
        });

    private Task<long> CountWithEmail(string email) =>
        Server.Database.ScalarAsync<long>($"SELECT count(*) FROM users WHERE lower(email) = lower('{email}')");

    private static string UniqueEmail(string start) => $"{start}.{Guid.NewGuid():N}@example.org";
}
