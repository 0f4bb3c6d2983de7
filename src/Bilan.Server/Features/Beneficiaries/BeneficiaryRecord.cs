using Bilan.Domain.Beneficiaries;
using Bilan.Server.Api;
using Dapper;
using Npgsql;
using Employer = Bilan.Domain.Beneficiaries.Employer;
using SituationPeriod = Bilan.Domain.Beneficiaries.SituationPeriod;

namespace Bilan.Server.Features.Beneficiaries;

/// <summary>A beneficiary as stored: its row and its situation periods, read together.</summary>
internal sealed record BeneficiaryRecord(
    Guid Id, BeneficiaryDetails Details, int Version, DateTimeOffset CreateTime, DateTimeOffset UpdateTime, Guid? OrganizationId = null)
{
    public const string Collection = "beneficiaries";

    public string Name => ResourceName.Format(Collection, Id);

    /// <summary>The columns every read selects, in <see cref="BeneficiaryRow"/>'s order.</summary>
    public const string Columns =
        "id, given_name, family_name, email, phone, public_category, employer_siret, employer_name, version, create_time, update_time, organization_id";

    private const string SituationsSql = """
        SELECT beneficiary_id, kind, start_date, end_date, doctor_agreement
        FROM situation_periods
        WHERE beneficiary_id = ANY(@Ids)
        ORDER BY beneficiary_id, position
        """;

    /// <summary>Completes rows with their situation periods, in one query whatever the number of rows.</summary>
    public static async Task<IReadOnlyList<BeneficiaryRecord>> LoadAsync(
        NpgsqlConnection connection, IReadOnlyList<BeneficiaryRow> rows, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var situations = (await connection.QueryAsync<SituationRow>(new CommandDefinition(
                SituationsSql, new { Ids = rows.Select(r => r.Id).ToArray() }, transaction, cancellationToken: cancellationToken)))
            .ToLookup(s => s.BeneficiaryId, s => new SituationPeriod((SituationKind)s.Kind, s.StartDate, s.EndDate, s.DoctorAgreement));
        return rows.Select(row => row.ToRecord(situations[row.Id].ToList())).ToList();
    }

    internal sealed record SituationRow(Guid BeneficiaryId, short Kind, DateOnly StartDate, DateOnly? EndDate, bool DoctorAgreement);
}

/// <summary>One row of <c>beneficiaries</c>.</summary>
internal sealed record BeneficiaryRow(
    Guid Id,
    string GivenName,
    string FamilyName,
    string Email,
    string Phone,
    short PublicCategory,
    string? EmployerSiret,
    string? EmployerName,
    int Version,
    DateTime CreateTime,
    DateTime UpdateTime,
    Guid? OrganizationId)
{
    public BeneficiaryRecord ToRecord(IReadOnlyList<SituationPeriod> situations) => new(
        Id,
        new BeneficiaryDetails(
            GivenName,
            FamilyName,
            Email,
            Phone,
            (Domain.Beneficiaries.PublicCategory)PublicCategory,
            EmployerSiret is null ? null : new Employer(EmployerSiret, EmployerName ?? ""),
            situations),
        Version,
        new DateTimeOffset(CreateTime, TimeSpan.Zero),
        new DateTimeOffset(UpdateTime, TimeSpan.Zero),
        OrganizationId);
}
