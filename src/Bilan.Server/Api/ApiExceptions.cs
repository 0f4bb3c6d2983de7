namespace Bilan.Server.Api;

/// <summary>The resource named in the request does not exist (NOT_FOUND).</summary>
public sealed class ResourceNotFoundException(string resourceName, string frenchMessage)
    : Exception($"{resourceName} does not exist.")
{
    public string ResourceName { get; } = resourceName;

    public string FrenchMessage { get; } = frenchMessage;
}

/// <summary>The resource changed since the caller read it: the etag sent is not the current one (ABORTED).</summary>
public sealed class StaleEtagException(string resourceName)
    : Exception($"{resourceName} was changed by someone else since it was read: read it again, then retry.")
{
    public string ResourceName { get; } = resourceName;
}
