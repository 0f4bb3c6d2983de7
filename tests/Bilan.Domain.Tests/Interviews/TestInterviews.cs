using System.Globalization;
using Bilan.Domain.Beneficiaries;
using Bilan.Domain.Interviews;

namespace Bilan.Domain.Tests.Interviews;

/// <summary>
/// Builds interviews and situation periods from short texts, so that a table row reads like the case it tests:
/// interviews as <c>"Investigation Held 480/390; Conclusion Scheduled 60"</c> (phase, status, planned minutes, then
/// held minutes after a slash: <c>-</c> for none; without a slash a held interview held what it planned);
/// situations as <c>"MaternityLeave 2026-04-01..2026-07-15; SickLeave 2026-04-01.. agreed"</c>.
/// </summary>
internal static class TestInterviews
{
    public static readonly DateTimeOffset DefaultStart = new(2026, 5, 4, 8, 0, 0, TimeSpan.Zero);

    public static Interview Make(
        InterviewPhase phase, InterviewStatus status, int plannedMinutes, int? heldMinutes = null, DateTimeOffset? start = null) =>
        new(Guid.NewGuid(), phase, start ?? DefaultStart, plannedMinutes, InterviewMode.OnSite, status, heldMinutes);

    public static Interview Held(InterviewPhase phase, int minutes) => Make(phase, InterviewStatus.Held, minutes, minutes);

    public static Interview[] Parse(string spec) =>
        [.. Items(spec).Select(ParseInterview)];

    public static SituationPeriod[] Situations(string spec) =>
        [.. Items(spec).Select(ParseSituation)];

    public static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private static string[] Items(string spec) =>
        spec.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static Interview ParseInterview(string item)
    {
        var parts = item.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var phase = Enum.Parse<InterviewPhase>(parts[0]);
        var status = Enum.Parse<InterviewStatus>(parts[1]);
        var minutes = parts[2].Split('/');
        var planned = int.Parse(minutes[0], CultureInfo.InvariantCulture);
        int? held = minutes.Length == 2
            ? (minutes[1] == "-" ? null : int.Parse(minutes[1], CultureInfo.InvariantCulture))
            : (status == InterviewStatus.Held ? planned : null);
        return Make(phase, status, planned, held);
    }

    private static SituationPeriod ParseSituation(string item)
    {
        var parts = item.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var dates = parts[1].Split("..");
        return new SituationPeriod(
            Enum.Parse<SituationKind>(parts[0]),
            Date(dates[0]),
            dates[1].Length == 0 ? null : Date(dates[1]),
            parts.Length > 2 && parts[2] == "agreed");
    }
}
