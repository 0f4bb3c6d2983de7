using Bilan.Contracts.V1;
using Google.Type;

namespace Bilan.Server.Tests.TestSupport;

/// <summary>Funding lines tests start from.</summary>
public static class Fundings
{
    /// <summary>A CPF line of 1,500 EUR for 20 hours, requested on <paramref name="requested"/> (today by default), with an EDOF dossier received that day when asked.</summary>
    public static Funding Cpf(Date? requested = null, bool withDossier = false, long amountCents = 150_000, int hours = 20)
    {
        var funding = new Funding { FunderType = FunderType.Cpf, AmountCents = amountCents, FundedHours = hours, RequestedDate = requested };
        if (withDossier)
        {
            funding.EdofDossier = new EdofDossier { DossierNumber = NewDossierNumber(), ReceiveDate = requested ?? Today };
        }

        return funding;
    }

    public static Funding Opco(long amountCents = 180_000) => new() { FunderType = FunderType.Opco, AmountCents = amountCents };

    public static Funding EmployerPlan(long amountCents = 200_000) =>
        new() { FunderType = FunderType.EmployerPlan, FunderName = "Centre hospitalier de Valence", AmountCents = amountCents };

    /// <summary>The test servers' first day (ApiServer.Start, 27 November 2026, a Friday) in Paris.</summary>
    public static Date Today => Day(2026, 11, 27);

    public static Date Day(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    public static string NewDossierNumber() => $"EDOF-{Guid.NewGuid():N}"[..20];

    public static FundingService.FundingServiceClient FundingClient(this ApiServer server) => new(server.Channel);

    /// <summary>The admin adds <paramref name="funding"/> to <paramref name="bilan"/>.</summary>
    public static async Task<Funding> AddFundingAsync(this ApiServer server, string bilan, Funding funding) =>
        await server.FundingClient().CreateFundingAsync(new CreateFundingRequest { Parent = bilan, Funding = funding });
}
