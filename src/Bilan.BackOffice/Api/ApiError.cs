namespace Bilan.BackOffice.Api;

/// <summary>An API error as a page shows it: French only, no technical detail.</summary>
/// <param name="Message">The French sentence shown above the form or list.</param>
/// <param name="FieldMessages">French messages per page property name (from the BadRequest field violations).</param>
/// <param name="Reason">The ErrorInfo reason (for example <c>ACCOUNT_LOCKED</c>), empty when absent; for logic, never shown.</param>
/// <param name="FromApi">True when <paramref name="Message"/> is the API's own fr-FR LocalizedMessage.</param>
public sealed record ApiError(
    string Message,
    IReadOnlyDictionary<string, string> FieldMessages,
    string Reason,
    bool FromApi);
