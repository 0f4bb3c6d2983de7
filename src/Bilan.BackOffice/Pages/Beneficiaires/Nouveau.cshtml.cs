using Bilan.BackOffice.Formatting;
using Bilan.BackOffice.Security;
using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Bilan.BackOffice.Pages.Beneficiaires;

/// <summary>Creates a beneficiary (administrators: the API lets only them and HR software create one).</summary>
[Authorize(Policy = SessionClaims.AdminPolicy)]
public sealed class NouveauModel(BeneficiaryService.BeneficiaryServiceClient beneficiaries, ILogger<NouveauModel> logger) : BeneficiaryFormPage
{
    /// <summary>An empty form with one situation row.</summary>
    public void OnGet()
    {
        Saisie = new BeneficiaryInput();
        EnsureSpareRow();
        RequestId = Guid.NewGuid().ToString();
    }

    /// <summary>Creates the beneficiary, then shows its page; a refusal comes back on the form as typed.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (beneficiary, rows) = BeneficiaryForm.ToProto(Saisie);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var created = await beneficiaries.CreateBeneficiaryAsync(
                new CreateBeneficiaryRequest { Beneficiary = beneficiary, RequestId = RequestId ?? string.Empty },
                cancellationToken: cancellationToken);
            return RedirectToPage("/Beneficiaires/Detail", new { id = ProtoNames.IdOf(created.Name), statut = "cree" });
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("CreateBeneficiary refused: {StatusCode}", exception.StatusCode);
            ShowRefusal(exception, rows);
            return Page();
        }
    }
}
