namespace Bilan.Domain.Quality;

/// <summary>
/// The provider's quality commitments (DOMAIN.md "policy" figures), in one place, settings <c>Bilan:Quality</c>.
/// Qualiopi (indicator 31) asks providers to handle complaints and answer them, without fixing the delays: these
/// are the provider's own commitments, counted in calendar days from the day the complaint was received.
/// </summary>
public sealed record QualityPolicy
{
    /// <summary>Days to acknowledge a complaint after it was received (policy, default 7 calendar days).</summary>
    public int AcknowledgeWithinDays { get; init; } = 7;

    /// <summary>Days to answer a complaint after it was received (policy, default 30 calendar days).</summary>
    public int AnswerWithinDays { get; init; } = 30;
}
