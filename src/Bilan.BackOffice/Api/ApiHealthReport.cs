namespace Bilan.BackOffice.Api;

/// <summary>The outcome of one health check of the API.</summary>
/// <param name="Status">What the back-office concluded.</param>
/// <param name="Message">The French sentence shown to staff, free of technical details.</param>
/// <param name="CheckedAt">When the check started.</param>
public sealed record ApiHealthReport(ApiHealthStatus Status, string Message, DateTimeOffset CheckedAt);
