using System.Security.Claims;
using Bilan.BackOffice.Api;
using Bilan.BackOffice.Formatting;
using Bilan.BackOffice.Security;
using Bilan.Contracts.V1;
using Bilan.Domain;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using BilanMessage = Bilan.Contracts.V1.Bilan;
using BilanPolicy = Bilan.Domain.Bilans.BilanPolicy;
using Policy = Bilan.Contracts.V1.Policy;
using BilanState = Bilan.Domain.Bilans.BilanState;
using BilanTransition = Bilan.Domain.Bilans.BilanTransition;
using DomainEventType = Bilan.Domain.Bilans.BilanEventType;
using DomainPhase = Bilan.Domain.Interviews.InterviewPhase;
using DomainReason = Bilan.Domain.Bilans.AbandonReason;
using DomainMode = Bilan.Domain.Interviews.InterviewMode;
using DomainStatus = Bilan.Domain.Interviews.InterviewStatus;

namespace Bilan.BackOffice.Pages.Bilans;

/// <summary>
/// One bilan: its state and plan, consultant, the actions allowed now, interviews, hours, eligibility and history.
/// Every change is a POST form (antiforgery) followed by a redirect; a refusal shows the API's French message and
/// keeps what was typed; a stale etag (ABORTED) says someone else changed the bilan and offers a reload.
/// </summary>
public sealed class DetailModel(
    BilanService.BilanServiceClient bilans,
    InterviewService.InterviewServiceClient interviews,
    BeneficiaryService.BeneficiaryServiceClient beneficiaries,
    ConsultantService.ConsultantServiceClient consultants,
    PolicyService.PolicyServiceClient policies,
    TimeProvider clock,
    ILogger<DetailModel> logger) : PageModel
{
    /// <summary>The TempData key of the notice shown after a change.</summary>
    public const string NoticeKey = "bilan-notice";

    /// <summary>How many interviews and events one page of the API gives here (the API's maximum).</summary>
    public const int ListSize = 200;

    private static readonly Dictionary<string, string> ScheduleFields = new(StringComparer.Ordinal)
    {
        ["interview.start_time"] = "Planification.Debut",
        ["interview.duration_minutes"] = "Planification.Duree",
        ["interview.phase"] = "Planification.Phase",
        ["interview.mode"] = "Planification.Modalite",
    };

    private static readonly Dictionary<string, string> RescheduleFields = new(StringComparer.Ordinal)
    {
        ["start_time"] = "Deplacement.Debut",
        ["duration_minutes"] = "Deplacement.Duree",
        ["mode"] = "Deplacement.Modalite",
    };

    private static readonly Dictionary<string, string> OutcomeFields = new(StringComparer.Ordinal)
    {
        ["outcome"] = "Issue.Resultat",
        ["held_minutes"] = "Issue.Duree",
    };

    private static readonly Dictionary<string, string> TransitionFields = new(StringComparer.Ordinal)
    {
        ["reason"] = nameof(MotifAbandon),
        ["consultant"] = nameof(ConsultantChoisi),
    };

    /// <summary>The bilan's id, from the route.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>The etag the form was shown with; a stale one is refused with ABORTED.</summary>
    [BindProperty]
    public string? Etag { get; set; }

    /// <summary>The transition asked for (a <see cref="BilanTransition"/> name).</summary>
    [BindProperty]
    public string? Action { get; set; }

    /// <summary>Why the beneficiary stops (AbandonReason number), for an abandon.</summary>
    [BindProperty]
    public int? MotifAbandon { get; set; }

    /// <summary>The consultant chosen by an admin, <c>consultants/{id}</c>.</summary>
    [BindProperty]
    public string? ConsultantChoisi { get; set; }

    /// <summary>The interview a form acts on, <c>bilans/{id}/interviews/{id}</c>.</summary>
    [BindProperty]
    public string? Entretien { get; set; }

    /// <summary>That interview's etag.</summary>
    [BindProperty]
    public string? EntretienEtag { get; set; }

    /// <summary>The new interview typed.</summary>
    [BindProperty]
    public InterviewInput Planification { get; set; } = new();

    /// <summary>The new slot of a moved interview.</summary>
    [BindProperty]
    public InterviewInput Deplacement { get; set; } = new();

    /// <summary>The outcome of an interview.</summary>
    [BindProperty]
    public OutcomeInput Issue { get; set; } = new();

    /// <summary>The bilan, once read.</summary>
    public BilanMessage? Bilan { get; private set; }

    /// <summary>The beneficiary's name (or id when unknown).</summary>
    public string BeneficiaryName { get; private set; } = string.Empty;

    /// <summary>The consultant's name, « non attribué » when none.</summary>
    public string ConsultantName { get; private set; } = "non attribué";

    /// <summary>The active consultants an admin may assign.</summary>
    public IReadOnlyList<NamedItem> Consultants { get; private set; } = [];

    /// <summary>The transitions allowed now for this user.</summary>
    public IReadOnlyList<ActionView> Actions { get; private set; } = [];

    /// <summary>The interviews, in time order.</summary>
    public IReadOnlyList<InterviewRow> Interviews { get; private set; } = [];

    /// <summary>Held and planned hours against the minimum and maximum.</summary>
    public HoursGauge Gauge { get; private set; } = new(0, 0, null, BilanPolicy.MaximumHours);

    /// <summary>The eligibility verdict over the planned period, when it could be read.</summary>
    public EligibilityView? Eligibility { get; private set; }

    /// <summary>The history, oldest first.</summary>
    public IReadOnlyList<TimelineRow> Timeline { get; private set; } = [];

    /// <summary>The French message when the bilan could not be read at all.</summary>
    public string? LoadError { get; private set; }

    /// <summary>True when the last change was refused because someone else changed the bilan (ABORTED).</summary>
    public bool Stale { get; private set; }

    /// <summary>The notice of the last successful change.</summary>
    public string? Notice { get; private set; }

    /// <summary>The form that was refused (« transition », « consultant », « planifier », or an interview name), to show its errors beside it.</summary>
    public string? FailedForm { get; private set; }

    /// <summary>The user's role claim.</summary>
    public string? Role => User.FindFirst(ClaimTypes.Role)?.Value;

    /// <summary>Whether the user is an admin (assigns consultants).</summary>
    public bool IsAdmin => Role == SessionClaims.AdminRole;

    /// <summary>Whether the user changes interviews.</summary>
    public bool MayChangeInterviews => BilanActions.IsPractitioner(Role) && Bilan is not null;

    /// <summary>Whether a new interview may be planned now.</summary>
    public bool MaySchedule => Bilan is not null && BilanActions.MaySchedule(DomainState, Role);

    /// <summary>The state as the domain names it.</summary>
    public BilanState DomainState => Bilan is null ? BilanState.Unspecified : (BilanState)(int)Bilan.State;

    /// <summary>The state in French.</summary>
    public string StateLabel => FrenchNames.Of(DomainState);

    /// <summary>The phase the bilan is in, in French.</summary>
    public string PhaseLabel => DomainState switch
    {
        BilanState.Requested => "pas encore commencé",
        BilanState.Preliminary or BilanState.Investigation or BilanState.Conclusion => FrenchNames.Of(DomainState),
        BilanState.Completed or BilanState.FollowUp or BilanState.Closed => "les trois phases sont terminées",
        _ => "aucune (bilan arrêté)",
    };

    /// <summary>The bilan's id as a string, for links.</summary>
    public string BilanId => Id.ToString();

    private string ResourceName => $"bilans/{Id}";

    /// <summary>Shows the bilan.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Notice = TempData[NoticeKey] as string;
        await LoadAsync(cancellationToken);
        return Bilan is null && LoadError is null ? NotFound() : Page();
    }

    /// <summary>Performs a transition (StartBilan, ..., AbandonBilan, CancelBilan).</summary>
    public Task<IActionResult> OnPostTransitionAsync(CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<BilanTransition>(Action, ignoreCase: false, out var transition) || !Enum.IsDefined(transition))
        {
            ModelState.AddModelError(string.Empty, "Action inconnue : rechargez la page puis réessayez.");
            return RefusedAsync("transition", cancellationToken);
        }

        if (transition == BilanTransition.Abandon && MotifAbandon is null or <= 0)
        {
            ModelState.AddModelError(nameof(MotifAbandon), "Choisissez le motif de l'abandon.");
            return RefusedAsync("transition", cancellationToken);
        }

        var name = ResourceName;
        var etag = Etag ?? string.Empty;
        var requestId = Guid.NewGuid().ToString();
        return ChangeAsync("transition", TransitionFields, FrenchNames.Of(transition) + " : c'est fait.", transition switch
        {
            BilanTransition.Start => token => bilans.StartBilanAsync(new StartBilanRequest { Name = name, Etag = etag, RequestId = requestId }, cancellationToken: token).ResponseAsync,
            BilanTransition.StartInvestigation => token => bilans.StartInvestigationAsync(new StartInvestigationRequest { Name = name, Etag = etag, RequestId = requestId }, cancellationToken: token).ResponseAsync,
            BilanTransition.StartConclusion => token => bilans.StartConclusionAsync(new StartConclusionRequest { Name = name, Etag = etag, RequestId = requestId }, cancellationToken: token).ResponseAsync,
            BilanTransition.Complete => token => bilans.CompleteBilanAsync(new CompleteBilanRequest { Name = name, Etag = etag, RequestId = requestId }, cancellationToken: token).ResponseAsync,
            BilanTransition.StartFollowUp => token => bilans.StartFollowUpAsync(new StartFollowUpRequest { Name = name, Etag = etag, RequestId = requestId }, cancellationToken: token).ResponseAsync,
            BilanTransition.Close => token => bilans.CloseBilanAsync(new CloseBilanRequest { Name = name, Etag = etag, RequestId = requestId }, cancellationToken: token).ResponseAsync,
            BilanTransition.Abandon => token => bilans.AbandonBilanAsync(new AbandonBilanRequest { Name = name, Etag = etag, RequestId = requestId, Reason = (Contracts.V1.AbandonReason)MotifAbandon!.Value }, cancellationToken: token).ResponseAsync,
            _ => token => bilans.CancelBilanAsync(new CancelBilanRequest { Name = name, Etag = etag, RequestId = requestId }, cancellationToken: token).ResponseAsync,
        }, cancellationToken);
    }

    /// <summary>Assigns the consultant (admins): AssignConsultant when none, ReassignConsultant otherwise.</summary>
    public async Task<IActionResult> OnPostConsultantAsync(CancellationToken cancellationToken)
    {
        if (!ProtoNames.IsResourceName(ConsultantChoisi, "consultants"))
        {
            ModelState.AddModelError(nameof(ConsultantChoisi), "Choisissez le consultant.");
            return await RefusedAsync("consultant", cancellationToken);
        }

        BilanMessage current;
        try
        {
            current = await bilans.GetBilanAsync(new GetBilanRequest { Name = ResourceName }, cancellationToken: cancellationToken);
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            return await FailedAsync("consultant", exception, TransitionFields, cancellationToken);
        }

        var name = ResourceName;
        var etag = Etag ?? string.Empty;
        var consultant = ConsultantChoisi!;
        var requestId = Guid.NewGuid().ToString();
        return await ChangeAsync("consultant", TransitionFields, "Le consultant a été attribué.",
            string.IsNullOrEmpty(current.Consultant)
                ? token => bilans.AssignConsultantAsync(new AssignConsultantRequest { Name = name, Consultant = consultant, Etag = etag, RequestId = requestId }, cancellationToken: token).ResponseAsync
                : token => bilans.ReassignConsultantAsync(new ReassignConsultantRequest { Name = name, Consultant = consultant, Etag = etag, RequestId = requestId }, cancellationToken: token).ResponseAsync,
            cancellationToken);
    }

    /// <summary>Plans a new interview.</summary>
    public async Task<IActionResult> OnPostPlanifierAsync(CancellationToken cancellationToken)
    {
        if (!Planification.Check(ModelState, nameof(Planification), requirePhase: true))
        {
            return await RefusedAsync("planifier", cancellationToken);
        }

        var interview = new Interview
        {
            Phase = (InterviewPhase)Planification.Phase!.Value,
            StartTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(ParisTime.FromParis(Planification.Debut!.Value)),
            DurationMinutes = Planification.Duree!.Value,
            Mode = (InterviewMode)Planification.Modalite!.Value,
        };
        var request = new ScheduleInterviewRequest { Parent = ResourceName, Interview = interview, RequestId = Guid.NewGuid().ToString() };
        return await ChangeAsync("planifier", ScheduleFields, "L'entretien a été planifié.",
            token => interviews.ScheduleInterviewAsync(request, cancellationToken: token).ResponseAsync,
            cancellationToken);
    }

    /// <summary>Moves an interview.</summary>
    public async Task<IActionResult> OnPostDeplacerAsync(CancellationToken cancellationToken)
    {
        if (!IsOwnInterview(Entretien) || !Deplacement.Check(ModelState, nameof(Deplacement), requirePhase: false))
        {
            return await RefusedAsync(Entretien, cancellationToken);
        }

        var request = new RescheduleInterviewRequest
        {
            Name = Entretien!,
            StartTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(ParisTime.FromParis(Deplacement.Debut!.Value)),
            DurationMinutes = Deplacement.Duree!.Value,
            Mode = (InterviewMode)Deplacement.Modalite!.Value,
            Etag = EntretienEtag ?? string.Empty,
            RequestId = Guid.NewGuid().ToString(),
        };
        return await ChangeAsync(Entretien, RescheduleFields, "L'entretien a été déplacé.",
            token => interviews.RescheduleInterviewAsync(request, cancellationToken: token).ResponseAsync,
            cancellationToken);
    }

    /// <summary>Cancels an interview.</summary>
    public async Task<IActionResult> OnPostAnnulerEntretienAsync(CancellationToken cancellationToken)
    {
        if (!IsOwnInterview(Entretien))
        {
            return await RefusedAsync(Entretien, cancellationToken);
        }

        var request = new CancelInterviewRequest { Name = Entretien!, Etag = EntretienEtag ?? string.Empty, RequestId = Guid.NewGuid().ToString() };
        return await ChangeAsync(Entretien, OutcomeFields, "L'entretien a été annulé.",
            token => interviews.CancelInterviewAsync(request, cancellationToken: token).ResponseAsync,
            cancellationToken);
    }

    /// <summary>Records that an interview was held (with its duration) or missed.</summary>
    public async Task<IActionResult> OnPostIssueAsync(CancellationToken cancellationToken)
    {
        if (!IsOwnInterview(Entretien) || !Issue.Check(ModelState, nameof(Issue)))
        {
            return await RefusedAsync(Entretien, cancellationToken);
        }

        var held = Issue.Resultat == (int)InterviewStatus.Held;
        var request = new RecordInterviewOutcomeRequest
        {
            Name = Entretien!,
            Outcome = held ? InterviewStatus.Held : InterviewStatus.Missed,
            HeldMinutes = held ? Issue.Duree!.Value : 0,
            Etag = EntretienEtag ?? string.Empty,
            RequestId = Guid.NewGuid().ToString(),
        };
        return await ChangeAsync(Entretien, OutcomeFields, held ? "L'entretien est enregistré comme réalisé." : "L'entretien est enregistré comme manqué.",
            token => interviews.RecordInterviewOutcomeAsync(request, cancellationToken: token).ResponseAsync,
            cancellationToken);
    }

    private bool IsOwnInterview(string? interview)
    {
        if (interview is not null && interview.StartsWith(ResourceName + "/interviews/", StringComparison.Ordinal))
        {
            return true;
        }

        ModelState.AddModelError(string.Empty, "Entretien inconnu : rechargez la page puis réessayez.");
        return false;
    }

    private async Task<IActionResult> ChangeAsync(
        string? form, IReadOnlyDictionary<string, string> fields, string notice, Func<CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        try
        {
            await call(cancellationToken);
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            return await FailedAsync(form, exception, fields, cancellationToken);
        }

        TempData[NoticeKey] = notice;
        return RedirectToPage("/Bilans/Detail", new { id = Id });
    }

    private async Task<IActionResult> FailedAsync(string? form, RpcException exception, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken)
    {
        logger.LogInformation("Change of {Bilan} refused: {StatusCode}", ResourceName, exception.StatusCode);
        if (exception.StatusCode == Grpc.Core.StatusCode.Aborted)
        {
            Stale = true;
            ModelState.AddModelError(string.Empty,
                "Quelqu'un d'autre a modifié ce bilan entre-temps : votre action n'a pas été enregistrée. Rechargez la page pour voir sa version actuelle, puis recommencez si elle a toujours lieu d'être.");
        }
        else
        {
            FrenchErrorPresenter.AddTo(ModelState, exception, fields);
        }

        return await RefusedAsync(form, cancellationToken);
    }

    private async Task<IActionResult> RefusedAsync(string? form, CancellationToken cancellationToken)
    {
        FailedForm = form;
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Reads everything the page shows; a bilan the API does not give leaves <see cref="Bilan"/> null.</summary>
    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Bilan = await bilans.GetBilanAsync(new GetBilanRequest { Name = ResourceName }, cancellationToken: cancellationToken);
        }
        catch (RpcException exception) when (exception.StatusCode == Grpc.Core.StatusCode.NotFound && !cancellationToken.IsCancellationRequested)
        {
            Bilan = null;
            return;
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            LoadError = FrenchErrorPresenter.Present(exception).Message;
            return;
        }

        var bilan = Bilan;
        Actions = BilanActions.For(DomainState, Role);

        var consultantsTask = DirectoryLookups.ConsultantsAsync(consultants, cancellationToken);
        var namesTask = DirectoryLookups.BeneficiaryNamesAsync(beneficiaries, [bilan.Beneficiary], cancellationToken);
        var interviewsTask = InterviewsAsync(cancellationToken);
        var eventsTask = EventsAsync(cancellationToken);
        var eligibilityTask = EligibilityAsync(bilan, cancellationToken);
        var policyTask = PolicyAsync(cancellationToken);
        await Task.WhenAll(consultantsTask, namesTask, interviewsTask, eventsTask, eligibilityTask, policyTask);

        var allConsultants = await consultantsTask;
        var consultantNames = allConsultants.ToDictionary(c => c.Name, c => c.DisplayName, StringComparer.Ordinal);
        Consultants = [.. allConsultants.Where(c => c.Active)];
        ConsultantName = string.IsNullOrEmpty(bilan.Consultant)
            ? "non attribué"
            : consultantNames.GetValueOrDefault(bilan.Consultant) ?? ProtoNames.IdOf(bilan.Consultant);
        BeneficiaryName = (await namesTask).GetValueOrDefault(bilan.Beneficiary) ?? ProtoNames.IdOf(bilan.Beneficiary);

        var interviewList = await interviewsTask;
        Interviews = [.. interviewList.Select(InterviewRow.From)];
        Gauge = HoursGauge.Of(interviewList, await policyTask);
        Timeline = [.. (await eventsTask).Select(e => TimelineRow.From(e, consultantNames))];
        Eligibility = await eligibilityTask;
    }

    /// <summary>
    /// The policy in force on the server (minimum of effective accompaniment), or null when it cannot be read: the
    /// gauge then shows the hours without a minimum rather than the default one, which may not be the server's.
    /// </summary>
    private async Task<Policy?> PolicyAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await policies.GetPolicyAsync(new GetPolicyRequest(), cancellationToken: cancellationToken);
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The policy in force could not be read: {StatusCode}", exception.StatusCode);
            return null;
        }
    }

    private async Task<IReadOnlyList<Interview>> InterviewsAsync(CancellationToken cancellationToken)
    {
        try
        {
            var response = await interviews.ListInterviewsAsync(new ListInterviewsRequest { Parent = ResourceName, PageSize = ListSize }, cancellationToken: cancellationToken);
            return [.. response.Interviews];
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            ModelState.AddModelError("entretiens", FrenchErrorPresenter.Present(exception).Message);
            return [];
        }
    }

    private async Task<IReadOnlyList<BilanEvent>> EventsAsync(CancellationToken cancellationToken)
    {
        try
        {
            var response = await bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = ResourceName, PageSize = ListSize }, cancellationToken: cancellationToken);
            return [.. response.Events];
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            ModelState.AddModelError("historique", FrenchErrorPresenter.Present(exception).Message);
            return [];
        }
    }

    private async Task<EligibilityView?> EligibilityAsync(BilanMessage bilan, CancellationToken cancellationToken)
    {
        var start = bilan.PlannedStartDate is { Year: > 0 } s ? new DateOnly(s.Year, s.Month, s.Day) : ParisTime.Today(clock.GetUtcNow());
        var end = bilan.PlannedEndDate is { Year: > 0 } e ? new DateOnly(e.Year, e.Month, e.Day) : start.AddMonths(3);
        if (end < start)
        {
            end = start;
        }

        try
        {
            var response = await bilans.CheckEligibilityAsync(new CheckEligibilityRequest
            {
                Beneficiary = bilan.Beneficiary,
                StartDate = CalendarDates.ToProto(start),
                EndDate = CalendarDates.ToProto(end),
            }, cancellationToken: cancellationToken);
            return EligibilityView.Of(response, start, end);
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            return new EligibilityView(null, start.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
                end.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), [], FrenchErrorPresenter.Present(exception).Message);
        }
    }
}

