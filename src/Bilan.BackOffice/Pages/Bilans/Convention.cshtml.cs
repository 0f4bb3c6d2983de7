using System.ComponentModel.DataAnnotations;
using Bilan.BackOffice.Formatting;
using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;

namespace Bilan.BackOffice.Pages.Bilans;

/// <summary>
/// The tripartite convention of a bilan (R6313-8): its mandatory content, its handing to the employee, the three
/// signatures and the employee's refusal. The API owns every rule; this page shows its French messages.
/// </summary>
public sealed class ConventionModel(
    ConventionService.ConventionServiceClient conventions,
    BilanService.BilanServiceClient bilans,
    BeneficiaryService.BeneficiaryServiceClient beneficiaries,
    ILogger<ConventionModel> logger) : BilanResourcePageModel(bilans, beneficiaries, logger)
{
    /// <summary>Proto field paths of the content to the form's property names.</summary>
    private static readonly Dictionary<string, string> ContentFields = new(StringComparer.Ordinal)
    {
        ["convention.title"] = "Contenu.Intitule",
        ["convention.objective_and_content"] = "Contenu.ObjectifEtContenu",
        ["convention.means"] = "Contenu.Moyens",
        ["convention.duration_hours"] = "Contenu.DureeHeures",
        ["convention.period_start"] = "Contenu.DebutPeriode",
        ["convention.period_end"] = "Contenu.FinPeriode",
        ["convention.conduct_and_follow_up"] = "Contenu.DeroulementEtSuivi",
        ["convention.results_handover"] = "Contenu.RemiseDesResultats",
        ["convention.price_euros"] = "Contenu.PrixEuros",
        ["convention.payment_terms"] = "Contenu.ModalitesDeReglement",
    };

    [BindProperty]
    public ConventionInput Contenu { get; set; } = new();

    [BindProperty]
    public DateInput Remise { get; set; } = new();

    [BindProperty]
    public SignatureInput Signature { get; set; } = new();

    [BindProperty]
    public DateInput Refus { get; set; } = new();

    /// <summary>The convention as the API returned it; null while none is drafted.</summary>
    public Convention? Convention { get; private set; }

    public string BilanName => $"bilans/{Id}";

    /// <summary>
    /// Whether the bilan has not started: the convention is drafted, handed and signed before the start, and the
    /// API refuses every change after it. When the bilan could not be read, the forms show and the API decides.
    /// </summary>
    public bool BeforeStart => Heading is null || Heading.State == Contracts.V1.Bilan.Types.State.Requested;

    /// <summary>The content may be written: no convention yet, a draft, or a refused one to replace with a new one.</summary>
    public bool MayWriteContent => BeforeStart && Convention?.State is null
        or ConventionState.Draft or ConventionState.Refused or ConventionState.DeemedRefused;

    /// <summary>The handing to the employee may be recorded (or corrected) until the employee has answered.</summary>
    public bool MayRecordHanding => BeforeStart && Convention is { State: ConventionState.Draft or ConventionState.AwaitingSignatures } convention
        && !IsSet(convention.EmployeeSignedDate) && !IsSet(convention.EmployeeRefusedDate);

    /// <summary>A signature may be recorded while one is missing and the employee has not refused.</summary>
    public bool MayRecordSignature => BeforeStart && Convention is { State: ConventionState.Draft or ConventionState.AwaitingSignatures } convention
        && convention.MissingSignatures.Count > 0;

    /// <summary>The employee's refusal may be recorded once they received the convention and until they sign it.</summary>
    public bool MayRecordRefusal => BeforeStart && Convention is { State: ConventionState.AwaitingSignatures } convention
        && IsSet(convention.ReceivedDate) && !IsSet(convention.EmployeeSignedDate);

    /// <summary>The parties whose signature is missing, offered by the signature form (all three when none is known).</summary>
    public IReadOnlyList<ConventionParty> PartiesToSign => Convention is { MissingSignatures.Count: > 0 } convention
        ? [.. convention.MissingSignatures]
        : [ConventionParty.Employer, ConventionParty.Employee, ConventionParty.Provider];

    public override string Name => $"{BilanName}/convention";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Convention is { } convention)
        {
            Contenu = ConventionInput.From(convention);
            Etag = convention.Etag;
        }

        return Page();
    }

    /// <summary>Drafts the convention or replaces its content.</summary>
    public Task<IActionResult> OnPostContenuAsync(CancellationToken cancellationToken) =>
        ChangeAsync(() => conventions.UpdateConventionAsync(
            new UpdateConventionRequest { Convention = Contenu.ToProto(Name, Etag) }, cancellationToken: cancellationToken).ResponseAsync,
            ContentFields, cancellationToken);

    /// <summary>Records the handing of the convention to the employee.</summary>
    public Task<IActionResult> OnPostRemiseAsync(CancellationToken cancellationToken) =>
        ChangeAsync(() => conventions.SendConventionAsync(new SendConventionRequest
        {
            Name = Name,
            SentDate = CalendarDates.ToProto(Remise.Envoi),
            ReceivedDate = CalendarDates.ToProto(Remise.Date),
            Etag = Etag ?? string.Empty,
        }, cancellationToken: cancellationToken).ResponseAsync,
            new Dictionary<string, string> { ["sent_date"] = "Remise.Envoi", ["received_date"] = "Remise.Date" }, cancellationToken);

    /// <summary>Records one party's signature.</summary>
    public Task<IActionResult> OnPostSignatureAsync(CancellationToken cancellationToken) =>
        ChangeAsync(() => conventions.SignConventionAsync(new SignConventionRequest
        {
            Name = Name,
            Party = Signature.Partie,
            SignedDate = CalendarDates.ToProto(Signature.Date),
            Etag = Etag ?? string.Empty,
        }, cancellationToken: cancellationToken).ResponseAsync,
            new Dictionary<string, string> { ["party"] = "Signature.Partie", ["signed_date"] = "Signature.Date" }, cancellationToken);

    /// <summary>Records the employee's refusal (not a fault, R6313-8).</summary>
    public Task<IActionResult> OnPostRefusAsync(CancellationToken cancellationToken) =>
        ChangeAsync(() => conventions.RefuseConventionAsync(new RefuseConventionRequest
        {
            Name = Name,
            RefusedDate = CalendarDates.ToProto(Refus.Date),
            Etag = Etag ?? string.Empty,
        }, cancellationToken: cancellationToken).ResponseAsync,
            new Dictionary<string, string> { ["refused_date"] = "Refus.Date" }, cancellationToken);

    /// <summary>The French state of the convention.</summary>
    public static string FrenchState(ConventionState state) => state switch
    {
        ConventionState.Draft => "brouillon (non remise au salarié)",
        ConventionState.AwaitingSignatures => "en attente de signatures",
        ConventionState.Signed => "signée par les trois parties",
        ConventionState.Refused => "refusée par le salarié",
        ConventionState.DeemedRefused => "réputée refusée (pas de signature du salarié dans les 10 jours)",
        _ => "inconnu",
    };

    /// <summary>The party as staff read it, « salarié » (the API's and the domain's values are the same numbers).</summary>
    public static string FrenchParty(ConventionParty party) => Domain.FrenchNames.Of((Domain.Funding.ConventionParty)(int)party);

    /// <summary>The party as a list option shows it, « Salarié ».</summary>
    public static string Capitalized(string party) => party.Length == 0 ? party : char.ToUpperInvariant(party[0]) + party[1..];

    /// <summary>A date as staff read it, <c>dd/MM/yyyy</c>; a dash when unset.</summary>
    public static string Format(Google.Type.Date? date) => CalendarDates.Format(date);

    /// <summary>Reads the convention; NOT_FOUND means none drafted yet.</summary>
    protected override async Task ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Convention = await conventions.GetConventionAsync(new GetConventionRequest { Name = Name }, cancellationToken: cancellationToken);
        }
        catch (RpcException exception) when (exception.StatusCode == Grpc.Core.StatusCode.NotFound)
        {
            // No convention drafted yet (an unknown bilan shows the same empty form, and any change says it does not exist).
            Convention = null;
        }
    }

    private static bool IsSet(Google.Type.Date? date) => CalendarDates.ToDateOnly(date) is not null;


    /// <summary>The content of the convention as the form edits it (every item mandatory, R6313-8).</summary>
    public sealed class ConventionInput
    {
        [Display(Name = "Intitulé")]
        public string? Intitule { get; set; }

        [Display(Name = "Objectif et contenu")]
        public string? ObjectifEtContenu { get; set; }

        [Display(Name = "Moyens")]
        public string? Moyens { get; set; }

        [Display(Name = "Durée (heures)")]
        public decimal? DureeHeures { get; set; }

        [Display(Name = "Début de la période")]
        public DateOnly? DebutPeriode { get; set; }

        [Display(Name = "Fin de la période")]
        public DateOnly? FinPeriode { get; set; }

        [Display(Name = "Déroulement et suivi")]
        public string? DeroulementEtSuivi { get; set; }

        [Display(Name = "Remise des résultats et de la synthèse")]
        public string? RemiseDesResultats { get; set; }

        [Display(Name = "Prix (euros)")]
        public decimal? PrixEuros { get; set; }

        [Display(Name = "Modalités de règlement")]
        public string? ModalitesDeReglement { get; set; }

        public static ConventionInput From(Convention convention) => new()
        {
            Intitule = convention.Title,
            ObjectifEtContenu = convention.ObjectiveAndContent,
            Moyens = convention.Means,
            DureeHeures = (decimal)convention.DurationHours,
            DebutPeriode = convention.PeriodStart is { } s ? new DateOnly(s.Year, s.Month, s.Day) : null,
            FinPeriode = convention.PeriodEnd is { } e ? new DateOnly(e.Year, e.Month, e.Day) : null,
            DeroulementEtSuivi = convention.ConductAndFollowUp,
            RemiseDesResultats = convention.ResultsHandover,
            PrixEuros = (decimal)convention.PriceEuros,
            ModalitesDeReglement = convention.PaymentTerms,
        };

        public Convention ToProto(string name, string? etag) => new()
        {
            Name = name,
            Title = Intitule ?? string.Empty,
            ObjectiveAndContent = ObjectifEtContenu ?? string.Empty,
            Means = Moyens ?? string.Empty,
            DurationHours = (double)(DureeHeures ?? 0),
            PeriodStart = CalendarDates.ToProto(DebutPeriode),
            PeriodEnd = CalendarDates.ToProto(FinPeriode),
            ConductAndFollowUp = DeroulementEtSuivi ?? string.Empty,
            ResultsHandover = RemiseDesResultats ?? string.Empty,
            PriceEuros = (double)(PrixEuros ?? 0),
            PaymentTerms = ModalitesDeReglement ?? string.Empty,
            Etag = etag ?? string.Empty,
        };
    }

    /// <summary>A dated step: the handing (with the sending date), or the refusal.</summary>
    public sealed class DateInput
    {
        [Display(Name = "Date d'envoi")]
        public DateOnly? Envoi { get; set; }

        [Display(Name = "Date")]
        public DateOnly? Date { get; set; }
    }

    /// <summary>One party's signature.</summary>
    public sealed class SignatureInput
    {
        [Display(Name = "Signataire")]
        public ConventionParty Partie { get; set; }

        [Display(Name = "Date de signature")]
        public DateOnly? Date { get; set; }
    }
}
