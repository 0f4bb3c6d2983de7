using Bilan.Contracts.V1;
using Google.Type;
using BilanResource = Bilan.Contracts.V1.Bilan;

namespace Bilan.Server.Tests.TestSupport;

/// <summary>Valid requests that tests start from and change one thing in.</summary>
public static class Requests
{
    public const string HospitalSiret = "73282932000074";

    public static Beneficiary JobSeeker(string familyName = "Benali", string givenName = "Karim") => new()
    {
        GivenName = givenName,
        FamilyName = familyName,
        Email = $"{givenName}.{familyName}@example.org".ToLowerInvariant(),
        PublicCategory = PublicCategory.JobSeeker,
    };

    public static Beneficiary Employee(string familyName = "Martin", string givenName = "Camille", string siret = HospitalSiret)
    {
        var beneficiary = JobSeeker(familyName, givenName);
        beneficiary.PublicCategory = PublicCategory.Employee;
        beneficiary.Employer = new Employer { Siret = siret, DisplayName = "Centre hospitalier de Valence" };
        return beneficiary;
    }

    public static BilanResource Bilan(string beneficiaryName) => new()
    {
        Beneficiary = beneficiaryName,
        WorkingTime = WorkingTime.Outside,
        FundingSource = FundingSource.Cpf,
        PlannedHours = 24,
        PlannedStartDate = new Date { Year = 2027, Month = 1, Day = 11 },
        PlannedEndDate = new Date { Year = 2027, Month = 4, Day = 30 },
    };

    public static async Task<Beneficiary> CreateAsync(this BeneficiaryService.BeneficiaryServiceClient client, Beneficiary beneficiary) =>
        await client.CreateBeneficiaryAsync(new CreateBeneficiaryRequest { Beneficiary = beneficiary });

    /// <summary>A new job seeker (Karim Benali unless given) with a new bilan outside working time, funded by the CPF.</summary>
    public static async Task<BilanResource> NewBilanAsync(this ApiServer server, Beneficiary? beneficiary = null)
    {
        var created = await server.Beneficiaries.CreateAsync(beneficiary ?? JobSeeker());
        return await server.Bilans.CreateBilanAsync(new CreateBilanRequest { Bilan = Bilan(created.Name) });
    }
}