/// <summary>An interview slot typed in a form (Paris wall-clock time).</summary>
public sealed class InterviewInput
{
    /// <summary>The phase (InterviewPhase number); only for a new interview.</summary>
    public int? Phase { get; set; }

    /// <summary>Day and time, Paris time, from <c>input type="datetime-local"</c>.</summary>
    public DateTime? Debut { get; set; }

    /// <summary>Planned length in minutes.</summary>
    public int? Duree { get; set; }

    /// <summary>On site or remote (InterviewMode number).</summary>
    public int? Modalite { get; set; }

    /// <summary>Adds a French message per missing field under <paramref name="prefix"/>; true when complete.</summary>
    public bool Check(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, string prefix, bool requirePhase)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var valid = true;
        if (requirePhase && Phase is null or <= 0)
        {
            modelState.AddModelError($"{prefix}.{nameof(Phase)}", "Choisissez la phase de l'entretien.");
            valid = false;
        }

        if (Debut is null)
        {
            modelState.AddModelError($"{prefix}.{nameof(Debut)}", "Indiquez la date et l'heure de l'entretien.");
            valid = false;
        }

        if (Duree is null or <= 0)
        {
            modelState.AddModelError($"{prefix}.{nameof(Duree)}", "Indiquez la durée prévue, en minutes.");
            valid = false;
        }

