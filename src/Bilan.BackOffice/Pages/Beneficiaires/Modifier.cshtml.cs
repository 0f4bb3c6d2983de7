using Bilan.BackOffice.Api;
using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;

namespace Bilan.BackOffice.Pages.Beneficiaires;

/// <summary>
/// Changes a beneficiary (administrators and the consultant of one of their bilans): every field of the form is
/// named in the field mask, and the etag read with the form makes a change made meanwhile by someone else ABORTED.
/// </summary>
public sealed class ModifierModel(BeneficiaryService.BeneficiaryServiceClient beneficiaries, ILogger<ModifierModel> logger) : BeneficiaryFormPage
{
    /// <summary>The beneficiary's id (a UUID), from the address.</summary>
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    /// <summary>The etag of the beneficiary as read when the form was shown.</summary>
    [BindProperty]
    public string? Etag { get; set; }

    /// <inheritdoc />
    public override string? ReloadUrl => $"/Beneficiaires/{Id}/Modifier";

    /// <summary>The French message when the beneficiary could not be read (no form then).</summary>
    public string? LoadError { get; private set; }

    /// <summary>Reads the beneficiary into the form.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            var beneficiary = await beneficiaries.GetBeneficiaryAsync(
                new GetBeneficiaryRequest { Name = $"beneficiaries/{Id}" }, cancellationToken: cancellationToken);
            Saisie = BeneficiaryForm.From(beneficiary);
            Etag = beneficiary.Etag;
            RequestId = Guid.NewGuid().ToString();
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("GetBeneficiary failed: {StatusCode}", exception.StatusCode);
            LoadError = FrenchErrorPresenter.Present(exception).Message;
        }
    }

    /// <summary>Saves the form, then shows the beneficiary; a refusal comes back on the form as typed.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (beneficiary, rows) = BeneficiaryForm.ToProto(Saisie);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        beneficiary.Name = $"beneficiaries/{Id}";
        beneficiary.Etag = Etag ?? string.Empty;
        try
        {
            await beneficiaries.UpdateBeneficiaryAsync(
                new UpdateBeneficiaryRequest
                {
                    Beneficiary = beneficiary,
                    UpdateMask = BeneficiaryForm.UpdateMask(),
                    RequestId = RequestId ?? string.Empty,
                },
                cancellationToken: cancellationToken);
            return RedirectToPage("/Beneficiaires/Detail", new { id = Id, statut = "modifie" });
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("UpdateBeneficiary refused: {StatusCode}", exception.StatusCode);
            ShowRefusal(exception, rows);
            return Page();
        }
    }
}
