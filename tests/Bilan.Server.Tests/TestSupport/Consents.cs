using Bilan.Contracts.V1;

namespace Bilan.Server.Tests.TestSupport;

/// <summary>The beneficiary's consent to the bilan (L6313-4), which StartBilan needs.</summary>
public static class Consents
{
    public static ConsentService.ConsentServiceClient ConsentsClient(this ApiServer server) => new(server.Channel);

    /// <summary>Records, as an administrator, that the beneficiary consented today by a signed paper form.</summary>
    public static async Task<BilanConsent> RecordConsentAsync(this ApiServer server, string bilanName, bool keepDocumentsForFollowUp = false)
    {
        var today = DateOnly.FromDateTime(server.Clock.GetUtcNow().UtcDateTime);
        return await server.ConsentsClient().RecordBilanConsentAsync(new RecordBilanConsentRequest
        {
            Name = bilanName,
            ConsentDate = new Google.Type.Date { Year = today.Year, Month = today.Month, Day = today.Day },
            Method = ConsentMethod.SignedPaper,
            KeepDocumentsForFollowUp = keepDocumentsForFollowUp,
        });
    }
}
