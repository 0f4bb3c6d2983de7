using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;

namespace Bilan.BackOffice.Pages.Administration.Consultants;

/// <summary>Creates a consultant (always active).</summary>
public sealed class NouveauModel(ConsultantService.ConsultantServiceClient consultants, ILogger<NouveauModel> logger) : AdministrationPageModel
{
    /// <summary>What the administrator typed; kept when the API refuses.</summary>
    [BindProperty]
    public ConsultantInput Saisie { get; set; } = new();

    /// <summary>Shows the empty form.</summary>
    public void OnGet() => Saisie = new ConsultantInput { RequestId = NewRequestId() };

    /// <summary>Creates the consultant, then goes back to the list.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var consultant = await consultants.CreateConsultantAsync(
                new CreateConsultantRequest
                {
                    Consultant = new Consultant { DisplayName = Saisie.NomAffiche!.Trim(), Email = Saisie.Email!.Trim() },
                    RequestId = RequestIdOr(Saisie.RequestId),
                },
                cancellationToken: cancellationToken);
            Confirmation = $"Le consultant {consultant.DisplayName} est créé.";
            return RedirectToPage("/Administration/Consultants/Index");
        }
        catch (RpcException exception) when (Shown(exception) && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("CreateConsultant failed: {StatusCode}", exception.StatusCode);
            ShowError(exception, ConsultantInput.FieldNames);
            return Page();
        }
    }
}
