namespace Bilan.Domain.Funding;

/// <summary>The content of a convention (R6313-8), as the provider drafts it.</summary>
public sealed record TripartiteConventionContent(
    string Title,
    string ObjectiveAndContent,
    string Means,
    decimal? DurationHours,
    DateOnly? PeriodStart,
    DateOnly? PeriodEnd,
    string ConductAndFollowUp,
    string ResultsHandover,
    decimal? PriceEuros,
    string PaymentTerms);
