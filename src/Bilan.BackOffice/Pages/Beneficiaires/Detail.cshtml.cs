using System.Text;
using Bilan.BackOffice.Api;
using Bilan.BackOffice.Formatting;
using Bilan.BackOffice.Security;
using Bilan.Contracts.V1;
using Bilan.Domain;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using DomainState = Bilan.Domain.Bilans.BilanState;

namespace Bilan.BackOffice.Pages.Beneficiaires;

/// <summary>
/// A beneficiary's page: identity, public, employer, situation periods and their bilans; for administrators the
/// GDPR requests (export of everything held, erasure).
/// </summary>
public sealed class DetailModel(
    BeneficiaryService.BeneficiaryServiceClient beneficiaries,
    BilanService.BilanServiceClient bilans,
    ILogger<DetailModel> logger) : PageModel
{
    /// <summary>How many of the beneficiary's bilans the page lists.</summary>
    public const int BilanPageSize = 50;

    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithIndentation().WithFormatDefaultValues(false));

    /// <summary>The beneficiary's id (a UUID), from the address.</summary>
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    /// <summary>What just happened (<c>cree</c>, <c>modifie</c>, <c>efface</c>), for the notice.</summary>
    [BindProperty(SupportsGet = true, Name = "statut")]
    public string? Statut { get; set; }

    /// <summary>The beneficiary; null when it could not be read.</summary>
    public Beneficiary? Beneficiary { get; private set; }

    /// <summary>Their bilans, newest first.</summary>
    public IReadOnlyList<BeneficiaryBilanRow> Bilans { get; private set; } = [];

    /// <summary>Whether they have more bilans than listed.</summary>
    public bool MoreBilans { get; private set; }

    /// <summary>The French message when the beneficiary could not be read.</summary>
    public string? ErrorMessage { get; private set; }

    /// <summary>The French message when their bilans could not be listed.</summary>
    public string? BilansError { get; private set; }

    /// <summary>The French notice of what just happened.</summary>
    public string? Notice => Statut switch
    {
        "cree" => "Le bénéficiaire a été créé.",
        "modifie" => "Les modifications ont été enregistrées.",
        "efface" => "Le bénéficiaire a été effacé (RGPD, article 17) : son identité et ses documents confidentiels ne sont plus conservés.",
        _ => null,
    };

    /// <summary>The beneficiary's name as shown in the title.</summary>
    public string FullName => Beneficiary is null ? "Bénéficiaire" : $"{Beneficiary.GivenName} {Beneficiary.FamilyName}".Trim();

    /// <summary>Reads the beneficiary and lists their bilans.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            Beneficiary = await beneficiaries.GetBeneficiaryAsync(
                new GetBeneficiaryRequest { Name = ResourceName }, cancellationToken: cancellationToken);
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("GetBeneficiary failed: {StatusCode}", exception.StatusCode);
            ErrorMessage = FrenchErrorPresenter.Present(exception).Message;
            return;
        }

        try
        {
            var response = await bilans.ListBilansAsync(
                new ListBilansRequest { PageSize = BilanPageSize, Filter = $"beneficiary = {ProtoNames.Quoted(ResourceName)}" },
                cancellationToken: cancellationToken);
            Bilans = [.. response.Bilans.Select(BeneficiaryBilanRow.From)];
            MoreBilans = !string.IsNullOrEmpty(response.NextPageToken);
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("ListBilans of a beneficiary failed: {StatusCode}", exception.StatusCode);
            BilansError = FrenchErrorPresenter.Present(exception).Message;
        }
    }

    /// <summary>
    /// Downloads everything held on the person as JSON (GDPR art. 15 and 20). A POST: the API records each
    /// version of the synthesis it includes as a confidential access, so the export is not a mere read.
    /// </summary>
    public async Task<IActionResult> OnPostExporterAsync(CancellationToken cancellationToken)
    {
        if (!User.IsInRole(SessionClaims.AdminRole))
        {
            return Forbid();
        }

        try
        {
            var export = await beneficiaries.ExportBeneficiaryDataAsync(
                new ExportBeneficiaryDataRequest { Name = ResourceName }, cancellationToken: cancellationToken);
            Response.Headers.CacheControl = "no-store";
            return File(Encoding.UTF8.GetBytes(Json.Format(export)), "application/json", $"beneficiaire-{Id}-donnees-personnelles.json");
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("ExportBeneficiaryData failed: {StatusCode}", exception.StatusCode);
            await OnGetAsync(cancellationToken);
            ExportError = FrenchErrorPresenter.Present(exception).Message;
            return Page();
        }
    }

    /// <summary>The French message when the export was refused.</summary>
    public string? ExportError { get; private set; }

    private string ResourceName => $"beneficiaries/{Id}";
}

/// <summary>One bilan of the beneficiary's page.</summary>
public sealed record BeneficiaryBilanRow(string Id, string State, string PlannedStart, string Created)
{
    public static BeneficiaryBilanRow From(Contracts.V1.Bilan bilan)
    {
        ArgumentNullException.ThrowIfNull(bilan);
        return new BeneficiaryBilanRow(
            ProtoNames.IdOf(bilan.Name),
            FrenchNames.Of((DomainState)(int)bilan.State),
            CalendarDates.Format(bilan.PlannedStartDate),
            CalendarDates.Format(bilan.CreateTime));
    }
}
