using Bilan.BackOffice.Pages.Administration;
using Bilan.BackOffice.Pages.Administration.Organisations;
using Bilan.BackOffice.Tests.TestSupport;
using Bilan.Contracts.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using IndexModel = Bilan.BackOffice.Pages.Administration.Organisations.IndexModel;

namespace Bilan.BackOffice.Tests.Pages.Administration;

public sealed class OrganisationsPagesTests
{
    private const string OrgId = "0193a3c4-0000-7000-8000-0000000000bb";
    private const string KeyId = "0193a3c4-0000-7000-8000-0000000000cc";
    private const string Secret = "bk_Xy3fQ9aSECRET-secret-secret";

    private static Organization Valence() => new()
    {
        Name = $"organizations/{OrgId}",
        DisplayName = "Centre hospitalier de Valence",
        Siret = "26070017400012",
        Etag = "W/\"2\"",
    };

    private static ApiKey Key(bool revoked = false) => new()
    {
        Name = $"organizations/{OrgId}/apiKeys/{KeyId}",
        DisplayName = "SIRH Valence - production",
        KeyPrefix = "bk_Xy3fQ9a",
        CreateTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero)),
        RevokeTime = revoked ? Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero)) : null,
        Etag = "W/\"1\"",
    };

    private static OrganizationService.OrganizationServiceClient Client(params ApiKey[] keys)
    {
        var client = Substitute.For<OrganizationService.OrganizationServiceClient>();
        var list = new ListOrganizationsResponse();
        list.Organizations.Add(Valence());
        list.Organizations.Add(new Organization { Name = "organizations/o2", DisplayName = "Sans SIRET" });
        client.ListOrganizationsAsync(Arg.Any<ListOrganizationsRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(list));
        client.GetOrganizationAsync(Arg.Any<GetOrganizationRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(Valence()));
        var keyList = new ListApiKeysResponse();
        keyList.ApiKeys.AddRange(keys);
        client.ListApiKeysAsync(Arg.Any<ListApiKeysRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(keyList));
        return client;
    }

    [Fact]
    public async Task Index_Organisations_ShowsSiretOrDash()
    {
        var page = AdminPages.WithContext(new IndexModel(Client(), NullLogger<IndexModel>.Instance));

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal(["26070017400012", "—"], page.Rows.Select(row => row.Siret));
        Assert.Equal(OrgId, page.Rows[0].Id);
    }

    [Fact]
    public async Task Create_Accepted_RemovesSpacesFromSiretAndGoesToKeys()
    {
        var client = Client();
        client.CreateOrganizationAsync(Arg.Any<CreateOrganizationRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(Valence()));
        var page = AdminPages.WithContext(new NouvelleModel(client, NullLogger<NouvelleModel>.Instance)
        {
            Saisie = new OrganizationInput { NomAffiche = "Centre hospitalier de Valence", Siret = "260 700 174 00012" },
        });

        var result = await page.OnPostAsync(CancellationToken.None);

        var redirect = Assert.IsType<RedirectToPageResult>(result);
        Assert.Equal("/Administration/Organisations/Cles", redirect.PageName);
        Assert.Equal(OrgId, redirect.RouteValues?["id"]);
        Assert.Equal("L’organisation Centre hospitalier de Valence est créée.", page.Confirmation);
        _ = client.Received(1).CreateOrganizationAsync(
            Arg.Is<CreateOrganizationRequest>(r => r.Organization.Siret == "26070017400012" && AdminPages.IsUuid(r.RequestId)),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Create_BadSiret_ShowsMessageNextToFieldAndKeepsInput()
    {
        var client = Client();
        client.CreateOrganizationAsync(Arg.Any<CreateOrganizationRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<Organization>(AdminPages.Invalid("organization.siret", "Le SIRET doit compter 14 chiffres.")));
        var page = AdminPages.WithContext(new NouvelleModel(client, NullLogger<NouvelleModel>.Instance)
        {
            Saisie = new OrganizationInput { NomAffiche = "Valence", Siret = "123" },
        });

        var result = await page.OnPostAsync(CancellationToken.None);

        Assert.IsType<PageResult>(result);
        Assert.Equal(["Le SIRET doit compter 14 chiffres."], AdminPages.Errors(page, "Saisie.Siret"));
        Assert.Equal("123", page.Saisie.Siret);
    }

    [Fact]
    public async Task Edit_EmptySiret_IsSentWithMaskSoThatItIsRemoved()
    {
        var client = Client();
        client.UpdateOrganizationAsync(Arg.Any<UpdateOrganizationRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(Valence()));
        var page = AdminPages.WithContext(new ModifierModel(client, NullLogger<ModifierModel>.Instance)
        {
            Id = OrgId,
            Saisie = new OrganizationInput { NomAffiche = "Centre hospitalier de Valence", Siret = null, Etag = "W/\"2\"" },
        });

        var result = await page.OnPostAsync(CancellationToken.None);

        Assert.IsType<RedirectToPageResult>(result);
        _ = client.Received(1).UpdateOrganizationAsync(
            Arg.Is<UpdateOrganizationRequest>(r => r.Organization.Siret == string.Empty && r.Organization.Etag == "W/\"2\""
                && r.UpdateMask.Paths.Contains("siret") && r.UpdateMask.Paths.Contains("display_name")),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Edit_Stale_OffersReload()
    {
        var client = Client();
        client.UpdateOrganizationAsync(Arg.Any<UpdateOrganizationRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<Organization>(AdminPages.Stale()));
        var page = AdminPages.WithContext(new ModifierModel(client, NullLogger<ModifierModel>.Instance)
        {
            Id = OrgId,
            Saisie = new OrganizationInput { NomAffiche = "Nouveau nom", Etag = "W/\"1\"" },
        });

        await page.OnPostAsync(CancellationToken.None);

        Assert.True(page.IsStale);
        Assert.Equal("Nouveau nom", page.Saisie.NomAffiche);
    }

    [Fact]
    public async Task Edit_Get_FillsForm()
    {
        var page = AdminPages.WithContext(new ModifierModel(Client(), NullLogger<ModifierModel>.Instance) { Id = OrgId });

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal(("Centre hospitalier de Valence", "26070017400012", "W/\"2\""), (page.Saisie.NomAffiche, page.Saisie.Siret, page.Saisie.Etag));
    }

    [Fact]
    public async Task Keys_ListsKeysWithoutSecretsAndFrenchStates()
    {
        var page = AdminPages.WithContext(new ClesModel(Client(Key(), Key(revoked: true)), NullLogger<ClesModel>.Instance) { Id = OrgId });

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal("Centre hospitalier de Valence", page.Organisation?.DisplayName);
        Assert.Collection(
            page.Rows,
            row => Assert.Equal(("active", false, "jamais", "27/11/2026 09:00:00"), (row.Revoked, row.IsRevoked, row.LastUsed, row.Created)),
            row => Assert.Equal(("révoquée le 28/11/2026 09:00:00", true), (row.Revoked, row.IsRevoked)));
    }

    [Fact]
    public async Task Keys_UnknownOrganisation_ShowsNotFound()
    {
        var client = Client();
        client.GetOrganizationAsync(Arg.Any<GetOrganizationRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<Organization>(new RpcException(new Status(StatusCode.NotFound, "no"))));
        var page = AdminPages.WithContext(new ClesModel(client, NullLogger<ClesModel>.Instance) { Id = "zz" });

        await page.OnGetAsync(CancellationToken.None);

        Assert.Null(page.Organisation);
        Assert.Equal("L’élément demandé est introuvable : il a peut-être été supprimé.", page.ErrorMessage);
    }

    [Fact]
    public async Task NewKey_Accepted_ShowsSecretInThisAnswerOnlyNeverCachedNorInTempData()
    {
        var client = Client();
        client.CreateApiKeyAsync(Arg.Any<CreateApiKeyRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new CreateApiKeyResponse { ApiKey = Key(), Secret = Secret }));
        var page = AdminPages.WithContext(new NouvelleCleModel(client, NullLogger<NouvelleCleModel>.Instance)
        {
            Id = OrgId,
            NomAffiche = " SIRH Valence - production ",
            RequestId = "req-7",
        });

        var result = await page.OnPostAsync(CancellationToken.None);

        Assert.IsType<PageResult>(result);
        Assert.Equal(Secret, page.Secret);
        Assert.Equal("SIRH Valence - production", page.CleCreee?.DisplayName);
        Assert.Null(page.Confirmation);
        Assert.Equal("no-store", page.Response.Headers.CacheControl.ToString());
        _ = client.Received(1).CreateApiKeyAsync(
            Arg.Is<CreateApiKeyRequest>(r => r.Parent == $"organizations/{OrgId}" && r.ApiKey.DisplayName == "SIRH Valence - production" && r.RequestId == "req-7"),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task NewKey_SameFormSentAgain_ShowsKeyWithoutSecret()
    {
        var client = Client();
        client.CreateApiKeyAsync(Arg.Any<CreateApiKeyRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new CreateApiKeyResponse { ApiKey = Key() }));
        var page = AdminPages.WithContext(new NouvelleCleModel(client, NullLogger<NouvelleCleModel>.Instance) { Id = OrgId, NomAffiche = "SIRH", RequestId = "req-7" });

        await page.OnPostAsync(CancellationToken.None);

        Assert.NotNull(page.CleCreee);
        Assert.True(string.IsNullOrEmpty(page.Secret));
    }

    [Fact]
    public async Task NewKey_BadName_ShowsMessageNextToFieldAndNoKey()
    {
        var client = Client();
        client.CreateApiKeyAsync(Arg.Any<CreateApiKeyRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<CreateApiKeyResponse>(AdminPages.Invalid("api_key.display_name", "Le nom de la clé est trop long.")));
        var page = AdminPages.WithContext(new NouvelleCleModel(client, NullLogger<NouvelleCleModel>.Instance) { Id = OrgId, NomAffiche = new string('x', 300) });

        await page.OnPostAsync(CancellationToken.None);

        Assert.Null(page.CleCreee);
        Assert.Null(page.Secret);
        Assert.Equal(["Le nom de la clé est trop long."], AdminPages.Errors(page, nameof(NouvelleCleModel.NomAffiche)));
    }

    [Fact]
    public async Task RevokeKey_Get_FindsKeyAndEtag()
    {
        var page = AdminPages.WithContext(new RevoquerCleModel(Client(Key()), NullLogger<RevoquerCleModel>.Instance) { Id = OrgId, Cle = KeyId });

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal("SIRH Valence - production", page.Key?.DisplayName);
        Assert.Equal("W/\"1\"", page.Etag);
    }

    [Fact]
    public async Task RevokeKey_Get_UnknownKey_ShowsNotFound()
    {
        var page = AdminPages.WithContext(new RevoquerCleModel(Client(Key()), NullLogger<RevoquerCleModel>.Instance) { Id = OrgId, Cle = "autre" });

        await page.OnGetAsync(CancellationToken.None);

        Assert.Null(page.Key);
        Assert.Equal("L’élément demandé est introuvable : il a peut-être été supprimé.", page.ErrorMessage);
    }

    [Fact]
    public async Task RevokeKey_Confirmed_RevokesWithEtagAndGoesBackToKeys()
    {
        var client = Client(Key());
        client.RevokeApiKeyAsync(Arg.Any<RevokeApiKeyRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(Key(revoked: true)));
        var page = AdminPages.WithContext(new RevoquerCleModel(client, NullLogger<RevoquerCleModel>.Instance) { Id = OrgId, Cle = KeyId, Etag = "W/\"1\"" });

        var result = await page.OnPostAsync(CancellationToken.None);

        var redirect = Assert.IsType<RedirectToPageResult>(result);
        Assert.Equal("/Administration/Organisations/Cles", redirect.PageName);
        Assert.StartsWith("La clé « SIRH Valence - production » est révoquée", page.Confirmation, StringComparison.Ordinal);
        _ = client.Received(1).RevokeApiKeyAsync(
            Arg.Is<RevokeApiKeyRequest>(r => r.Name == $"organizations/{OrgId}/apiKeys/{KeyId}" && r.Etag == "W/\"1\""),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task RevokeKey_Stale_OffersReload()
    {
        var client = Client(Key());
        client.RevokeApiKeyAsync(Arg.Any<RevokeApiKeyRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<ApiKey>(AdminPages.Stale()));
        var page = AdminPages.WithContext(new RevoquerCleModel(client, NullLogger<RevoquerCleModel>.Instance) { Id = OrgId, Cle = KeyId, Etag = "W/\"0\"" });

        var result = await page.OnPostAsync(CancellationToken.None);

        Assert.IsType<PageResult>(result);
        Assert.True(page.IsStale);
        Assert.Equal(AdministrationPageModel.StaleMessage, page.ErrorMessage);
        Assert.NotNull(page.Key);
    }
}
