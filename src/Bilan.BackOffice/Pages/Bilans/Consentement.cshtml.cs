using Bilan.BackOffice.Api;
using Bilan.BackOffice.Formatting;
using Bilan.BackOffice.Security;
using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using State = Bilan.Contracts.V1.Bilan.Types.State;

namespace Bilan.BackOffice.Pages.Bilans;

/// <summary>
/// The beneficiary's consents to a bilan (Code du travail L6313-4): their consent to the bilan itself, recorded
/// before it starts, and their agreements to disclose the synthesis to a CEP operator, their employer, a funder or
/// another organisation (record, revoke, list). Administrators and the bilan's consultant; the API refuses others.
/// </summary>
public sealed class ConsentementModel(
    BilanService.BilanServiceClient bilans,
    BeneficiaryService.BeneficiaryServiceClient beneficiaries,
    ConsentService.ConsentServiceClient consents,
    OrganizationService.OrganizationServiceClient organizations,
    ILogger<ConsentementModel> logger) : PageModel, IBilanDossierPage
{
    /// <summary>The recipient value of a CEP operator.</summary>
    public const string CepRecipient = "cep";

    /// <summary>The recipient value of an organisation known to the system (employer, funder, other).</summary>
    public const string OrganizationRecipient = "organisation";

    /// <summary>The API's field paths of RecordBilanConsent mapped to the consent form.</summary>
    public static readonly IReadOnlyDictionary<string, string> ConsentFields = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["consent_date"] = "Consentement.Date",
        ["method"] = "Consentement.Methode",
        ["keep_documents_for_follow_up"] = "Consentement.ConserverDocuments",
    };

    /// <summary>The API's field paths of RecordDisclosureConsent mapped to the disclosure form.</summary>
    public static readonly IReadOnlyDictionary<string, string> DisclosureFields = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["disclosure_consent"] = "Communication.Destinataire",
        ["disclosure_consent.recipient"] = "Communication.Destinataire",
        ["disclosure_consent.cep_operator"] = "Communication.OperateurCep",
        ["disclosure_consent.organization"] = "Communication.Organisation",
        ["disclosure_consent.scope"] = "Communication.Portee",
        ["disclosure_consent.evidence"] = "Communication.Justificatif",
        ["disclosure_consent.consent_date"] = "Communication.Date",
    };

    /// <summary>The bilan's id (a UUID), from the address.</summary>
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    /// <summary>What just happened, for the notice.</summary>
    [BindProperty(SupportsGet = true, Name = "statut")]
    public string? Statut { get; set; }

    /// <summary>The consent form.</summary>
    [BindProperty]
    public BilanConsentInput Consentement { get; set; } = new();

    /// <summary>The disclosure form.</summary>
    [BindProperty]
    public DisclosureInput Communication { get; set; } = new();

    /// <summary>The bilan's heading; null when the bilan could not be read.</summary>
    public BilanHeading? Heading { get; private set; }

    /// <inheritdoc />
    public string BilanId => Id;

    /// <summary>The French message when the bilan or its consents could not be read (then nothing else is shown).</summary>
    public string? LoadError { get; private set; }

    /// <summary>The consent recorded; null when none is.</summary>
    public BilanConsent? Consent { get; private set; }

    /// <summary>The disclosure consents, active and revoked, oldest first.</summary>
    public IReadOnlyList<DisclosureConsent> Disclosures { get; private set; } = [];

    /// <summary>The organisations the disclosure form offers: the bilan's own (the employer), then every one an admin may list.</summary>
    public IReadOnlyList<OrganizationOption> Organizations { get; private set; } = [];

    /// <summary>True when a form was refused with ABORTED: someone else changed the consent meanwhile.</summary>
    public bool Conflict { get; private set; }

    /// <summary>The French message of a refused revocation.</summary>
    public string? RevokeError { get; private set; }

    /// <summary>The consent may be recorded or corrected only before the bilan starts.</summary>
    public bool ConsentEditable => Heading?.State == State.Requested;

    /// <summary>The French notice of what just happened.</summary>
    public string? Notice => Statut switch
    {
        "consentement" => "Le consentement du bénéficiaire a été enregistré.",
        "communication" => "L’accord de communication a été enregistré ; il s’applique immédiatement.",
        "revocation" => "L’accord de communication a été révoqué ; le destinataire n’a plus accès à la synthèse.",
        _ => null,
    };

    /// <summary>Reads the bilan, its consent and its disclosure consents.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Consent is { } consent)
        {
            Consentement = new BilanConsentInput
            {
                Date = CalendarDates.ToDateOnly(consent.ConsentDate),
                Methode = consent.Method,
                ConserverDocuments = consent.KeepDocumentsForFollowUp,
                Etag = consent.Etag,
            };
        }

        Consentement.RequestId = Guid.NewGuid().ToString();
        Communication = new DisclosureInput { RequestId = Guid.NewGuid().ToString() };
    }

    /// <summary>Records (or corrects) the beneficiary's consent to the bilan.</summary>
    public async Task<IActionResult> OnPostConsentementAsync(CancellationToken cancellationToken)
    {
        var request = new RecordBilanConsentRequest
        {
            Name = $"bilans/{Id}",
            ConsentDate = CalendarDates.ToProto(Consentement.Date),
            Method = Consentement.Methode,
            KeepDocumentsForFollowUp = Consentement.ConserverDocuments,
            Etag = Consentement.Etag ?? string.Empty,
            RequestId = Consentement.RequestId ?? string.Empty,
        };
        try
        {
            await consents.RecordBilanConsentAsync(request, cancellationToken: cancellationToken);
            return RedirectToPage("/Bilans/Consentement", new { id = Id, statut = "consentement" });
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("RecordBilanConsent refused: {StatusCode}", exception.StatusCode);
            FrenchErrorPresenter.AddTo(ModelState, exception, ConsentFields);
            Conflict = exception.StatusCode == Grpc.Core.StatusCode.Aborted;
            Consentement.RequestId = Guid.NewGuid().ToString();
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    /// <summary>Records an agreement to disclose the synthesis to one recipient.</summary>
    public async Task<IActionResult> OnPostCommunicationAsync(CancellationToken cancellationToken)
    {
        var disclosure = new DisclosureConsent
        {
            Scope = Communication.Portee,
            Evidence = Communication.Justificatif?.Trim() ?? string.Empty,
            ConsentDate = CalendarDates.ToProto(Communication.Date),
        };
        switch (Communication.Destinataire)
        {
            case CepRecipient:
                disclosure.CepOperator = Communication.OperateurCep?.Trim() ?? string.Empty;
                break;
            case OrganizationRecipient:
                disclosure.Organization = Communication.Organisation?.Trim() ?? string.Empty;
                break;
            default:
                // No recipient chosen: the API names the missing recipient.
                break;
        }

        try
        {
            await consents.RecordDisclosureConsentAsync(
                new RecordDisclosureConsentRequest
                {
                    Parent = $"bilans/{Id}",
                    DisclosureConsent = disclosure,
                    RequestId = Communication.RequestId ?? string.Empty,
                },
                cancellationToken: cancellationToken);
            return RedirectToPage("/Bilans/Consentement", new { id = Id, statut = "communication" });
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("RecordDisclosureConsent refused: {StatusCode}", exception.StatusCode);
            FrenchErrorPresenter.AddTo(ModelState, exception, DisclosureFields);
            Communication.RequestId = Guid.NewGuid().ToString();
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    /// <summary>Revokes a disclosure consent, effective at once.</summary>
    /// <param name="accord">The disclosure consent's id.</param>
    /// <param name="requestId">The request id rendered with its button.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    public async Task<IActionResult> OnPostRevoquerAsync(string accord, string? requestId, CancellationToken cancellationToken)
    {
        try
        {
            await consents.RevokeDisclosureConsentAsync(
                new RevokeDisclosureConsentRequest { Name = $"bilans/{Id}/disclosureConsents/{accord}", RequestId = requestId ?? string.Empty },
                cancellationToken: cancellationToken);
            return RedirectToPage("/Bilans/Consentement", new { id = Id, statut = "revocation" });
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("RevokeDisclosureConsent refused: {StatusCode}", exception.StatusCode);
            RevokeError = FrenchErrorPresenter.Present(exception).Message;
            ModelState.Clear();
            await OnGetAsync(cancellationToken);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Heading = await BilanHeading.LoadAsync(bilans, beneficiaries, Id, cancellationToken);
            try
            {
                Consent = await consents.GetBilanConsentAsync(new GetBilanConsentRequest { Name = $"bilans/{Id}" }, cancellationToken: cancellationToken);
            }
            catch (RpcException exception) when (exception.StatusCode == Grpc.Core.StatusCode.NotFound)
            {
                Consent = null;
            }

            var response = await consents.ListDisclosureConsentsAsync(
                new ListDisclosureConsentsRequest { Parent = $"bilans/{Id}", PageSize = 200 }, cancellationToken: cancellationToken);
            Disclosures = [.. response.DisclosureConsents];
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Reading the consents of a bilan failed: {StatusCode}", exception.StatusCode);
            LoadError = FrenchErrorPresenter.Present(exception).Message;
            return;
        }

        Organizations = await OrganizationOptionsAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<OrganizationOption>> OrganizationOptionsAsync(CancellationToken cancellationToken)
    {
        var options = new List<OrganizationOption>();
        if (Heading is { Organization.Length: > 0 } header)
        {
            options.Add(new OrganizationOption(header.Organization, "L’employeur du bénéficiaire (organisation du bilan)"));
        }

        if (!User.IsInRole(SessionClaims.AdminRole))
        {
            // Only administrators may list organisations (funders and others); a consultant offers the employer.
            return options;
        }

        try
        {
            var response = await organizations.ListOrganizationsAsync(
                new ListOrganizationsRequest { PageSize = 200 }, cancellationToken: cancellationToken);
            options.AddRange(response.Organizations
                .Where(organization => organization.Name != Heading?.Organization)
                .Select(organization => new OrganizationOption(organization.Name, organization.DisplayName)));
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("ListOrganizations failed: {StatusCode}", exception.StatusCode);
        }

        return options;
    }
}

/// <summary>The consent form, kept as typed.</summary>
public sealed class BilanConsentInput
{
    public DateOnly? Date { get; set; }

    public ConsentMethod Methode { get; set; }

    public bool ConserverDocuments { get; set; }

    public string? Etag { get; set; }

    public string? RequestId { get; set; }
}

/// <summary>The disclosure form, kept as typed.</summary>
public sealed class DisclosureInput
{
    /// <summary><see cref="ConsentementModel.CepRecipient"/> or <see cref="ConsentementModel.OrganizationRecipient"/>.</summary>
    public string? Destinataire { get; set; }

    public string? OperateurCep { get; set; }

    /// <summary>The organisation's resource name, <c>organizations/{id}</c>.</summary>
    public string? Organisation { get; set; }

    public DisclosureScope Portee { get; set; }

    public string? Justificatif { get; set; }

    public DateOnly? Date { get; set; }

    public string? RequestId { get; set; }
}

/// <summary>An organisation the disclosure form offers.</summary>
public sealed record OrganizationOption(string Name, string Label);