        if (Modalite is null or <= 0)
        {
            modelState.AddModelError($"{prefix}.{nameof(Modalite)}", "Choisissez la modalité : sur place ou à distance.");
            valid = false;
        }

        return valid;
    }
}

/// <summary>The outcome of an interview typed in a form.</summary>
public sealed class OutcomeInput
{
    /// <summary>Held or missed (InterviewStatus number).</summary>
    public int? Resultat { get; set; }

    /// <summary>Minutes actually held, for a held interview.</summary>
    public int? Duree { get; set; }

    /// <summary>Adds a French message per missing field under <paramref name="prefix"/>; true when complete.</summary>
    public bool Check(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, string prefix)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (Resultat != (int)InterviewStatus.Held && Resultat != (int)InterviewStatus.Missed)
        {
            modelState.AddModelError($"{prefix}.{nameof(Resultat)}", "Indiquez si l'entretien a eu lieu ou si le bénéficiaire ne s'est pas présenté.");
            return false;
        }

        if (Resultat == (int)InterviewStatus.Held && Duree is null or <= 0)
        {
            modelState.AddModelError($"{prefix}.{nameof(Duree)}", "Indiquez la durée réelle de l'entretien, en minutes.");
            return false;
        }

        return true;
    }
}

/// <summary>One interview as the detail page shows it.</summary>
public sealed record InterviewRow(
    string Name, string Key, string Etag, string Date, string Time, string LocalInput, int DurationMinutes, string Phase, string Mode,
    int ModeValue, string Status, bool IsScheduled, int HeldMinutes)
{
    /// <summary>Words an interview of the API: Paris day and time, French phase, mode and status.</summary>
    public static InterviewRow From(Interview interview)
    {
        ArgumentNullException.ThrowIfNull(interview);
        var start = interview.StartTime?.ToDateTimeOffset();
        var status = FrenchNames.Of((DomainStatus)(int)interview.Status);
        if (interview.Status == InterviewStatus.Held)
        {
            status += $" ({HoursGauge.Hours(interview.HeldMinutes)})";
        }

        return new InterviewRow(
            interview.Name,
            ProtoNames.IdOf(interview.Name),
            interview.Etag,
            start is { } d ? ParisTime.Date(d) : "—",
            start is { } t ? ParisTime.Time(t) : "—",
            start is { } l ? ParisTime.ToLocalInput(l) : string.Empty,
            interview.DurationMinutes,
            FrenchNames.Of((DomainPhase)(int)interview.Phase),
            FrenchNames.Of((DomainMode)(int)interview.Mode),
            (int)interview.Mode,
            status,
            interview.Status == InterviewStatus.Scheduled,
            interview.HeldMinutes);
    }
}

