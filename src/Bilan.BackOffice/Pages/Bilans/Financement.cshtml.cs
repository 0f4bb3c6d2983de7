using System.Globalization;
using Bilan.BackOffice.Api;
using Bilan.BackOffice.Formatting;
using Bilan.BackOffice.Security;
using Bilan.Contracts.V1;
using Bilan.Domain.Funding;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ContributionExemption = Bilan.Contracts.V1.ContributionExemption;
using CpfTerms = Bilan.Contracts.V1.CpfTerms;
using DeadlineStatus = Bilan.Domain.Funding.DeadlineStatus;
using DomainEdofState = Bilan.Domain.Funding.EdofState;
using DomainFunderType = Bilan.Domain.Funding.FunderType;
using DomainFundingStatus = Bilan.Domain.Funding.FundingStatus;
using EdofDeadlineKind = Bilan.Domain.Funding.EdofDeadlineKind;
using EdofDossier = Bilan.Domain.Funding.EdofDossier;
using EdofState = Bilan.Contracts.V1.EdofState;
using FunderType = Bilan.Contracts.V1.FunderType;
using FundingMessage = Bilan.Contracts.V1.Funding;

namespace Bilan.BackOffice.Pages.Bilans;

/// <summary>
/// The funding (prise en charge) of one bilan: its lines, adding one, the funder's decision and payment, and the
/// EDOF dossier of a CPF line with its deadlines. Admins and the bilan's consultant change; support reads.
/// </summary>
public sealed class FinancementModel(
    FundingService.FundingServiceClient fundings,
    BilanService.BilanServiceClient bilans,
    BeneficiaryService.BeneficiaryServiceClient beneficiaries,
    ILogger<FinancementModel> logger) : PageModel, IBilanDossierPage
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>Where the API's field paths of CreateFunding show on this page.</summary>
    private static readonly Dictionary<string, string> CreateFields = new()
    {
        ["funding.funder_type"] = "Saisie.Type",
        ["funding.funder_name"] = "Saisie.Financeur",
        ["funding.amount_cents"] = "Saisie.Montant",
        ["funding.requested_date"] = "Saisie.DateDemande",
        ["funding.reference"] = "Saisie.Reference",
        ["funding.funded_hours"] = "Saisie.Heures",
        ["funding.edof_dossier"] = "Saisie.NumeroEdof",
        ["funding.edof_dossier.dossier_number"] = "Saisie.NumeroEdof",
        ["funding.edof_dossier.receive_date"] = "Saisie.DateReceptionEdof",
    };

    /// <summary>The funder types the form offers, with their French labels.</summary>
    public static IReadOnlyList<ChoiceOption> FunderTypes { get; } =
        [.. Enum.GetValues<DomainFunderType>().Where(t => t != DomainFunderType.Unspecified)
            .Select(t => new ChoiceOption(((int)t).ToString(CultureInfo.InvariantCulture), Domain.Funding.FunderTypes.FrenchLabel(t)))];

    /// <summary>The bilan's id (the last segment of <c>bilans/{id}</c>), from the route.</summary>
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    public string BilanName => $"bilans/{Id}";

    /// <inheritdoc />
    public string BilanId => Id;

    /// <inheritdoc />
    public BilanHeading? Heading { get; private set; }

    /// <summary>The new line being typed.</summary>
    [BindProperty]
    public NewFunding Saisie { get; set; } = new();

    /// <summary>A decision, payment or EDOF change of one line.</summary>
    [BindProperty]
    public LineChange Changement { get; set; } = new();

    public IReadOnlyList<FundingLine> Lines { get; private set; } = [];

    /// <summary>The error of the list itself (the form errors are in ModelState).</summary>
    public string? ErrorMessage { get; private set; }

    /// <summary>Someone else changed the line meanwhile (ABORTED): the page offers to reload.</summary>
    public bool Stale { get; private set; }

    /// <summary>Support reads only; admins and consultants see the forms (the API checks the bilan is theirs).</summary>
    public bool CanChange => !User.IsInRole(SessionClaims.SupportRole);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAjouterAsync(CancellationToken cancellationToken)
    {
        var funding = new FundingMessage
        {
            FunderType = int.TryParse(Saisie.Type, CultureInfo.InvariantCulture, out var type) ? (FunderType)type : FunderType.Unspecified,
            FunderName = Saisie.Financeur ?? "",
            Reference = Saisie.Reference ?? "",
            FundedHours = Saisie.Heures ?? 0,
            RequestedDate = CalendarDates.ToProto(Saisie.DateDemande),
        };
        if (ParseCents(Saisie.Montant) is { } cents)
        {
            funding.AmountCents = cents;
        }
        else
        {
            ModelState.AddModelError("Saisie.Montant", "Indiquez un montant en euros, par exemple 1 500,00.");
        }

        if (!string.IsNullOrWhiteSpace(Saisie.NumeroEdof) || Saisie.DateReceptionEdof is not null)
        {
            funding.EdofDossier = new Contracts.V1.EdofDossier { DossierNumber = Saisie.NumeroEdof ?? "", ReceiveDate = CalendarDates.ToProto(Saisie.DateReceptionEdof) };
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        return await CallAsync(() => fundings.CreateFundingAsync(
            new CreateFundingRequest { Parent = BilanName, Funding = funding, RequestId = Saisie.RequestId ?? "" }, cancellationToken: cancellationToken),
            CreateFields, cancellationToken);
    }

    public Task<IActionResult> OnPostAccepterAsync(CancellationToken cancellationToken) =>
        CallAsync(() => fundings.AcceptFundingAsync(new AcceptFundingRequest
        {
            Name = LineName, Etag = Changement.Etag ?? "", DecideDate = CalendarDates.ToProto(Changement.Date),
        }, cancellationToken: cancellationToken), LineFields, cancellationToken);

    public Task<IActionResult> OnPostRefuserAsync(CancellationToken cancellationToken) =>
        CallAsync(() => fundings.RefuseFundingAsync(new RefuseFundingRequest
        {
            Name = LineName, Etag = Changement.Etag ?? "", DecideDate = CalendarDates.ToProto(Changement.Date), Reason = Changement.Motif ?? "",
        }, cancellationToken: cancellationToken), LineFields, cancellationToken);

    public Task<IActionResult> OnPostPayerAsync(CancellationToken cancellationToken) =>
        CallAsync(() => fundings.MarkFundingPaidAsync(new MarkFundingPaidRequest
        {
            Name = LineName, Etag = Changement.Etag ?? "", PaidDate = CalendarDates.ToProto(Changement.Date), Reference = Changement.Reference ?? "",
        }, cancellationToken: cancellationToken), LineFields, cancellationToken);

    public Task<IActionResult> OnPostEdofAsync(CancellationToken cancellationToken) =>
        CallAsync(() => fundings.TransitionEdofDossierAsync(new TransitionEdofDossierRequest
        {
            Name = LineName,
            Etag = Changement.Etag ?? "",
            State = int.TryParse(Changement.Etat, CultureInfo.InvariantCulture, out var state) ? (EdofState)state : EdofState.Unspecified,
            Reason = Changement.Motif ?? "",
            EffectiveDate = CalendarDates.ToProto(Changement.Date),
            TrainingStartDate = CalendarDates.ToProto(Changement.DebutFormation),
            TrainingEndDate = CalendarDates.ToProto(Changement.FinFormation),
            EntryDate = CalendarDates.ToProto(Changement.Entree),
            ExitDate = CalendarDates.ToProto(Changement.Sortie),
        }, cancellationToken: cancellationToken), LineFields, cancellationToken);

    /// <summary>Euros as typed in French (<c>1 500,50</c>, <c>1500.5</c>, <c>1 500 €</c>) to cents; null when not an amount.</summary>
    public static long? ParseCents(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var cleaned = new string([.. text.Where(c => !char.IsWhiteSpace(c) && c != '€' && c != '\u202f' && c != '\u00a0')]).Replace('.', ',');
        return decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, French, out var euros) && euros > 0 && decimal.Round(euros, 2) == euros
            ? (long)(euros * 100)
            : null;
    }

    private static readonly Dictionary<string, string> LineFields = new()
    {
        ["reason"] = "Changement.Motif",
        ["decide_date"] = "Changement.Date",
        ["paid_date"] = "Changement.Date",
        ["effective_date"] = "Changement.Date",
        ["reference"] = "Changement.Reference",
        ["state"] = "Changement.Etat",
        ["training_start_date"] = "Changement.DebutFormation",
        ["training_end_date"] = "Changement.FinFormation",
        ["entry_date"] = "Changement.Entree",
        ["exit_date"] = "Changement.Sortie",
    };

    private string LineName => $"{BilanName}/fundings/{Changement.Ligne}";

    /// <summary>Calls the API; on success back to the page (GET), otherwise the page with the French errors and what was typed.</summary>
    private async Task<IActionResult> CallAsync(Func<AsyncUnaryCall<FundingMessage>> call, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken)
    {
        try
        {
            await call();
            return RedirectToPage(new { id = Id });
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Funding change refused: {StatusCode}", exception.StatusCode);
            FrenchErrorPresenter.AddTo(ModelState, exception, fields);
            Stale = exception.StatusCode == Grpc.Core.StatusCode.Aborted;
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    /// <summary>Reads the lines and, at the same time, the bilan's heading.</summary>
    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var heading = BilanHeading.TryLoadAsync(bilans, beneficiaries, Id, logger, cancellationToken);
        await Task.WhenAll(heading, LoadLinesAsync(cancellationToken));
        Heading = await heading;
    }

    private async Task LoadLinesAsync(CancellationToken cancellationToken)
    {
        try
        {
            var lines = new List<FundingLine>();
            var token = "";
            do
            {
                var page = await fundings.ListFundingsAsync(new ListFundingsRequest { Parent = BilanName, PageSize = 200, PageToken = token }, cancellationToken: cancellationToken);
                lines.AddRange(page.Fundings.Select(FundingLine.From));
                token = page.NextPageToken;
            }
            while (!string.IsNullOrEmpty(token));

            Lines = lines;
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("ListFundings failed: {StatusCode}", exception.StatusCode);
            ErrorMessage = FrenchErrorPresenter.Present(exception).Message;
        }
    }

}

