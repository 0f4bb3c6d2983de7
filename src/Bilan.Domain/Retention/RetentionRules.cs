namespace Bilan.Domain.Retention;

/// <summary>Why documents of an ended bilan are kept (Code du travail R6313-7, decree 2023-1350). Stored numbers.</summary>
public enum RetentionReason
{
    Unspecified = 0,

    /// <summary>The synthesis was sent to the beneficiary's CEP operator: the synthesis alone is kept.</summary>
    CepOperator = 1,

    /// <summary>The beneficiary agreed in writing to have documents kept for the follow-up of their situation.</summary>
    FollowUpAgreement = 2,
}

/// <summary>The working documents of a bilan that the retention rule is about.</summary>
[Flags]
public enum BilanDocuments
{
    None = 0,
    Synthesis = 1,
    InterviewNotes = 2,
    All = Synthesis | InterviewNotes,
}

/// <summary>
/// What happens to a bilan's documents when it ends: <see cref="Destroyed"/> now, <see cref="Kept"/> until
/// <see cref="RetainUntil"/> (then destroyed), for <see cref="Reason"/>.
/// </summary>
public sealed record RetentionDecision(BilanDocuments Destroyed, BilanDocuments Kept, RetentionReason Reason, DateOnly? RetainUntil)
{
    public bool KeepsAnything => Kept != BilanDocuments.None;
}

/// <summary>
/// Code du travail R6313-7 (decree 2023-1350): the documents produced for a bilan are destroyed by the provider
/// when it ends. Two exceptions, kept at most 3 years: the synthesis when it was sent to the CEP operator, and the
/// documents the beneficiary agreed in writing to have kept for the follow-up of their situation.
/// </summary>
public static class RetentionRules
{
    /// <summary>The legal maximum of retention after the end of the bilan, in years (R6313-7).</summary>
    public const int MaximumYears = 3;

    /// <summary>
    /// The decision when a bilan ends on <paramref name="endDate"/> (Paris date). With the written agreement, every
    /// document is kept (it covers the synthesis too); with only the sending to the CEP operator, the synthesis is
    /// kept and the interview notes destroyed; otherwise everything is destroyed. <paramref name="retentionYears"/>
    /// is the provider's policy, never more than the legal 3 years.
    /// </summary>
    public static RetentionDecision AtEnd(DateOnly endDate, bool synthesisSentToCepOperator, bool keepAgreementInWriting, int retentionYears)
    {
        var years = Math.Clamp(retentionYears, 0, MaximumYears);
        var (kept, reason) = (keepAgreementInWriting, synthesisSentToCepOperator) switch
        {
            (true, _) => (BilanDocuments.All, RetentionReason.FollowUpAgreement),
            (false, true) => (BilanDocuments.Synthesis, RetentionReason.CepOperator),
            _ => (BilanDocuments.None, RetentionReason.Unspecified),
        };
        if (kept == BilanDocuments.None || years == 0)
        {
            return new RetentionDecision(BilanDocuments.All, BilanDocuments.None, RetentionReason.Unspecified, null);
        }

        return new RetentionDecision(BilanDocuments.All & ~kept, kept, reason, endDate.AddYears(years));
    }

    /// <summary>
    /// Whether kept documents must now be destroyed: the retention ends on <paramref name="retainUntil"/>, so on that
    /// Paris day and after they are no longer kept ("at most 3 years").
    /// </summary>
    public static bool IsOver(DateOnly retainUntil, DateOnly today) => today >= retainUntil;

    /// <summary>
    /// Whether a legal retention still runs on <paramref name="today"/>: the person's data may not be erased before
    /// the documents are destroyed (GDPR art. 17(3)(b), a legal obligation).
    /// </summary>
    public static bool IsRunning(DateOnly? retainUntil, DateOnly today) => retainUntil is { } until && !IsOver(until, today);

    /// <summary>The API names of <paramref name="documents"/> (<c>synthesis</c>, <c>interview_notes</c>), comma separated.</summary>
    public static string Names(BilanDocuments documents) => string.Join(",", new[]
    {
        documents.HasFlag(BilanDocuments.Synthesis) ? "synthesis" : null,
        documents.HasFlag(BilanDocuments.InterviewNotes) ? "interview_notes" : null,
    }.OfType<string>());
}
