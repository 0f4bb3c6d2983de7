namespace Bilan.Server.Api;

/// <summary>The <c>google.rpc.ErrorInfo.domain</c> of every error this API returns.</summary>
public static class ErrorDomain
{
    public const string Name = "bilan.v1";

    /// <summary>Locale of the <c>LocalizedMessage</c> details: what back-office staff read.</summary>
    public const string FrenchLocale = "fr-FR";
}