/// <summary>The form of a new funding line, as typed (strings, so that what was typed comes back on an error).</summary>
public sealed class NewFunding
{
    public string? Type { get; set; }

    public string? Financeur { get; set; }

    public string? Montant { get; set; }

    public DateOnly? DateDemande { get; set; }

    public string? Reference { get; set; }

    public int? Heures { get; set; }

    public string? NumeroEdof { get; set; }

    public DateOnly? DateReceptionEdof { get; set; }

    /// <summary>A UUID made when the form is shown: sending it twice (double click, retry) adds one line.</summary>
    public string? RequestId { get; set; } = Guid.NewGuid().ToString();
}

/// <summary>A change of one line: which one, its etag, and the fields the chosen action reads.</summary>
public sealed class LineChange
{
    public string? Ligne { get; set; }

    public string? Etag { get; set; }

    public DateOnly? Date { get; set; }

    public string? Motif { get; set; }

    public string? Reference { get; set; }

    public string? Etat { get; set; }

    public DateOnly? DebutFormation { get; set; }

    public DateOnly? FinFormation { get; set; }

    public DateOnly? Entree { get; set; }

    public DateOnly? Sortie { get; set; }
}

/// <summary>A value and its French label, for a select.</summary>
public sealed record ChoiceOption(string Value, string Label);

