using Bilan.Contracts.V1;
using Bilan.Domain.Beneficiaries;
using Bilan.Server.Tests.TestSupport;
using Google.Rpc;
using Grpc.Core;

namespace Bilan.Server.Tests.Features.Organizations;

[Collection(ApiTests.Name)]
public sealed class CreateOrganizationTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    private OrganizationService.OrganizationServiceClient Organizations => new(Server.Channel);

    [Fact]
    public async Task CreateOrganization_Valid_ReturnsItWithNameTimesAndEtag()
    {
        var siret = OrganizationSamples.UniqueSiret();

        var created = await Organizations.CreateOrganizationAsync(new CreateOrganizationRequest
        {
            Organization = new Organization { DisplayName = "  Centre hospitalier de Valence ", Siret = $" {siret} " },
        });

        Assert.Matches("^organizations/[0-9a-f-]{36}$", created.Name);
        Assert.Equal(("Centre hospitalier de Valence", siret), (created.DisplayName, created.Siret));
        Assert.NotEmpty(created.Etag);
        Assert.NotNull(created.CreateTime);
        Assert.Equal(created.CreateTime, created.UpdateTime);
        Assert.Equal(created, await Organizations.GetOrganizationAsync(new GetOrganizationRequest { Name = created.Name }));
    }

    [Fact]
    public async Task CreateOrganization_NoSiret_CreatedWithoutOneAndTwoSuchMayExist()
    {
        var first = await Organizations.CreateOrganizationAsync(new CreateOrganizationRequest { Organization = new Organization { DisplayName = "Sans SIRET" } });
        var second = await Organizations.CreateOrganizationAsync(new CreateOrganizationRequest { Organization = new Organization { DisplayName = "Sans SIRET" } });

        Assert.Equal("", first.Siret);
        Assert.NotEqual(first.Name, second.Name);
        Assert.Equal(0L, await Server.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM organizations WHERE id IN ('{first.Name[14..]}', '{second.Name[14..]}') AND siret IS NOT NULL"));
    }

    [Fact]
    public async Task CreateOrganization_EveryFieldBad_InvalidArgumentNamingEveryOne()
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Organizations.CreateOrganizationAsync(new CreateOrganizationRequest
        {
            Organization = new Organization { DisplayName = new string('x', 201), Siret = "73282932000075" },
        }));

        Assert.Equal(["organization.display_name", "organization.siret"], status.BadFields());
        Assert.Equal("INVALID_FIELDS", status.ErrorInfo().Reason);
        Assert.Equal("2 champs sont invalides : corrigez-les puis réessayez.", status.FrenchMessage());
        var violations = status.GetDetail<BadRequest>()!.FieldViolations;
        Assert.Equal(["TOO_LONG", "INVALID_FORMAT"], violations.Select(v => v.Reason));
        Assert.All(violations, v => Assert.Equal("fr-FR", v.LocalizedMessage.Locale));
    }

    [Theory]
    [InlineData("7328293200007")]
    [InlineData("732 829 320 00074")]
    [InlineData("7328293200007A")]
    [InlineData("44306184100074")]
    public async Task CreateOrganization_BadSiret_InvalidArgumentOnSiretAndNothingWritten(string siret)
    {
        var displayName = $"Mauvais SIRET {Guid.NewGuid():N}";

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Organizations.CreateOrganizationAsync(new CreateOrganizationRequest
        {
            Organization = new Organization { DisplayName = displayName, Siret = siret },
        }));

        Assert.Equal(["organization.siret"], status.BadFields());
        Assert.Equal("Le numéro SIRET n'est pas valide : 14 chiffres avec une clé de contrôle correcte.",
            status.GetDetail<BadRequest>()!.FieldViolations[0].LocalizedMessage.Message);
        Assert.Equal(0L, await Server.Database.ScalarAsync<long>($"SELECT count(*) FROM organizations WHERE display_name = '{displayName}'"));
    }

    [Fact]
    public async Task CreateOrganization_EmptyOrganization_DisplayNameRequired()
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Organizations.CreateOrganizationAsync(
            new CreateOrganizationRequest { Organization = new Organization { DisplayName = "   " } }));

        Assert.Equal(["organization.display_name"], status.BadFields());
        Assert.Equal("REQUIRED", status.GetDetail<BadRequest>()!.FieldViolations[0].Reason);
    }

    [Fact]
    public async Task CreateOrganization_NoOrganization_InvalidArgument()
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Organizations.CreateOrganizationAsync(new CreateOrganizationRequest()));

        Assert.Equal(["organization"], status.BadFields());
    }

    [Fact]
    public async Task CreateOrganization_SiretOfAnother_AlreadyExistsWithoutTheSiretAndOneRow()
    {
        var siret = OrganizationSamples.UniqueSiret();
        await Organizations.CreateOrganizationAsync(new CreateOrganizationRequest { Organization = new Organization { DisplayName = "Premier", Siret = siret } });

        var status = await RpcFailure.Of(StatusCode.AlreadyExists, () => Organizations.CreateOrganizationAsync(new CreateOrganizationRequest
        {
            Organization = new Organization { DisplayName = "Second", Siret = siret },
        }));

        var info = status.ErrorInfo();
        Assert.Equal(("RESOURCE_ALREADY_EXISTS", "bilan.v1"), (info.Reason, info.Domain));
        Assert.Equal("organization.siret", info.Metadata["field"]);
        Assert.Equal("organizations", info.Metadata["resource_type"]);
        Assert.DoesNotContain(info.Metadata.Values, value => value.Contains(siret, StringComparison.Ordinal));
        Assert.DoesNotContain(siret, status.Message, StringComparison.Ordinal);
        Assert.Equal("Une autre organisation a déjà ce numéro SIRET.", status.FrenchMessage());
        Assert.Equal(1L, await OrganizationSamples.CountWithSiretAsync(Server, siret));
    }

    [Fact]
    public async Task CreateOrganization_TenConcurrentWithTheSameSiret_ExactlyOneSucceeds()
    {
        var siret = OrganizationSamples.UniqueSiret();

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 10).Select(async i =>
        {
            try
            {
                await Organizations.CreateOrganizationAsync(new CreateOrganizationRequest
                {
                    Organization = new Organization { DisplayName = $"Concurrente {i}", Siret = siret },
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
        Assert.Equal(1L, await OrganizationSamples.CountWithSiretAsync(Server, siret));
    }

    [Fact]
    public async Task CreateOrganization_SameRequestIdTwice_SameAnswerAndOneRow()
    {
        var siret = OrganizationSamples.UniqueSiret();
        var request = new CreateOrganizationRequest
        {
            Organization = new Organization { DisplayName = "Mécanique de l'Ouest SAS", Siret = siret },
            RequestId = Guid.NewGuid().ToString(),
        };

        var first = await Organizations.CreateOrganizationAsync(request);
        Server.Clock.Advance(TimeSpan.FromMinutes(5));
        var retry = await Organizations.CreateOrganizationAsync(request);

        Assert.Equal(first, retry);
        Assert.Equal(1L, await OrganizationSamples.CountWithSiretAsync(Server, siret));
    }

    [Fact]
    public async Task CreateOrganization_RequestIdReusedForAnotherRequest_InvalidArgumentAndNothingWritten()
    {
        var requestId = Guid.NewGuid().ToString();
        await Organizations.CreateOrganizationAsync(new CreateOrganizationRequest
        {
            Organization = new Organization { DisplayName = "Première", Siret = OrganizationSamples.UniqueSiret() },
            RequestId = requestId,
        });
        var otherSiret = OrganizationSamples.UniqueSiret();

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Organizations.CreateOrganizationAsync(new CreateOrganizationRequest
        {
            Organization = new Organization { DisplayName = "Autre", Siret = otherSiret },
            RequestId = requestId,
        }));

        Assert.Equal(["request_id"], status.BadFields());
        Assert.Equal("REQUEST_ID_REUSED", status.GetDetail<BadRequest>()!.FieldViolations[0].Reason);
        Assert.Equal(0L, await OrganizationSamples.CountWithSiretAsync(Server, otherSiret));
    }

    [Fact]
    public async Task CreateOrganization_DuplicateSiretWithRequestId_NothingRecordedSoARetryIsRefusedAlike()
    {
        var siret = OrganizationSamples.UniqueSiret();
        await Organizations.CreateOrganizationAsync(new CreateOrganizationRequest { Organization = new Organization { DisplayName = "Premier", Siret = siret } });
        var request = new CreateOrganizationRequest
        {
            Organization = new Organization { DisplayName = "Second", Siret = siret },
            RequestId = Guid.NewGuid().ToString(),
        };

        await RpcFailure.Of(StatusCode.AlreadyExists, () => Organizations.CreateOrganizationAsync(request));
        await RpcFailure.Of(StatusCode.AlreadyExists, () => Organizations.CreateOrganizationAsync(request));

        Assert.Equal(0L, await Server.Database.ScalarAsync<long>($"SELECT count(*) FROM request_log WHERE request_id = '{request.RequestId}'"));
    }
}

/// <summary>Data the organization tests share: SIRETs no other test uses, organizations and keys to work on.</summary>
internal static class OrganizationSamples
{
    /// <summary>A valid SIRET (Luhn key right) that no other test uses, outside La Poste's SIREN and the demo hospital's.</summary>
    public static string UniqueSiret()
    {
        while (true)
        {
            var body = string.Concat(Enumerable.Range(0, 13).Select(_ => (char)('0' + Random.Shared.Next(10))));
            var siret = Enumerable.Range(0, 10).Select(key => body + (char)('0' + key)).First(Siret.IsValid);
            if (!siret.StartsWith("356000000", StringComparison.Ordinal) && siret != Requests.HospitalSiret)
            {
                return siret;
            }
        }
    }

    public static Task<long> CountWithSiretAsync(ApiServer server, string siret) =>
        server.Database.ScalarAsync<long>($"SELECT count(*) FROM organizations WHERE siret = '{siret}'");

    public static async Task<Organization> NewOrganizationAsync(this ApiServer server, string displayName = "Centre hospitalier de Valence") =>
        await new OrganizationService.OrganizationServiceClient(server.Channel).CreateOrganizationAsync(new CreateOrganizationRequest
        {
            Organization = new Organization { DisplayName = displayName, Siret = UniqueSiret() },
        });

    public static async Task<CreateApiKeyResponse> NewApiKeyAsync(this ApiServer server, string organizationName, string displayName = "SIRH Valence") =>
        await new OrganizationService.OrganizationServiceClient(server.Channel).CreateApiKeyAsync(new CreateApiKeyRequest
        {
            Parent = organizationName,
            ApiKey = new ApiKey { DisplayName = displayName },
        });
}