/// <summary>The eligibility verdict over a period, with every reason.</summary>
/// <param name="Eligible">True, false, or null when the API did not answer.</param>
/// <param name="From">First day, <c>dd/MM/yyyy</c>.</param>
/// <param name="To">Last day, <c>dd/MM/yyyy</c>.</param>
/// <param name="Reasons">Each situation overlapping the period, in French.</param>
/// <param name="Error">The French message when the API did not answer.</param>
public sealed record EligibilityView(bool? Eligible, string From, string To, IReadOnlyList<EligibilityReasonView> Reasons, string? Error = null)
{
    /// <summary>The verdict in French.</summary>
    public string Verdict => Eligible switch
    {
        true => "Le bilan peut avoir lieu sur cette période.",
        false => "Le bilan ne peut pas avoir lieu sur cette période.",
        _ => "Éligibilité inconnue.",
    };

    /// <summary>Words the API's answer.</summary>
    public static EligibilityView Of(CheckEligibilityResponse response, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(response);
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        return new EligibilityView(
            response.Eligible,
            from.ToString("dd/MM/yyyy", culture),
            to.ToString("dd/MM/yyyy", culture),
            [.. response.Reasons.Select(r => new EligibilityReasonView(
                r.Blocking,
                string.IsNullOrWhiteSpace(r.FrenchDescription) ? "Situation du bénéficiaire sur la période." : r.FrenchDescription))]);
    }
}

