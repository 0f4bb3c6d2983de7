namespace Bilan.BackOffice.Api;

/// <summary>Where the back-office finds the Bilan gRPC API (configuration section <c>Bilan</c>).</summary>
public sealed class BilanApiOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Bilan";

    /// <summary>
    /// Address of the gRPC API (<c>Bilan:ApiUrl</c>). An <c>http://</c> address means HTTP/2 without TLS (h2c),
    /// which is what the API serves by default.
    /// </summary>
    public Uri ApiUrl { get; set; } = new("http://127.0.0.1:5001");
}
