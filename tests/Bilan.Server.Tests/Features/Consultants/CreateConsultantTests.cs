using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Bilan.Server.Tests.Features.Consultants;

[Collection(ApiTests.Name)]
public sealed class CreateConsultantTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    private ConsultantService.ConsultantServiceClient Consultants => new(Server.Channel);

    [Fact]
    public async Task CreateConsultant_Valid_ReturnsItActiveWithNameTimesAndEtag()
    {
        var email = UniqueEmail("claire.dupont");

        // Active is output only on create: a new consultant is active whatever the request says.
        var created = await Consultants.CreateConsultantAsync(new CreateConsultantRequest
        {
            Consultant = new Consultant { DisplayName = "  Claire Dupont ", Email = $" {email} ", Active = false },
        });

        Assert.Matches("^consultants/[0-9a-f-]{36}$", created.Name);
        Assert.Equal(("Claire Dupont", email, true), (created.DisplayName, created.Email, created.Active));
        Assert.NotEmpty(created.Etag);
        Assert.NotNull(created.CreateTime);
        Assert.Equal(created.CreateTime, created.UpdateTime);
        Assert.Equal(created, await Consultants.GetConsultantAsync(new GetConsultantRequest { Name = created.Name }));
    }

    [Fact]
    public async Task CreateConsultant_EveryFieldBad_InvalidArgumentNamingEveryOne()
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Consultants.CreateConsultantAsync(new CreateConsultantRequest
        {
            Consultant = new Consultant { DisplayName = new string('x', 201), Email = "claire.example.org" },
        }));

        Assert.Equal(["consultant.display_name", "consultant.email"], status.BadFields());
        Assert.Equal("INVALID_FIELDS", status.ErrorInfo().Reason);
        Assert.Equal("bilan.v1", status.ErrorInfo().Domain);
        Assert.Equal("2 champs sont invalides : corrigez-les puis réessayez.", status.FrenchMessage());
        var violations = status.GetDetail<BadRequest>()!.FieldViolations;
        Assert.Equal(["TOO_LONG", "INVALID_FORMAT"], violations.Select(v => v.Reason));
        Assert.All(violations, v => Assert.Equal("fr-FR", v.LocalizedMessage.Locale));
    }

    [Fact]
    public async Task CreateConsultant_EmptyConsultant_BothFieldsRequired()
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Consultants.CreateConsultantAsync(
            new CreateConsultantRequest { Consultant = new Consultant { DisplayName = "   " } }));

        Assert.Equal(["consultant.display_name", "consultant.email"], status.BadFields());
        Assert.All(status.GetDetail<BadRequest>()!.FieldViolations, v => Assert.Equal("REQUIRED", v.Reason));
    }

    [Fact]
    public async Task CreateConsultant_NoConsultant_InvalidArgument()
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Consultants.CreateConsultantAsync(new CreateConsultantRequest()));

        Assert.Equal(["consultant"], status.BadFields());
    }

    [Fact]
    public async Task CreateConsultant_SameRequestIdTwice_SameAnswerAndOneRow()
    {
        var email = UniqueEmail("idempotent");
        var request = new CreateConsultantRequest
        {
            Consultant = new Consultant { DisplayName = "Marc Lefebvre", Email = email },
            RequestId = Guid.NewGuid().ToString(),
        };

        var first = await Consultants.CreateConsultantAsync(request);
        Server.Clock.Advance(TimeSpan.FromMinutes(5));
        var retry = await Consultants.CreateConsultantAsync(request);

        Assert.Equal(first, retry);
        Assert.Equal(1L, await CountWithEmail(email));
    }

    [Fact]
    public async Task CreateConsultant_RequestIdReusedForAnotherRequest_InvalidArgumentAndNothingWritten()
    {
        var requestId = Guid.NewGuid().ToString();
        await Consultants.CreateConsultantAsync(new CreateConsultantRequest
        {
            Consultant = new Consultant { DisplayName = "Marc Lefebvre", Email = UniqueEmail("first") },
            RequestId = requestId,
        });
        var otherEmail = UniqueEmail("other");

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Consultants.CreateConsultantAsync(new CreateConsultantRequest
        {
            Consultant = new Consultant { DisplayName = "Marc Lefebvre", Email = otherEmail },
            RequestId = requestId,
        }));

        Assert.Equal(["request_id"], status.BadFields());
        Assert.Equal("REQUEST_ID_REUSED", status.GetDetail<BadRequest>()!.FieldViolations[0].Reason);
        Assert.Equal(0L, await CountWithEmail(otherEmail));
    }

    [Fact]
    public async Task CreateConsultant_RequestIdNotAUuid_InvalidArgument()
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Consultants.CreateConsultantAsync(new CreateConsultantRequest
        {
            Consultant = new Consultant { DisplayName = "Marc Lefebvre", Email = UniqueEmail("marc") },
            RequestId = "retry-1",
        }));

        Assert.Equal(["request_id"], status.BadFields());
    }

    [Fact]
    public async Task CreateConsultant_EmailOfAnotherInOtherCase_AlreadyExistsWithoutTheAddressAndOneRow()
    {
        var email = UniqueEmail("amina.haddad");
        await Consultants.CreateConsultantAsync(new CreateConsultantRequest { Consultant = new Consultant { DisplayName = "Amina Haddad", Email = email } });

        var status = await RpcFailure.Of(StatusCode.AlreadyExists, () => Consultants.CreateConsultantAsync(new CreateConsultantRequest
        {
            Consultant = new Consultant { DisplayName = "Amina Haddad (bis)", Email = email.ToUpperInvariant() },
        }));

        var info = status.ErrorInfo();
        Assert.Equal(("RESOURCE_ALREADY_EXISTS", "bilan.v1"), (info.Reason, info.Domain));
        Assert.Equal("consultant.email", info.Metadata["field"]);
        Assert.Equal("consultants", info.Metadata["resource_type"]);
        Assert.DoesNotContain(info.Metadata.Values, value => value.Contains('@', StringComparison.Ordinal));
        Assert.DoesNotContain("@", status.Message, StringComparison.Ordinal);
        Assert.Equal("Un autre consultant, actif ou non, a déjà cette adresse e-mail.", status.FrenchMessage());
        Assert.Equal(info.Metadata["correlation_id"], status.GetDetail<RequestInfo>()!.RequestId);
        Assert.Equal(1L, await CountWithEmail(email));
    }

    [Fact]
    public async Task CreateConsultant_EmailOfAnInactiveConsultant_AlreadyExists()
    {
        var email = UniqueEmail("left");
        var left = await Consultants.CreateConsultantAsync(new CreateConsultantRequest { Consultant = new Consultant { DisplayName = "Parti", Email = email } });
        await Consultants.UpdateConsultantAsync(new UpdateConsultantRequest
        {
            Consultant = new Consultant { Name = left.Name, Active = false },
            UpdateMask = new FieldMask { Paths = { "active" } },
        });

        var status = await RpcFailure.Of(StatusCode.AlreadyExists, () => Consultants.CreateConsultantAsync(
            new CreateConsultantRequest { Consultant = new Consultant { DisplayName = "Revenu", Email = email } }));

        Assert.Equal("RESOURCE_ALREADY_EXISTS", status.ErrorInfo().Reason);
    }

    [Fact]
    public async Task CreateConsultant_DuplicateEmailWithRequestId_NothingRecordedSoARetryIsRefusedAlike()
    {
        var email = UniqueEmail("taken");
        await Consultants.CreateConsultantAsync(new CreateConsultantRequest { Consultant = new Consultant { DisplayName = "Premier", Email = email } });
        var request = new CreateConsultantRequest
        {
            Consultant = new Consultant { DisplayName = "Second", Email = email },
            RequestId = Guid.NewGuid().ToString(),
        };

        await RpcFailure.Of(StatusCode.AlreadyExists, () => Consultants.CreateConsultantAsync(request));
        await RpcFailure.Of(StatusCode.AlreadyExists, () => Consultants.CreateConsultantAsync(request));

        Assert.Equal(0L, await Server.Database.ScalarAsync<long>($"SELECT count(*) FROM request_log WHERE request_id = '{request.RequestId}'"));
    }

    [Fact]
    public async Task CreateConsultant_TenConcurrentWithTheSameEmail_ExactlyOneSucceeds()
    {
        var email = UniqueEmail("race");

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 10).Select(async i =>
        {
            try
            {
                await Consultants.CreateConsultantAsync(new CreateConsultantRequest
                {
                    Consultant = new Consultant { DisplayName = $"Concurrent {i}", Email = i % 2 == 0 ? email : email.ToUpperInvariant() },
                });
                return StatusCode.OK;
            }
            catch (RpcException exception)
            {
                return exception.StatusCode;
            }
        }));

        Assert.Equal(1, outcomes.Count(code => code == StatusCode.OK));
        Assert.Equal(9, outcomes.Count(code => code == StatusCode.AlreadyExists));
        Assert.Equal(1L, await CountWithEmail(email));
    }

    private Task<long> CountWithEmail(string email) =>
        Server.Database.ScalarAsync<long>($"SELECT count(*) FROM consultants WHERE lower(email) = '{email.ToLowerInvariant()}'");

    private static string UniqueEmail(string localPart) => $"{localPart}.{Guid.NewGuid():N}@example.org";
}