/// <summary>One reason of the verdict.</summary>
/// <param name="Blocking">Whether it forbids the bilan.</param>
/// <param name="Text">The French explanation.</param>
public sealed record EligibilityReasonView(bool Blocking, string Text);

/// <summary>One line of the history.</summary>
public sealed record TimelineRow(string Iso, string When, string Label, string Actor, string? StateChange, string? Detail)
{
    /// <summary>Words an event: Paris time, French label, the change of state and a few facts (never content).</summary>
    public static TimelineRow From(BilanEvent bilanEvent, IReadOnlyDictionary<string, string>? consultantNames = null)
    {
        ArgumentNullException.ThrowIfNull(bilanEvent);
        var time = bilanEvent.CreateTime?.ToDateTimeOffset();
        var stateChange = bilanEvent.PreviousState != bilanEvent.NewState
            ? $"{FrenchNames.Of((BilanState)(int)bilanEvent.PreviousState)} → {FrenchNames.Of((BilanState)(int)bilanEvent.NewState)}"
            : null;
        return new TimelineRow(
            time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
            time is { } t ? ParisTime.Format(t) : "—",
            FrenchNames.Of((DomainEventType)(int)bilanEvent.Type),
            ActorOf(bilanEvent.Actor),
            stateChange,
            DetailOf(bilanEvent, consultantNames));
    }

