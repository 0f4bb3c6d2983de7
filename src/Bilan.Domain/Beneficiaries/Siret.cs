namespace Bilan.Domain.Beneficiaries;

/// <summary>The SIRET number of a French establishment: 9-digit SIREN + 5-digit NIC, Luhn checksum.</summary>
public static class Siret
{
    // La Poste's establishments share SIREN 356000000 and are too many for the Luhn key: INSEE
    // checks them by the sum of their digits being a multiple of 5 instead.
    private const string LaPosteSiren = "356000000";

    public static bool IsValid(string value)
    {
        if (value.Length != 14 || !value.All(char.IsAsciiDigit))
        {
            return false;
        }

        if (value.StartsWith(LaPosteSiren, StringComparison.Ordinal) && value != "35600000000048")
        {
            return value.Sum(c => c - '0') % 5 == 0;
        }

        return LuhnSum(value) % 10 == 0;
    }

    private static int LuhnSum(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return sum;
    }
}
