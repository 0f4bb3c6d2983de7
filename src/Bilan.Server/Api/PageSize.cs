using Bilan.Domain.Errors;

namespace Bilan.Server.Api;

/// <summary>Page sizes of list methods (AIP-158): 0 means the default; above the maximum is lowered to it.</summary>
public static class PageSize
{
    public const int Default = 50;
    public const int Maximum = 200;

    public static int Resolve(int requested) => requested switch
    {
        < 0 => throw new InvalidFieldsException([
            new FieldViolation("page_size", "NEGATIVE", "Must not be negative.", "La taille de page ne peut pas être négative.")]),
        0 => Default,
        > Maximum => Maximum,
        _ => requested,
    };
}
