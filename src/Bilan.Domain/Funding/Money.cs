using System.Globalization;

namespace Bilan.Domain.Funding;

/// <summary>Amounts in euro cents, written for integrators (<c>1,600.00 EUR</c>) and for staff (<c>1 600,00 €</c>).</summary>
public static class Money
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string English(long cents) => (cents / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture) + " EUR";

    /// <summary>French grouping (a narrow no-break space in .NET's fr-FR) and decimal comma.</summary>
    public static string FrenchText(long cents) => (cents / 100m).ToString("#,##0.00", French) + " €";
}
