using Bilan.Domain.Beneficiaries;
using Bilan.Domain.Bilans;
using Bilan.Server.Features.Beneficiaries;
using Bilan.Server.Features.Bilans;
using Dapper;
using Npgsql;

namespace Bilan.Server.Data;

/// <summary>
/// Demo beneficiaries and bilans in several states, for <c>scripts/run</c>: written only into an empty
/// database, so that a second run keeps what the first one (and the user) wrote.
/// </summary>
public sealed partial class DemoData(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<DemoData> logger)
{
    public async Task SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Serialises concurrent starts: the second waits, then sees the first one's rows.
        await connection.ExecuteAsync(new CommandDefinition("LOCK TABLE beneficiaries IN EXCLUSIVE MODE", transaction: transaction, cancellationToken: cancellationToken));
        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM beneficiaries)", transaction: transaction, cancellationToken: cancellationToken)))
        {
            return;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var bilans = 0;
        foreach (var (details, states) in People(today))
        {
            var now = clock.Now();
            var beneficiary = new BeneficiaryRecord(Guid.CreateVersion7(now), details, 1, now, now);
            await BeneficiaryWrites.InsertAsync(connection, transaction, beneficiary, cancellationToken);
            foreach (var (state, plan) in states)
            {
                var created = clock.Now();
                var bilan = new BilanRecord(Guid.CreateVersion7(created), beneficiary.Id, state, plan, null, 1, created, created);
                await BilanWrites.InsertAsync(connection, transaction, bilan, cancellationToken);
                bilans++;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        LogSeeded(bilans);
    }

    private static IEnumerable<(BeneficiaryDetails Details, (BilanState State, BilanPlan Plan)[] Bilans)> People(DateOnly today)
    {
        var hospital = new Employer("73282932000074", "Centre hospitalier de Valence");
        var industry = new Employer("44306184100047", "Mécanique de l'Ouest SAS");
        var town = new Employer("21750001600019", "Mairie de Lyon");

        yield return (
            new BeneficiaryDetails("Camille", "Martin", "camille.martin@example.org", "06 12 34 56 78", PublicCategory.Employee, hospital, []),
            [(BilanState.Requested, Plan(WorkingTime.PartlyDuring, FundingSource.Cpf, 24, today.AddDays(70), today.AddMonths(5)))]);
        yield return (
            new BeneficiaryDetails("Hélène", "Dubois", "helene.dubois@example.org", "", PublicCategory.Employee, industry,
                [new SituationPeriod(SituationKind.ParentalLeave, today.AddMonths(-2), today.AddMonths(4), false)]),
            [(BilanState.Preliminary, Plan(WorkingTime.Outside, FundingSource.Cpf, 20, today.AddDays(-10), today.AddMonths(3)))]);
        yield return (
            new BeneficiaryDetails("Karim", "Benali", "karim.benali@example.org", "+33 7 98 76 54 32", PublicCategory.JobSeeker, null, []),
            [(BilanState.Investigation, Plan(WorkingTime.Outside, FundingSource.FranceTravail, 24, today.AddDays(-40), today.AddMonths(2)))]);
        yield return (
            new BeneficiaryDetails("Sophie", "Lefèvre", "sophie.lefevre@example.org", "", PublicCategory.PublicAgent, town,
                [new SituationPeriod(SituationKind.SickLeave, today.AddDays(-20), today.AddDays(10), true)]),
            [(BilanState.Conclusion, Plan(WorkingTime.During, FundingSource.EmployerPlan, 18, today.AddDays(-75), today.AddDays(15)))]);
        yield return (
            new BeneficiaryDetails("Julien", "Moreau", "julien.moreau@example.org", "", PublicCategory.SelfEmployed, null, []),
            [
                (BilanState.Completed, Plan(WorkingTime.Outside, FundingSource.Personal, 16, today.AddMonths(-4), today.AddMonths(-1))),
                (BilanState.Cancelled, Plan(WorkingTime.Outside, FundingSource.Cpf, 24, null, null)),
            ]);
        yield return (
            new BeneficiaryDetails("Nathalie", "Garnier", "nathalie.garnier@example.org", "", PublicCategory.PrivateIndividual, null, []),
            [(BilanState.Closed, Plan(WorkingTime.Outside, FundingSource.Cpf, 24, today.AddMonths(-11), today.AddMonths(-8)))]);
        yield return (
            new BeneficiaryDetails("Thomas", "Roux", "thomas.roux@example.org", "", PublicCategory.Employee, industry, []),
            [(BilanState.Abandoned, Plan(WorkingTime.During, FundingSource.Opco, 24, today.AddMonths(-3), today))]);
        yield return (
            new BeneficiaryDetails("Léa", "Fontaine", "lea.fontaine@example.org", "", PublicCategory.Employee, hospital,
                [new SituationPeriod(SituationKind.MaternityLeave, today.AddMonths(-1), today.AddMonths(2), false)]),
            [(BilanState.Requested, Plan(WorkingTime.Outside, FundingSource.Cpf, 20, today.AddMonths(3), today.AddMonths(6)))]);
    }

    private static BilanPlan Plan(WorkingTime workingTime, FundingSource funding, int hours, DateOnly? start, DateOnly? end) =>
        new(workingTime, funding, hours, start, end);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data written: 8 beneficiaries, {Bilans} bilans")]
    private partial void LogSeeded(int bilans);
}
