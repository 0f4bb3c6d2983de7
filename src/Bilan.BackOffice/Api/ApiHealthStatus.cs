namespace Bilan.BackOffice.Api;

/// <summary>The state of the Bilan API as the back-office sees it.</summary>
public enum ApiHealthStatus
{
    /// <summary>The API answered SERVING.</summary>
    Available,

    /// <summary>The API answered NOT_SERVING: it runs, but its database does not answer.</summary>
    Unavailable,

    /// <summary>The API answered without saying whether it serves (UNKNOWN, SERVICE_UNKNOWN).</summary>
    Unknown,

    /// <summary>The API could not be reached, did not answer in time, or failed the call.</summary>
    Unreachable,
}
