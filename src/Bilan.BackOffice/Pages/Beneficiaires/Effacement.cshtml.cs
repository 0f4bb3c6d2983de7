using Bilan.BackOffice.Api;
using Bilan.BackOffice.Security;
using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bilan.BackOffice.Pages.Beneficiaires;

/// <summary>
/// Erases a beneficiary (GDPR art. 17), administrators only, after an explicit confirmation. The API refuses while
/// a legal retention runs (R6313-7) or a bilan is in progress, and says so in French.
/// </summary>
[Authorize(Policy = SessionClaims.AdminPolicy)]
public sealed class EffacementModel(BeneficiaryService.BeneficiaryServiceClient beneficiaries, ILogger<EffacementModel> logger) : PageModel
{
    /// <summary>The beneficiary's id (a UUID), from the address.</summary>
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    /// <summary>The box « I confirm the erasure », which must be ticked.</summary>
    [BindProperty]
    public bool Confirmation { get; set; }

    /// <summary>The request id of this form (a UUID): a second submit writes nothing more.</summary>
    [BindProperty]
    public string? RequestId { get; set; }

    /// <summary>The beneficiary's name, when it could be read.</summary>
    public string? FullName { get; private set; }

    /// <summary>The French message when the beneficiary could not be read.</summary>
    public string? LoadError { get; private set; }

    /// <summary>Shows who is about to be erased and what erasure does.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        RequestId = Guid.NewGuid().ToString();
        await LoadAsync(cancellationToken);
    }

    /// <summary>Erases the beneficiary once confirmed, then shows their (now anonymous) page.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Confirmation)
        {
            ModelState.AddModelError(nameof(Confirmation), "Cochez la case pour confirmer l’effacement.");
            await LoadAsync(cancellationToken);
            return Page();
        }

        try
        {
            await beneficiaries.EraseBeneficiaryAsync(
                new EraseBeneficiaryRequest { Name = $"beneficiaries/{Id}", RequestId = RequestId ?? string.Empty },
                cancellationToken: cancellationToken);
            return RedirectToPage("/Beneficiaires/Detail", new { id = Id, statut = "efface" });
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("EraseBeneficiary refused: {StatusCode}", exception.StatusCode);
            FrenchErrorPresenter.AddTo(ModelState, exception);
            Confirmation = false;
            RequestId = Guid.NewGuid().ToString();
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var beneficiary = await beneficiaries.GetBeneficiaryAsync(
                new GetBeneficiaryRequest { Name = $"beneficiaries/{Id}" }, cancellationToken: cancellationToken);
            FullName = $"{beneficiary.GivenName} {beneficiary.FamilyName}".Trim();
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("GetBeneficiary failed: {StatusCode}", exception.StatusCode);
            LoadError = FrenchErrorPresenter.Present(exception).Message;
        }
    }
}
