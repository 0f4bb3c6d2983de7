using Bilan.BackOffice.Api;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bilan.BackOffice.Pages.Beneficiaires;

/// <summary>
/// What the create and edit pages share: the form as typed, the situation rows added and removed without script,
/// the request id that makes a double submit harmless, and the presentation of the API's refusals.
/// </summary>
public abstract class BeneficiaryFormPage : PageModel
{
    /// <summary>The form, kept exactly as typed when the API refuses it.</summary>
    [BindProperty]
    public BeneficiaryInput Saisie { get; set; } = new();

    /// <summary>The request id of this form (a UUID): a second submit of the same form writes nothing more.</summary>
    [BindProperty]
    public string? RequestId { get; set; }

    /// <summary>True when the API answered ABORTED: someone else changed the beneficiary in the meantime.</summary>
    public bool Conflict { get; private set; }

    /// <summary>Where the up-to-date record is read again, offered after ABORTED.</summary>
    public virtual string? ReloadUrl => null;

    /// <summary>Adds an empty situation row; nothing is sent to the API.</summary>
    public IActionResult OnPostAjouterPeriode()
    {
        Saisie.Situations.Add(new SituationInput());
        return Page();
    }

    /// <summary>Removes the situation row <paramref name="ligne"/>; nothing is sent to the API until saved.</summary>
    public IActionResult OnPostSupprimerPeriode(int ligne)
    {
        if (ligne >= 0 && ligne < Saisie.Situations.Count)
        {
            Saisie.Situations.RemoveAt(ligne);
        }

        // The rows after it moved up: the values typed must come from the rows, not from their old positions.
        ModelState.Clear();
        return Page();
    }

    /// <summary>Shows the API's refusal on the form: the French message on top, each field's beside it.</summary>
    protected void ShowRefusal(RpcException exception, IReadOnlyList<int> rowOfSituation)
    {
        ArgumentNullException.ThrowIfNull(exception);
        FrenchErrorPresenter.AddTo(ModelState, exception, BeneficiaryForm.FieldNames(rowOfSituation));
        Conflict = exception.StatusCode == Grpc.Core.StatusCode.Aborted;

        // A new id: the refused request wrote nothing, and the corrected form is another request.
        RequestId = Guid.NewGuid().ToString();
    }

    /// <summary>Keeps at least one row, so that a period can be typed straight away.</summary>
    protected void EnsureSpareRow()
    {
        if (Saisie.Situations.Count == 0 || !Saisie.Situations[^1].IsBlank)
        {
            Saisie.Situations.Add(new SituationInput());
        }
    }
}
