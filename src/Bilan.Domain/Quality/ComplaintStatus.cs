namespace Bilan.Domain.Quality;

/// <summary>Where the handling of a complaint stands (same numbers as the API's ComplaintStatus).</summary>
public enum ComplaintStatus
{
    Unspecified = 0,
    Received = 1,
    Acknowledged = 2,
    InProgress = 3,
    Resolved = 4,
    Rejected = 5,
}
