namespace Bilan.Server.Api;

/// <summary>
/// The request would create a second resource where only one may exist (ALREADY_EXISTS): the resource itself,
/// or another of its <paramref name="resourceType"/> holding the value of <paramref name="field"/>, which must be
/// unique. The value itself is not repeated in the error.
/// </summary>
public sealed class AlreadyExistsException(string resourceType, string field, string message, string frenchMessage)
    : Exception(message)
{
    /// <summary>The collection concerned, <c>consultants</c>.</summary>
    public string ResourceType { get; } = resourceType;

    /// <summary>The request field whose value is already taken (<c>consultant.email</c>), or <c>name</c>.</summary>
    public string Field { get; } = field;

    public string FrenchMessage { get; } = frenchMessage;
}
