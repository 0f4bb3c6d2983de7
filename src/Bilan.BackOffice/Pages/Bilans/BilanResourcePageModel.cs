using Bilan.BackOffice.Api;
using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bilan.BackOffice.Pages.Bilans;

/// <summary>
/// What the pages editing one singleton resource of a bilan share (its convention, working-time authorisation,
/// follow-up): the bilan's id from the route, the etag sent back with every form, and the API's refusals shown in
/// French, each field's message next to its field, with a reload link when someone else changed the resource
/// (ABORTED). UNAUTHENTICATED is left to the session filter. Above the title, whose bilan it is (read alongside the
/// resource; the page works without it).
/// </summary>
public abstract class BilanResourcePageModel(
    BilanService.BilanServiceClient bilans,
    BeneficiaryService.BeneficiaryServiceClient beneficiaries,
    ILogger logger) : PageModel, IBilanDossierPage
{
    /// <summary>The bilan's id (the UUID of <c>bilans/{id}</c>).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <inheritdoc />
    public string BilanId => Id.ToString();

    /// <inheritdoc />
    public BilanHeading? Heading { get; private set; }

    /// <summary>The resource's etag when the page was shown, sent back so that a concurrent change is refused.</summary>
    [BindProperty]
    public string? Etag { get; set; }

    /// <summary>The French error shown above the forms.</summary>
    public string? ErrorMessage { get; private set; }

    /// <summary>True when someone else changed the resource: the page offers to reload it.</summary>
    public bool Stale { get; private set; }

    /// <summary>The resource's name (<c>bilans/{id}/...</c>).</summary>
    public abstract string Name { get; }

    /// <summary>Reads what the page shows; a refusal the page shows is left to <see cref="LoadAsync"/>.</summary>
    protected abstract Task ReadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Reads the resource and, at the same time, the bilan's heading; on a refusal of the resource, shows its French
    /// message unless a change's error is already shown.
    /// </summary>
    protected async Task LoadAsync(CancellationToken cancellationToken, bool keepError = false)
    {
        var heading = BilanHeading.TryLoadAsync(bilans, beneficiaries, BilanId, logger, cancellationToken);
        await Task.WhenAll(heading, ReadResourceAsync(keepError, cancellationToken));
        Heading = await heading;
    }

    private async Task ReadResourceAsync(bool keepError, CancellationToken cancellationToken)
    {
        try
        {
            await ReadAsync(cancellationToken);
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Reading {Name} failed: {StatusCode}", Name, exception.StatusCode);
            if (!keepError)
            {
                ErrorMessage = FrenchErrorPresenter.Present(exception).Message;
            }
        }
    }

    /// <summary>
    /// Calls the API; on success back to the page (GET), otherwise the page with the French errors, the resource as
    /// it stands and the forms as typed.
    /// </summary>
    protected async Task<IActionResult> ChangeAsync<T>(Func<Task<T>> call, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            await call();
            return RedirectToPage(new { id = Id });
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Change of {Name} failed: {StatusCode}", Name, exception.StatusCode);
            ErrorMessage = FrenchErrorPresenter.AddTo(ModelState, exception, fields).Message;
            Stale = exception.StatusCode == Grpc.Core.StatusCode.Aborted;
            await LoadAsync(cancellationToken, keepError: true);
            return Page();
        }
    }
}
