using Bilan.Server.Api;
using Dapper;
using Npgsql;

namespace Bilan.Server.Features.Beneficiaries;

/// <summary>The statements that write a beneficiary and its situation periods.</summary>
internal static class BeneficiaryWrites
{
    private const string InsertSql = """
        INSERT INTO beneficiaries (id, given_name, family_name, email, phone, public_category,
                                   employer_siret, employer_name, version, create_time, update_time, organization_id)
        VALUES (@Id, @GivenName, @FamilyName, @Email, @Phone, @PublicCategory,
                @EmployerSiret, @EmployerName, @Version, @CreateTime, @UpdateTime, @OrganizationId)
        """;

    private const string UpdateSql = """
        UPDATE beneficiaries
        SET given_name = @GivenName, family_name = @FamilyName, email = @Email, phone = @Phone,
            public_category = @PublicCategory, employer_siret = @EmployerSiret, employer_name = @EmployerName,
            version = @Version, update_time = @UpdateTime, organization_id = @OrganizationId
        WHERE id = @Id AND version = @ExpectedVersion
        """;

    private const string DeleteSituationsSql = "DELETE FROM situation_periods WHERE beneficiary_id = @Id";

    private const string InsertSituationSql = """
        INSERT INTO situation_periods (beneficiary_id, position, kind, start_date, end_date, doctor_agreement)
        VALUES (@BeneficiaryId, @Position, @Kind, @StartDate, @EndDate, @DoctorAgreement)
        """;

    public static async Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, BeneficiaryRecord record, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, Parameters(record, expectedVersion: 0), transaction, cancellationToken: cancellationToken));
        await InsertSituationsAsync(connection, transaction, record, cancellationToken);
    }

    /// <summary>Writes <paramref name="record"/> over the row still at <paramref name="expectedVersion"/>, or ABORTED.</summary>
    public static async Task UpdateAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, BeneficiaryRecord record, int expectedVersion, bool replaceSituations, CancellationToken cancellationToken)
    {
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            UpdateSql, Parameters(record, expectedVersion), transaction, cancellationToken: cancellationToken));
        if (updated == 0)
        {
            throw new StaleEtagException(record.Name);
        }

        if (replaceSituations)
        {
            await connection.ExecuteAsync(new CommandDefinition(DeleteSituationsSql, new { record.Id }, transaction, cancellationToken: cancellationToken));
            await InsertSituationsAsync(connection, transaction, record, cancellationToken);
        }
    }

    private static async Task InsertSituationsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, BeneficiaryRecord record, CancellationToken cancellationToken)
    {
        var rows = record.Details.Situations.Select((s, i) => new
        {
            BeneficiaryId = record.Id,
            Position = (short)i,
            Kind = (short)s.Kind,
            StartDate = s.Start,
            EndDate = s.End,
            s.DoctorAgreement,
        });
        foreach (var row in rows)
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertSituationSql, row, transaction, cancellationToken: cancellationToken));
        }
    }

    private static object Parameters(BeneficiaryRecord record, int expectedVersion) => new
    {
        record.Id,
        record.Details.GivenName,
        record.Details.FamilyName,
        record.Details.Email,
        record.Details.Phone,
        PublicCategory = (short)record.Details.PublicCategory,
        EmployerSiret = record.Details.Employer?.Siret,
        EmployerName = record.Details.Employer?.DisplayName,
        record.Version,
        record.CreateTime,
        record.UpdateTime,
        record.OrganizationId,
        ExpectedVersion = expectedVersion,
    };
}