/// <summary>One EDOF deadline as the page shows it.</summary>
public sealed record DeadlineRow(string Label, string Due, string Status, bool Alert);

/// <summary>One funding line as the page shows it, in French, with the moves it allows now.</summary>
public sealed record FundingLine(
    string Id,
    string Etag,
    string Funder,
    string FunderName,
    string Amount,
    string Status,
    DomainFundingStatus StatusValue,
    string Requested,
    string? Decided,
    string? Paid,
    string Reference,
    string RefusalReason,
    string? CpfTerms,
    string? EdofNumber,
    string? EdofState,
    string EdofReason,
    IReadOnlyList<DeadlineRow> Deadlines,
    IReadOnlyList<ChoiceOption> EdofMoves)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static FundingLine From(FundingMessage funding)
    {
        ArgumentNullException.ThrowIfNull(funding);
        var status = (DomainFundingStatus)(int)funding.Status;
        var dossier = funding.EdofDossier;
        var edofState = dossier is null ? (DomainEdofState?)null : (DomainEdofState)(int)dossier.State;
        return new FundingLine(
            funding.Name.Split('/')[^1],
            funding.Etag,
            Domain.Funding.FunderTypes.FrenchLabel((DomainFunderType)(int)funding.FunderType),
            funding.FunderName,
            Euros(funding.AmountCents),
            FundingLifecycle.FrenchLabel(status),
            status,
            Day(funding.RequestedDate) ?? "—",
            Day(funding.DecideDate),
            Day(funding.PaidDate),
            funding.Reference,
            funding.RefusalReason,
            funding.CpfTerms is { } terms ? Terms(terms) : null,
            dossier?.DossierNumber,
            edofState is { } s ? EdofDossier.FrenchLabel(s) : null,
            dossier?.StateReason ?? "",
            dossier is null ? [] : [.. dossier.Deadlines.Select(d => new DeadlineRow(
                EdofSchedule.FrenchLabel((EdofDeadlineKind)(int)d.Kind),
                Day(d.DueDate) ?? "—",
                EdofSchedule.FrenchLabel((DeadlineStatus)(int)d.Status) + (Day(d.DoneDate) is { } done ? $" (le {done})" : ""),
                d.Status is Contracts.V1.DeadlineStatus.Overdue or Contracts.V1.DeadlineStatus.Pending))],
            edofState is { } current
                ? [.. EdofDossier.AllowedFrom(current).Select(to => new ChoiceOption(((int)to).ToString(CultureInfo.InvariantCulture), EdofDossier.FrenchLabel(to)))]
                : []);
    }

    private static string Terms(CpfTerms terms)
    {
        var cap = terms.CapCents > 0 ? $"plafond CPF {Euros(terms.CapCents)} (depuis le {Day(terms.CapEffectiveDate)})" : "pas de plafond à cette date";
        var contribution = terms.ContributionExemption switch
        {
            ContributionExemption.JobSeeker => "participation forfaitaire : exonéré (demandeur d'emploi)",
            ContributionExemption.CoFunded => "participation forfaitaire : exonéré (cofinancement)",
            _ when terms.HolderContributionCents > 0 =>
                $"participation forfaitaire du titulaire {Euros(terms.HolderContributionCents)} (depuis le {Day(terms.HolderContributionEffectiveDate)})",
            _ => "pas de participation forfaitaire à cette date",
        };
        return $"{cap} ; {contribution}";
    }

    private static string Euros(long cents) => (cents / 100m).ToString("#,##0.00", French) + " €";

    private static string? Day(Google.Type.Date? date) =>
        date is { Year: > 0 } d ? new DateOnly(d.Year, d.Month, d.Day).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : null;
}
