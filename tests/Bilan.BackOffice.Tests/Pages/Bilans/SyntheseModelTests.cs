using Bilan.BackOffice.Pages.Bilans;
using Bilan.BackOffice.Security;
using Bilan.BackOffice.Tests.TestSupport;
using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using static Bilan.BackOffice.Tests.Pages.Bilans.ConfidentialPagesFakes;

namespace Bilan.BackOffice.Tests.Pages.Bilans;

public sealed class SyntheseModelTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 14, 4, 0, TimeSpan.Zero);

    private readonly ConfidentialPagesFakes _api = new();

    private readonly RecordingLogger<SyntheseModel> _logger = new();

    [Fact]
    public async Task OnGetAsync_Draft_FillsEditorWithSectionsAndEtagAndOffersDelivery()
    {
        _api.SynthesisIs(Written());
        var page = Create(SessionClaims.ConsultantRole);

        await page.OnGetAsync(CancellationToken.None);

        Assert.Null(page.Refusal);
        Assert.Equal($"Circonstances {Secret}", page.Saisie.Circonstances);
        Assert.Equal("W/\"5\"", page.Saisie.Etag);
        Assert.False(page.Saisie.Revision);
        Assert.True(page.Editable);
        Assert.True(page.Deliverable);
        Assert.Equal("W/\"5\"", page.Remise.Etag);
        Assert.Equal(new DateTime(2026, 11, 27, 15, 4, 0), page.Remise.DateHeure);
        Assert.Equal("no-store", page.Response.Headers.CacheControl.ToString());
    }

    [Fact]
    public async Task OnGetAsync_Support_ShowsApiRefusalAndNoContent()
    {
        _api.SynthesisFails(SignedInPages.ConfidentialRefused());
        var page = Create(SessionClaims.SupportRole);

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal(SignedInPages.SupportRefusal, page.Refusal);
        Assert.False(page.Readable);
        Assert.False(page.Editable);
        Assert.Null(page.Saisie.Circonstances);
    }

    [Fact]
    public async Task OnGetAsync_NoSynthesisYetInConclusion_OffersAnEmptyEditor()
    {
        _api.SynthesisFails(new RpcException(new Status(StatusCode.NotFound, "none")));
        var page = Create(SessionClaims.ConsultantRole);

        await page.OnGetAsync(CancellationToken.None);

        Assert.Null(page.Current);
        Assert.Null(page.Refusal);
        Assert.True(page.Editable);
        Assert.False(page.Deliverable);
    }

    [Fact]
    public async Task OnPostEnregistrerAsync_Draft_UpdatesAllSectionsWithEtagAndRedirectsWithoutContent()
    {
        _api.Syntheses.UpdateSynthesisAsync(Arg.Any<UpdateSynthesisRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new Synthesis()));
        var page = Create(SessionClaims.ConsultantRole);
        page.Saisie = Typed(revision: false);

        var result = await page.OnPostEnregistrerAsync(CancellationToken.None);

        var redirect = Assert.IsType<RedirectToPageResult>(result);
        Assert.Equal("enregistree", redirect.RouteValues!["statut"]);
        Assert.DoesNotContain(redirect.RouteValues.Values, value => value?.ToString()?.Contains(Secret, StringComparison.Ordinal) == true);
        _ = _api.Syntheses.Received(1).UpdateSynthesisAsync(
            Arg.Is<UpdateSynthesisRequest>(request =>
                request.Synthesis.Name == $"bilans/{BilanId}/synthesis"
                && request.Synthesis.Etag == "W/\"5\""
                && request.Synthesis.ProjectAndSteps == $"Projet revu {Secret}"
                && request.UpdateMask.Paths.Count == 4
                && request.RequestId == "4e7b5bed-0000-4000-8000-000000000001"),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task OnPostEnregistrerAsync_Delivered_RevisesIntoNewVersion()
    {
        _api.Syntheses.ReviseSynthesisAsync(Arg.Any<ReviseSynthesisRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new Synthesis()));
        var page = Create(SessionClaims.ConsultantRole);
        page.Saisie = Typed(revision: true);

        var result = await page.OnPostEnregistrerAsync(CancellationToken.None);

        Assert.Equal("revisee", Assert.IsType<RedirectToPageResult>(result).RouteValues!["statut"]);
        _ = _api.Syntheses.Received(1).ReviseSynthesisAsync(
            Arg.Is<ReviseSynthesisRequest>(request => request.Etag == "W/\"5\"" && request.Circumstances == $"Circonstances revues {Secret}"),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
        _ = _api.Syntheses.DidNotReceiveWithAnyArgs().UpdateSynthesisAsync(default!, default(Metadata), default, default);
    }

    [Fact]
    public async Task OnPostEnregistrerAsync_StaleEtag_OffersReloadKeepsTypedTextAndLogsNoContent()
    {
        _api.SynthesisIs(Written(version: 2));
        _api.Syntheses.UpdateSynthesisAsync(Arg.Any<UpdateSynthesisRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<Synthesis>(SignedInPages.Stale()));
        var page = Create(SessionClaims.ConsultantRole);
        page.Saisie = Typed(revision: false);

        var result = await page.OnPostEnregistrerAsync(CancellationToken.None);

        Assert.IsType<PageResult>(result);
        Assert.True(page.Conflict);
        Assert.Equal($"Circonstances revues {Secret}", page.Saisie.Circonstances);
        Assert.Equal("W/\"5\"", page.Saisie.Etag);
        Assert.Equal(2, page.Current?.Version);
        Assert.NotEmpty(_logger.Messages);
        Assert.DoesNotContain(_logger.Messages, message => message.Contains(Secret, StringComparison.Ordinal));
        Assert.DoesNotContain(
            page.ModelState.Values.SelectMany(entry => entry.Errors),
            error => error.ErrorMessage.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OnPostEnregistrerAsync_SectionTooLong_PutsFrenchMessageOnItsSection()
    {
        _api.SynthesisIs(Written());
        _api.Syntheses.UpdateSynthesisAsync(Arg.Any<UpdateSynthesisRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<Synthesis>(SignedInPages.Invalid(("synthesis.skills_and_options", "La section compétences et pistes ne doit pas dépasser 20 000 caractères."))));
        var page = Create(SessionClaims.ConsultantRole);
        page.Saisie = Typed(revision: false);

        await page.OnPostEnregistrerAsync(CancellationToken.None);

        Assert.Equal(
            ["La section compétences et pistes ne doit pas dépasser 20 000 caractères."],
            SignedInPages.ErrorsOf(page.ModelState, "Saisie.CompetencesEtPistes"));
    }

    [Fact]
    public async Task OnPostRemettreAsync_SendsParisTimeAsInstantWithMethodAndEtag()
    {
        _api.Syntheses.DeliverSynthesisAsync(Arg.Any<DeliverSynthesisRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new Synthesis()));
        var page = Create(SessionClaims.ConsultantRole);
        page.Remise = new DeliveryInput { DateHeure = new DateTime(2026, 11, 27, 10, 30, 0), Mode = DeliveryMethod.InPerson, Etag = "W/\"5\"" };

        var result = await page.OnPostRemettreAsync(CancellationToken.None);

        Assert.Equal("remise", Assert.IsType<RedirectToPageResult>(result).RouteValues!["statut"]);
        _ = _api.Syntheses.Received(1).DeliverSynthesisAsync(
            Arg.Is<DeliverSynthesisRequest>(request =>
                request.DeliverTime.ToDateTimeOffset() == new DateTimeOffset(2026, 11, 27, 9, 30, 0, TimeSpan.Zero)
                && request.DeliveryMethod == DeliveryMethod.InPerson
                && request.Etag == "W/\"5\""),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task OnPostRemettreAsync_Incomplete_ShowsApiFrenchMessage()
    {
        const string Incomplete = "La synthèse ne peut pas être remise : des sections obligatoires sont vides.";
        _api.SynthesisIs(Written());
        _api.Syntheses.DeliverSynthesisAsync(Arg.Any<DeliverSynthesisRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<Synthesis>(ApiCalls.Error(StatusCode.FailedPrecondition, Incomplete, "SYNTHESIS_INCOMPLETE")));
        var page = Create(SessionClaims.ConsultantRole);
        page.Remise = new DeliveryInput { DateHeure = new DateTime(2026, 11, 27, 10, 30, 0), Mode = DeliveryMethod.Email };

        var result = await page.OnPostRemettreAsync(CancellationToken.None);

        Assert.IsType<PageResult>(result);
        Assert.Equal([Incomplete], SignedInPages.ErrorsOf(page.ModelState, string.Empty));
    }

    private static SynthesisInput Typed(bool revision) => new()
    {
        Circonstances = $"Circonstances revues {Secret}",
        CompetencesEtPistes = $"Compétences revues {Secret}",
        ProjetEtEtapes = $"Projet revu {Secret}",
        Revision = revision,
        Etag = "W/\"5\"",
        RequestId = "4e7b5bed-0000-4000-8000-000000000001",
    };

    private SyntheseModel Create(string role) =>
        new(_api.Bilans, _api.Beneficiaries, _api.Syntheses, _api.Interviews, new FakeTimeProvider(Now), _logger)
        {
            PageContext = SignedInPages.As(role),
            Id = BilanId,
        };
}

/// <summary>A logger keeping every formatted message, to check that no confidential text is logged.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    public List<string> Messages { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        Messages.Add(formatter(state, exception) + exception);
    }
}
