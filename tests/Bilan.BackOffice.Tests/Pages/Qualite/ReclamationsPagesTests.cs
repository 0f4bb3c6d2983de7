using Bilan.BackOffice.Tests.TestSupport;
using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using DetailsPage = Bilan.BackOffice.Pages.Qualite.Reclamations.DetailsModel;
using IndexPage = Bilan.BackOffice.Pages.Qualite.Reclamations.IndexModel;
using NouvellePage = Bilan.BackOffice.Pages.Qualite.Reclamations.NouvelleModel;

namespace Bilan.BackOffice.Tests.Pages.Qualite;

public sealed class ReclamationsPagesTests
{
    private const string Id = "0193a3c4-0000-7000-8000-0000000000c1";

    private readonly QualityService.QualityServiceClient _quality = Substitute.For<QualityService.QualityServiceClient>();

    // 20/11/2026 in Paris: the complaint's acknowledgement (due 09/11) is late.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Index_Complaints_FrenchRowsWithLateDeadlineAndStatusFilter()
    {
        var answered = QualityCalls.Complaint(ComplaintStatus.Resolved, "0193a3c4-0000-7000-8000-0000000000c2");
        var response = new ListComplaintsResponse { Complaints = { QualityCalls.Complaint(), answered } };
        _quality.ListComplaintsAsync(Arg.Any<ListComplaintsRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(response));
        var page = new IndexPage(_quality, _clock, NullLogger<IndexPage>.Instance) { Statut = "COMPLAINT_STATUS_RECEIVED" };

        await page.OnGetAsync(CancellationToken.None);

        var row = page.Rows[0];
        Assert.Equal((Id, "02/11/2026", "bénéficiaire — Camille Martin", "reçue", "09/11/2026", "accusé de réception en retard"),
            (row.Id, row.Received, row.Complainant, row.Status, row.NextDeadline, row.Late));
        Assert.Equal(("traitée", "—", (string?)null), (page.Rows[1].Status, page.Rows[1].NextDeadline, page.Rows[1].Late));
        _ = _quality.Received(1).ListComplaintsAsync(Arg.Is<ListComplaintsRequest>(r => r.Filter == "status = COMPLAINT_STATUS_RECEIVED"),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Index_UnknownStatus_NoFilterAndApiErrorInFrench()
    {
        _quality.ListComplaintsAsync(Arg.Any<ListComplaintsRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<ListComplaintsResponse>(ApiCalls.Error(StatusCode.PermissionDenied, "Réservé aux administrateurs.")));
        var page = new IndexPage(_quality, _clock, NullLogger<IndexPage>.Instance) { Statut = "status = x OR 1" };

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal("Réservé aux administrateurs.", page.ErrorMessage);
        _ = _quality.Received(1).ListComplaintsAsync(Arg.Is<ListComplaintsRequest>(r => r.Filter == ""),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Nouvelle_Valid_CreatesWithRequestIdAndGoesToTheComplaint()
    {
        _quality.CreateComplaintAsync(Arg.Any<CreateComplaintRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(QualityCalls.Complaint()));
        var page = new NouvellePage(_quality, _clock, NullLogger<NouvellePage>.Instance);
        page.OnGet();
        page.Saisie.Canal = ComplaintChannel.Phone;
        page.Saisie.Auteur = Complainant.Employer;
        page.Saisie.Bilan = "0193a3c4-0000-7000-8000-0000000000b1";
        page.Saisie.Objet = " Convention non reçue ";
        page.Saisie.Description = "Relancé deux fois.";

        var result = await page.OnPostAsync(CancellationToken.None);

        var redirect = Assert.IsType<RedirectToPageResult>(result);
        Assert.Equal("/Qualite/Reclamations/Details", redirect.PageName);
        Assert.Equal(Id, redirect.RouteValues!["id"]);
        _ = _quality.Received(1).CreateComplaintAsync(
            Arg.Is<CreateComplaintRequest>(r =>
                r.Complaint.ReceivedDate.Equals(QualityCalls.Date(2026, 11, 20))
                && r.Complaint.Channel == ComplaintChannel.Phone
                && r.Complaint.Bilan == "bilans/0193a3c4-0000-7000-8000-0000000000b1"
                && r.Complaint.Subject == "Convention non reçue"
                && r.RequestId == page.RequestId),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Nouvelle_Refused_FieldMessagesOnTheirFieldsAndFormKept()
    {
        _quality.CreateComplaintAsync(Arg.Any<CreateComplaintRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<Complaint>(QualityCalls.Invalid(
                ("complaint.channel", "Le canal de réception est obligatoire."), ("complaint.subject", "L'objet est obligatoire."))));
        var page = new NouvellePage(_quality, _clock, NullLogger<NouvellePage>.Instance) { PageContext = new PageContext() };
        page.OnGet();
        page.Saisie.Description = "Texte saisi";

        var result = await page.OnPostAsync(CancellationToken.None);

        Assert.IsType<PageResult>(result);
        Assert.Equal("Le canal de réception est obligatoire.", page.ModelState["Saisie.Canal"]!.Errors.Single().ErrorMessage);
        Assert.Equal("L'objet est obligatoire.", page.ModelState["Saisie.Objet"]!.Errors.Single().ErrorMessage);
        Assert.Equal("Texte saisi", page.Saisie.Description);
    }

    [Fact]
    public async Task Details_Acknowledge_SendsEtagAndDateThenReloadsByGet()
    {
        var page = Details();
        page.Etag = "3";
        page.DateAccuse = new DateOnly(2026, 11, 3);
        _quality.AcknowledgeComplaintAsync(Arg.Any<AcknowledgeComplaintRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(QualityCalls.Complaint(ComplaintStatus.Acknowledged)));

        var result = await page.OnPostAccuserReceptionAsync(CancellationToken.None);

        Assert.IsType<RedirectToPageResult>(result);
        _ = _quality.Received(1).AcknowledgeComplaintAsync(
            Arg.Is<AcknowledgeComplaintRequest>(r => r.Name == $"complaints/{Id}" && r.Etag == "3" && r.AcknowledgeDate.Equals(QualityCalls.Date(2026, 11, 3))),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData(DetailsPage.Resolved, true)]
    [InlineData("rejetee", false)]
    public async Task Details_Answer_ResolvesOrRejectsAsDecided(string decision, bool resolves)
    {
        var page = Details();
        page.Decision = decision;
        page.Reponse = "Réponse envoyée.";
        page.ActionCorrective = "Procédure revue.";
        _quality.ResolveComplaintAsync(Arg.Any<ResolveComplaintRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(QualityCalls.Complaint(ComplaintStatus.Resolved)));
        _quality.RejectComplaintAsync(Arg.Any<RejectComplaintRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(QualityCalls.Complaint(ComplaintStatus.Rejected)));

        await page.OnPostRepondreAsync(CancellationToken.None);

        _ = _quality.Received(resolves ? 1 : 0).ResolveComplaintAsync(
            Arg.Is<ResolveComplaintRequest>(r => r.Answer == "Réponse envoyée." && r.CorrectiveAction == "Procédure revue."),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
        _ = _quality.Received(resolves ? 0 : 1).RejectComplaintAsync(
            Arg.Is<RejectComplaintRequest>(r => r.Answer == "Réponse envoyée."), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Details_StaleEtag_OffersReloadAndKeepsWhatWasTyped()
    {
        var page = Details();
        page.Etag = "2";
        page.Decision = DetailsPage.Resolved;
        page.Reponse = "Ma réponse";
        _quality.ResolveComplaintAsync(Arg.Any<ResolveComplaintRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<Complaint>(ApiCalls.Error(StatusCode.Aborted, null, "ETAG_MISMATCH")));
        _quality.GetComplaintAsync(Arg.Any<GetComplaintRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(QualityCalls.Complaint(ComplaintStatus.InProgress)));

        var result = await page.OnPostRepondreAsync(CancellationToken.None);

        Assert.IsType<PageResult>(result);
        Assert.True(page.Stale);
        Assert.Equal("2", page.Etag);
        Assert.Equal("Ma réponse", page.Reponse);
        Assert.Equal("Quelqu’un d’autre a modifié cet élément entre-temps : rechargez la page.", page.ModelState[string.Empty]!.Errors.Single().ErrorMessage);
    }

    [Fact]
    public async Task Details_IllegalMove_FrenchMessageOfTheApi()
    {
        var page = Details();
        _quality.StartComplaintHandlingAsync(Arg.Any<StartComplaintHandlingRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<Complaint>(ApiCalls.Error(StatusCode.FailedPrecondition,
                "Cette réclamation est « reçue » : elle ne peut pas passer à « en cours de traitement » avant l'accusé de réception.", "ILLEGAL_COMPLAINT_TRANSITION")));
        _quality.GetComplaintAsync(Arg.Any<GetComplaintRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(QualityCalls.Complaint()));

        await page.OnPostDemarrerAsync(CancellationToken.None);

        Assert.False(page.Stale);
        Assert.StartsWith("Cette réclamation est « reçue »", page.ModelState[string.Empty]!.Errors.Single().ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(ComplaintStatus.Received, page.Complaint!.Status);
    }

    [Fact]
    public async Task Details_Unknown_NotFound()
    {
        _quality.GetComplaintAsync(Arg.Any<GetComplaintRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<Complaint>(ApiCalls.Error(StatusCode.NotFound, "Cette réclamation n'existe pas.")));

        Assert.IsType<NotFoundResult>(await Details().OnGetAsync(CancellationToken.None));
    }

    private DetailsPage Details() =>
        new(_quality, NullLogger<DetailsPage>.Instance) { Id = Guid.Parse(Id), PageContext = new PageContext() };
}
