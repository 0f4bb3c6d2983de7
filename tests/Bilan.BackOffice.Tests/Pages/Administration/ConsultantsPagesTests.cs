using Bilan.BackOffice.Pages.Administration;
using Bilan.BackOffice.Pages.Administration.Consultants;
using Bilan.BackOffice.Tests.TestSupport;
using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using IndexModel = Bilan.BackOffice.Pages.Administration.Consultants.IndexModel;

namespace Bilan.BackOffice.Tests.Pages.Administration;

public sealed class ConsultantsPagesTests
{
    private static readonly string[] AllConsultantFields = ["display_name", "email", "active"];

    private static Consultant Claire(bool active = true) => new()
    {
        Name = "consultants/c1",
        DisplayName = "Claire Dupont",
        Email = "claire@example.fr",
        Active = active,
        Etag = "W/\"4\"",
    };

    private static ConsultantService.ConsultantServiceClient Client()
    {
        var client = Substitute.For<ConsultantService.ConsultantServiceClient>();
        var list = new ListConsultantsResponse { NextPageToken = "suite" };
        list.Consultants.Add(Claire());
        list.Consultants.Add(Claire(active: false));
        client.ListConsultantsAsync(Arg.Any<ListConsultantsRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(list));
        client.GetConsultantAsync(Arg.Any<GetConsultantRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(Claire()));
        return client;
    }

    [Fact]
    public async Task Index_Consultants_ShowsStatesAndNextPage()
    {
        var page = AdminPages.WithContext(new IndexModel(Client(), NullLogger<IndexModel>.Instance));

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal(["actif", "inactif"], page.Rows.Select(row => row.State));
        Assert.Equal("c1", page.Rows[0].Id);
        Assert.Equal("suite", page.NextPageToken);
    }

    [Fact]
    public async Task Index_Refused_ShowsFrenchMessage()
    {
        var client = Substitute.For<ConsultantService.ConsultantServiceClient>();
        client.ListConsultantsAsync(Arg.Any<ListConsultantsRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<ListConsultantsResponse>(new RpcException(new Status(StatusCode.PermissionDenied, "no"))));
        var page = AdminPages.WithContext(new IndexModel(client, NullLogger<IndexModel>.Instance));

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal("Vous n’avez pas les droits nécessaires pour cette action.", page.ErrorMessage);
    }

    [Fact]
    public async Task Create_Accepted_SendsTrimmedFieldsAndRedirects()
    {
        var client = Client();
        client.CreateConsultantAsync(Arg.Any<CreateConsultantRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(Claire()));
        var page = AdminPages.WithContext(new NouveauModel(client, NullLogger<NouveauModel>.Instance)
        {
            Saisie = new ConsultantInput { NomAffiche = " Claire Dupont ", Email = "claire@example.fr", RequestId = "req-1" },
        });

        var result = await page.OnPostAsync(CancellationToken.None);

        Assert.Equal("/Administration/Consultants/Index", Assert.IsType<RedirectToPageResult>(result).PageName);
        Assert.Equal("Le consultant Claire Dupont est créé.", page.Confirmation);
        _ = client.Received(1).CreateConsultantAsync(
            Arg.Is<CreateConsultantRequest>(r => r.Consultant.DisplayName == "Claire Dupont" && r.RequestId == "req-1"),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Create_BadEmail_ShowsMessageNextToFieldAndKeepsInput()
    {
        var client = Client();
        client.CreateConsultantAsync(Arg.Any<CreateConsultantRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<Consultant>(AdminPages.Invalid("consultant.email", "L'adresse e-mail n'est pas valide.")));
        var page = AdminPages.WithContext(new NouveauModel(client, NullLogger<NouveauModel>.Instance)
        {
            Saisie = new ConsultantInput { NomAffiche = "Claire Dupont", Email = "claire-at-example" },
        });

        var result = await page.OnPostAsync(CancellationToken.None);

        Assert.IsType<PageResult>(result);
        Assert.Equal(["L'adresse e-mail n'est pas valide."], AdminPages.Errors(page, "Saisie.Email"));
        Assert.Equal("claire-at-example", page.Saisie.Email);
    }

    [Fact]
    public async Task Edit_Get_FillsFormWithEtag()
    {
        var page = AdminPages.WithContext(new ModifierModel(Client(), NullLogger<ModifierModel>.Instance) { Id = "c1" });

        await page.OnGetAsync(CancellationToken.None);

        Assert.True(page.Found);
        Assert.Equal(("Claire Dupont", "claire@example.fr", true, "W/\"4\""), (page.Saisie.NomAffiche, page.Saisie.Email, page.Saisie.Actif, page.Saisie.Etag));
    }

    [Fact]
    public async Task Edit_Get_Unknown_ShowsNotFound()
    {
        var client = Client();
        client.GetConsultantAsync(Arg.Any<GetConsultantRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<Consultant>(new RpcException(new Status(StatusCode.NotFound, "no"))));
        var page = AdminPages.WithContext(new ModifierModel(client, NullLogger<ModifierModel>.Instance) { Id = "zz" });

        await page.OnGetAsync(CancellationToken.None);

        Assert.False(page.Found);
        Assert.Equal("L’élément demandé est introuvable : il a peut-être été supprimé.", page.ErrorMessage);
    }

    [Fact]
    public async Task Edit_MakeInactive_SendsMaskWithActiveAndEtag()
    {
        var client = Client();
        client.UpdateConsultantAsync(Arg.Any<UpdateConsultantRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(Claire(active: false)));
        var page = AdminPages.WithContext(new ModifierModel(client, NullLogger<ModifierModel>.Instance)
        {
            Id = "c1",
            Saisie = new ConsultantInput { NomAffiche = "Claire Dupont", Email = "claire@example.fr", Actif = false, Etag = "W/\"4\"" },
        });

        var result = await page.OnPostAsync(CancellationToken.None);

        Assert.IsType<RedirectToPageResult>(result);
        _ = client.Received(1).UpdateConsultantAsync(
            Arg.Is<UpdateConsultantRequest>(r => r.Consultant.Name == "consultants/c1" && !r.Consultant.Active && r.Consultant.Etag == "W/\"4\""
                && r.UpdateMask.Paths.SequenceEqual(AllConsultantFields)),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Edit_Stale_SaysSomeoneElseChangedItAndKeepsInput()
    {
        var client = Client();
        client.UpdateConsultantAsync(Arg.Any<UpdateConsultantRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<Consultant>(AdminPages.Stale()));
        var page = AdminPages.WithContext(new ModifierModel(client, NullLogger<ModifierModel>.Instance)
        {
            Id = "c1",
            Saisie = new ConsultantInput { NomAffiche = "Claire Dupont-Martin", Email = "claire@example.fr", Etag = "W/\"3\"" },
        });

        var result = await page.OnPostAsync(CancellationToken.None);

        Assert.IsType<PageResult>(result);
        Assert.True(page.IsStale);
        Assert.Equal(AdministrationPageModel.StaleMessage, page.ErrorMessage);
        Assert.Equal("Claire Dupont-Martin", page.Saisie.NomAffiche);
    }
}
