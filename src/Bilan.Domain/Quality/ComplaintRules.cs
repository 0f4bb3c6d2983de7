using Bilan.Domain.Errors;

namespace Bilan.Domain.Quality;

/// <summary>What is recorded of a complaint when it is received (or corrected).</summary>
public sealed record ComplaintDetails(
    DateOnly ReceivedDate, ComplaintChannel Channel, Complainant Complainant, string ComplainantName, string Subject, string Description);

/// <summary>The checks of a complaint's details and of the dates of its handling.</summary>
public static class ComplaintRules
{
    public const int MaxSubjectLength = 200;

    public const int MaxComplainantNameLength = 200;

    public const int MaxTextLength = 4000;

    /// <summary>Every bad field at once, named as in the API (<c>complaint.subject</c>).</summary>
    public static IReadOnlyList<FieldViolation> Check(ComplaintDetails details, DateOnly today, string prefix = "complaint.")
    {
        ArgumentNullException.ThrowIfNull(details);
        var checks = new FieldChecks();
        if (details.ReceivedDate != DateOnly.MinValue && details.ReceivedDate > today)
        {
            checks.Add(prefix + "received_date", "DATE_IN_FUTURE", "The day the complaint was received cannot be in the future (Paris calendar).",
                "La date de réception ne peut pas être dans le futur.");
        }

        checks.RequireDefined(prefix + "channel", details.Channel, "Le canal de réception");
        checks.RequireDefined(prefix + "complainant", details.Complainant, "L'auteur de la réclamation");
        checks.LimitLength(prefix + "complainant_name", details.ComplainantName, MaxComplainantNameLength, "Le nom de l'auteur");
        checks.RequireText(prefix + "subject", details.Subject, MaxSubjectLength, "L'objet");
        checks.RequireText(prefix + "description", details.Description, MaxTextLength, "La description");
        return checks.Violations;
    }

    /// <summary>
    /// The day of an acknowledgement or answer: today when not given; never in the future nor before the complaint was
    /// received (reported on <paramref name="field"/>).
    /// </summary>
    public static DateOnly HandlingDate(DateOnly? given, DateOnly receivedDate, DateOnly today, string field, FieldChecks checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var date = given ?? today;
        if (date > today)
        {
            checks.Add(field, "DATE_IN_FUTURE", "This date cannot be in the future (Paris calendar).", "Cette date ne peut pas être dans le futur.");
        }
        else if (date < receivedDate)
        {
            checks.Add(field, "BEFORE_RECEIVED_DATE", $"This date cannot be before the day the complaint was received ({receivedDate:yyyy-MM-dd}).",
                $"Cette date ne peut pas précéder la réception de la réclamation ({FrenchCalendar.Format(receivedDate)}).");
        }

        return date;
    }
}
