using Bilan.Domain.Errors;
using Bilan.Domain.Funding;

namespace Bilan.Domain.Bilans;

/// <summary>
/// A CPF-funded bilan taking place, even partly, on working time starts only once the employer authorised it
/// (Code du travail D6323-4): the employee asks at least 60 days before the start, the employer answers within 30
/// days, and silence means acceptance (from day 31). Outside working time nothing is needed.
/// </summary>
/// <remarks>
/// Whether the request came in time is judged against the bilan's planned start date (today when it has none): a
/// bilan that starts earlier than planned, once the authorisation is granted or deemed granted, is not refused.
/// </remarks>
public sealed class WorkingTimeAuthorisationCondition : ITransitionCondition
{
    public const string Type = "WORKING_TIME_AUTHORIZATION_MISSING";

    public bool AppliesTo(BilanTransition transition) => transition == BilanTransition.Start;

    public IEnumerable<ConditionFailure> Check(BilanFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.FundingSource != FundingSource.Cpf || !CpfWorkingTimeAuthorisation.IsNeeded(facts.WorkingTime))
        {
            yield break;
        }

        var (english, french) = Why(facts);
        if (english is not null)
        {
            yield return new ConditionFailure(Type, "working_time_authorization",
                $"A CPF-funded bilan on working time needs the employer's authorisation (Code du travail D6323-4): {english}",
                $"Un bilan financé par le CPF sur le temps de travail exige l'autorisation de l'employeur (article D6323-4 du Code du travail) : {french}");
        }
    }

    private static (string? English, string French) Why(BilanFacts facts)
    {
        if (facts.WorkingTimeAuthorisation is not { } request)
        {
            return ("the employee's request is not recorded (WorkingTimeAuthorizationService.RequestWorkingTimeAuthorization).",
                "la demande du salarié n'est pas enregistrée.");
        }

        var status = CpfWorkingTimeAuthorisation.StatusOn(request, facts.PlannedStartDate ?? facts.Today, facts.Today);
        var deemed = CpfWorkingTimeAuthorisation.DeemedGrantedDate(request.RequestDate);
        return status.Kind switch
        {
            CpfAuthorisationStatusKind.Granted or CpfAuthorisationStatusKind.DeemedGranted => (null, ""),
            CpfAuthorisationStatusKind.AwaitingAnswer => (
                $"the employer has not answered yet; without an answer it is deemed granted from {deemed:yyyy-MM-dd}.",
                $"l'employeur n'a pas encore répondu ; sans réponse, l'autorisation est réputée accordée à partir du {FrenchCalendar.Format(deemed)}."),
            CpfAuthorisationStatusKind.Refused => ("the employer refused it.", "l'employeur l'a refusée."),
            _ => (
                $"the request was made fewer than {CpfWorkingTimeAuthorisation.MinimumDaysBeforeStart} days before the start, so only the employer's explicit agreement counts.",
                $"la demande a été faite moins de {CpfWorkingTimeAuthorisation.MinimumDaysBeforeStart} jours avant le début : seul un accord exprès de l'employeur vaut autorisation."),
        };
    }
}
