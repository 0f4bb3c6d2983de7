using Bilan.BackOffice.Api;
using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bilan.BackOffice.Pages.Bilans;

/// <summary>
/// The printable synthesis: its own plain layout (no navigation, no header), marked « Confidentiel » on screen and
/// on every printed page, never cached. The read is logged by the API like any other; refusals show in French.
/// </summary>
public sealed class SyntheseImpressionModel(
    BilanService.BilanServiceClient bilans,
    BeneficiaryService.BeneficiaryServiceClient beneficiaries,
    SynthesisService.SynthesisServiceClient syntheses,
    ILogger<SyntheseImpressionModel> logger) : PageModel
{
    /// <summary>The bilan's id (a UUID), from the address.</summary>
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    /// <summary>The bilan's heading; null when the bilan could not be read.</summary>
    public BilanHeading? Heading { get; private set; }

    /// <summary>The synthesis to print; null when it could not be read.</summary>
    public Synthesis? Synthesis { get; private set; }

    /// <summary>The French message when there is nothing to print (refused, none written, unreachable).</summary>
    public string? ErrorMessage { get; private set; }

    /// <summary>Reads the bilan's heading and the current synthesis.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        try
        {
            Heading = await BilanHeading.LoadAsync(bilans, beneficiaries, Id, cancellationToken);
            Synthesis = await syntheses.GetSynthesisAsync(
                new GetSynthesisRequest { Name = $"bilans/{Id}/synthesis" }, cancellationToken: cancellationToken);
        }
        catch (RpcException exception) when (exception.StatusCode == Grpc.Core.StatusCode.NotFound && Heading is not null)
        {
            ErrorMessage = "Aucune synthèse n’a encore été rédigée pour ce bilan : il n’y a rien à imprimer.";
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Printing a synthesis failed: {StatusCode}", exception.StatusCode);
            ErrorMessage = FrenchErrorPresenter.Present(exception).Message;
        }
    }
}
