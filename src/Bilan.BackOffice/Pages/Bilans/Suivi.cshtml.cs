using System.ComponentModel.DataAnnotations;
using Bilan.BackOffice.Api;
using Bilan.BackOffice.Formatting;
using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;

namespace Bilan.BackOffice.Pages.Bilans;

/// <summary>
/// The follow-up interview (entretien de suivi, R6313-4 3°) proposed when the bilan completes: its proposed date,
/// the delay after the completion (adjustable), where it stands, and the beneficiary's decline. The interview itself
/// is scheduled from the bilan's page (phase « Entretien de suivi »). The API owns every rule and who may change it.
/// </summary>
public sealed class SuiviModel(
    FollowUpService.FollowUpServiceClient followUps,
    BilanService.BilanServiceClient bilans,
    BeneficiaryService.BeneficiaryServiceClient beneficiaries,
    ILogger<SuiviModel> logger) : BilanResourcePageModel(bilans, beneficiaries, logger)
{
    private static readonly Dictionary<string, string> DelayFields = new(StringComparer.Ordinal)
    {
        ["follow_up.delay_months"] = "Delai.Mois",
    };

    private static readonly Dictionary<string, string> DeclineFields = new(StringComparer.Ordinal)
    {
        ["declined_date"] = "Declin.Date",
    };

    /// <summary>The delay typed.</summary>
    [BindProperty]
    public DelayInput Delai { get; set; } = new();

    /// <summary>The decline typed.</summary>
    [BindProperty]
    public DeclineInput Declin { get; set; } = new();

    /// <summary>The follow-up as the API returned it; null before the bilan is completed or when it could not be read.</summary>
    public FollowUp? FollowUp { get; private set; }

    /// <summary>Why there is no follow-up yet (the API's French words for NOT_FOUND).</summary>
    public string? NoFollowUp { get; private set; }

    /// <summary>Whether the forms are worth showing: the follow-up is neither held nor declined.</summary>
    public bool Open => FollowUp?.State is FollowUpState.Proposed or FollowUpState.Scheduled;

    public override string Name => $"bilans/{Id}/followUp";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (FollowUp is { } followUp)
        {
            Etag = followUp.Etag;
            Delai.Mois = followUp.DelayMonths;
            Declin.Date = CalendarDates.ToDateOnly(followUp.DeclinedDate);
        }

        return Page();
    }

    /// <summary>Changes the delay after the completion, which moves the proposed date.</summary>
    public Task<IActionResult> OnPostDelaiAsync(CancellationToken cancellationToken) =>
        ChangeAsync(() => followUps.UpdateFollowUpAsync(new UpdateFollowUpRequest
        {
            FollowUp = new FollowUp { Name = Name, DelayMonths = Delai.Mois ?? 0, Etag = Etag ?? string.Empty },
            RequestId = Delai.RequestId ?? string.Empty,
        }, cancellationToken: cancellationToken).ResponseAsync, DelayFields, cancellationToken);

    /// <summary>Records that the beneficiary declined the follow-up interview.</summary>
    public Task<IActionResult> OnPostDeclinAsync(CancellationToken cancellationToken) =>
        ChangeAsync(() => followUps.DeclineFollowUpAsync(new DeclineFollowUpRequest
        {
            Name = Name,
            DeclinedDate = CalendarDates.ToProto(Declin.Date),
            Etag = Etag ?? string.Empty,
            RequestId = Declin.RequestId ?? string.Empty,
        }, cancellationToken: cancellationToken).ResponseAsync, DeclineFields, cancellationToken);

    protected override async Task ReadAsync(CancellationToken cancellationToken)
    {
        Delai.RequestId ??= Guid.NewGuid().ToString();
        Declin.RequestId ??= Guid.NewGuid().ToString();
        try
        {
            FollowUp = await followUps.GetFollowUpAsync(new GetFollowUpRequest { Name = Name }, cancellationToken: cancellationToken);
        }
        catch (RpcException exception) when (exception.StatusCode == Grpc.Core.StatusCode.NotFound)
        {
            // Not proposed yet (the bilan is not completed), or a bilan out of reach: the API's words say which.
            NoFollowUp = FrenchErrorPresenter.Present(exception).Message;
        }
    }

    /// <summary>The delay between the completion and the follow-up interview.</summary>
    public sealed class DelayInput
    {
        [Display(Name = "Délai après la fin du bilan (en mois, de 1 à 12)")]
        public int? Mois { get; set; }

        /// <summary>The request_id of this form, so that a double submission changes it once.</summary>
        public string? RequestId { get; set; }
    }

    /// <summary>The beneficiary's decline.</summary>
    public sealed class DeclineInput
    {
        [Display(Name = "Date à laquelle le bénéficiaire a décliné")]
        public DateOnly? Date { get; set; }

        /// <summary>The request_id of this form, so that a double submission records it once.</summary>
        public string? RequestId { get; set; }
    }
}
