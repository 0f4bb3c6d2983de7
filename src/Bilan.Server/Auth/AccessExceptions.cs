namespace Bilan.Server.Auth;

/// <summary>No valid credential came with the call (UNAUTHENTICATED): missing, unknown, expired or revoked.</summary>
public sealed class UnauthenticatedException(string reason, string message, string frenchMessage, IReadOnlyDictionary<string, string>? metadata = null)
    : Exception(message)
{
    public string Reason { get; } = reason;

    public string FrenchMessage { get; } = frenchMessage;

    public IReadOnlyDictionary<string, string> Metadata { get; } = metadata ?? new Dictionary<string, string>();
}

/// <summary>The caller is known but not allowed to do this (PERMISSION_DENIED).</summary>
public sealed class PermissionDeniedException(string reason, string message, string frenchMessage) : Exception(message)
{
    public string Reason { get; } = reason;

    public string FrenchMessage { get; } = frenchMessage;
}