    private static string ActorOf(string actor) => actor switch
    {
        "system" or "" => "automatique",
        _ when actor.StartsWith("users/", StringComparison.Ordinal) => "un membre de l'équipe",
        _ when actor.StartsWith("organizations/", StringComparison.Ordinal) => "le logiciel RH de l'employeur",
        _ => actor,
    };

    private static string? DetailOf(BilanEvent bilanEvent, IReadOnlyDictionary<string, string>? consultantNames)
    {
        var attributes = bilanEvent.Attributes;
        switch ((DomainEventType)(int)bilanEvent.Type)
        {
            case DomainEventType.InterviewHeld when attributes.TryGetValue("held_minutes", out var held) && int.TryParse(held, out var minutes):
                return $"Durée réalisée : {HoursGauge.Hours(minutes)}";
            case DomainEventType.InterviewScheduled or DomainEventType.InterviewRescheduled
                when attributes.TryGetValue("start_time", out var start) && DateTimeOffset.TryParse(start, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var instant):
                return $"Le {ParisTime.Date(instant)} à {ParisTime.Time(instant)}";
            case DomainEventType.Abandoned when attributes.TryGetValue("reason", out var reason)
                && Enum.TryParse<DomainReason>(reason.Replace("ABANDON_REASON_", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var parsed):
                return $"Motif : {FrenchNames.Of(parsed)}";
            case DomainEventType.ConsultantAssigned or DomainEventType.ConsultantReassigned when attributes.TryGetValue("consultant", out var consultant):
                return $"Consultant : {consultantNames?.GetValueOrDefault(consultant) ?? ProtoNames.IdOf(consultant)}";
            case DomainEventType.Updated when attributes.TryGetValue("fields", out var fields):
                return $"Champs modifiés : {fields}";
            default:
                return null;
        }
    }
}
