using Bilan.Contracts.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;

namespace Bilan.BackOffice.Pages.Administration.Consultants;

/// <summary>Edits a consultant's name, e-mail and whether they are active; a change by someone else meanwhile is refused.</summary>
public sealed class ModifierModel(ConsultantService.ConsultantServiceClient consultants, ILogger<ModifierModel> logger) : AdministrationPageModel
{
    /// <summary>The consultant's id (the last segment of <c>consultants/{id}</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    /// <summary>What the administrator typed; kept when the API refuses.</summary>
    [BindProperty]
    public ConsultantInput Saisie { get; set; } = new();

    /// <summary>False when the consultant could not be read: the page shows the error only.</summary>
    public bool Found { get; private set; } = true;

    /// <summary>Reads the consultant into the form.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            var consultant = await consultants.GetConsultantAsync(new GetConsultantRequest { Name = $"consultants/{Id}" }, cancellationToken: cancellationToken);
            Saisie = new ConsultantInput
            {
                NomAffiche = consultant.DisplayName,
                Email = consultant.Email,
                Actif = consultant.Active,
                Etag = consultant.Etag,
                RequestId = NewRequestId(),
            };
        }
        catch (RpcException exception) when (Shown(exception) && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("GetConsultant failed: {StatusCode}", exception.StatusCode);
            Found = false;
            ShowError(exception);
        }
    }

    /// <summary>Saves the three fields, then goes back to the list.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var consultant = await consultants.UpdateConsultantAsync(
                new UpdateConsultantRequest
                {
                    Consultant = new Consultant
                    {
                        Name = $"consultants/{Id}",
                        DisplayName = Saisie.NomAffiche!.Trim(),
                        Email = Saisie.Email!.Trim(),
                        Active = Saisie.Actif,
                        Etag = Saisie.Etag ?? string.Empty,
                    },
                    UpdateMask = new FieldMask { Paths = { "display_name", "email", "active" } },
                    RequestId = RequestIdOr(Saisie.RequestId),
                },
                cancellationToken: cancellationToken);
            Confirmation = $"Le consultant {consultant.DisplayName} est enregistré.";
            return RedirectToPage("/Administration/Consultants/Index");
        }
        catch (RpcException exception) when (Shown(exception) && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("UpdateConsultant failed: {StatusCode}", exception.StatusCode);
            ShowError(exception, ConsultantInput.FieldNames);
            return Page();
        }
    }
}
