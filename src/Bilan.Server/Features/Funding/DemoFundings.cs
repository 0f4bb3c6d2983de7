using Bilan.Domain.Bilans;
using Bilan.Domain.Funding;
using Bilan.Server.Features.Bilans.History;
using Dapper;
using Npgsql;

namespace Bilan.Server.Features.Funding;

/// <summary>
/// Funding lines on the demo bilans (scripts/run): a CPF dossier waiting for the provider's answer, one in training,
/// one done and paid; an employer's plan; OPCO Santé; France Travail; a person paying themself; a refusal.
/// </summary>
internal static class DemoFundings
{
    private const string SystemActor = "system";

    private const string BilanOfSql = """
        SELECT b.id, b.state FROM bilans b JOIN beneficiaries be ON be.id = b.beneficiary_id
        WHERE be.email = @Email AND b.state <> 9 ORDER BY b.create_time LIMIT 1
        """;

    private const string InsertSql = """
        INSERT INTO fundings (id, bilan_id, funder_type, funder_name, amount_cents, status, requested_date, decide_date, paid_date,
            reference, refusal_reason, funded_hours, edof_number, edof_receive_date, edof_state, edof_state_reason, edof_state_date,
            edof_answer_date, edof_proposal_date, edof_start_date, edof_end_date, edof_entry_date, edof_entry_declared_date,
            edof_exit_date, edof_exit_declared_date, version, create_time, update_time)
        VALUES (@Id, @BilanId, @FunderType, @FunderName, @AmountCents, @Status, @RequestedDate, @DecideDate, @PaidDate,
            @Reference, @RefusalReason, @FundedHours, @EdofNumber, @EdofReceiveDate, @EdofState, @EdofStateReason, @EdofStateDate,
            @EdofAnswerDate, @EdofProposalDate, @EdofStartDate, @EdofEndDate, @EdofEntryDate, @EdofEntryDeclaredDate,
            @EdofExitDate, @EdofExitDeclaredDate, @Version, @CreateTime, @UpdateTime)
        """;

    public static async Task SeedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = Domain.FrenchCalendar.DateOf(now);

        async Task AddAsync(string email, Func<Guid, FundingRecord> line)
        {
            var bilan = await connection.QuerySingleOrDefaultAsync<(Guid Id, short State)?>(new CommandDefinition(
                BilanOfSql, new { Email = email }, transaction, cancellationToken: cancellationToken));
            if (bilan is not { } found)
            {
                return;
            }

            var record = line(found.Id);
            await connection.ExecuteAsync(new CommandDefinition(InsertSql, record, transaction, cancellationToken: cancellationToken));
            var state = (BilanState)found.State;
            var created = new DateTimeOffset(record.RequestedDate.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
            var attributes = record.EventAttributes();
            attributes["funder_type"] = Domain.ApiNames.Of(record.Funder);
            attributes["amount_cents"] = record.AmountCents.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await EventLog.AppendAsync(connection, transaction, found.Id, BilanEventType.FundingCreated, SystemActor, created, state, state, attributes, cancellationToken);
            if (record.DecideDate is { } decided)
            {
                await EventLog.AppendAsync(connection, transaction, found.Id,
                    record.FundingStatus == FundingStatus.Refused ? BilanEventType.FundingRefused : BilanEventType.FundingAccepted,
                    SystemActor, new DateTimeOffset(decided.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero), state, state, record.EventAttributes(), cancellationToken);
            }

            if (record.PaidDate is { } paid)
            {
                var paidAttributes = record.EventAttributes();
                paidAttributes["paid_date"] = Domain.FrenchCalendar.Iso(paid);
                await EventLog.AppendAsync(connection, transaction, found.Id, BilanEventType.FundingPaid, SystemActor,
                    new DateTimeOffset(paid.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero), state, state, paidAttributes, cancellationToken);
            }

        }

        FundingRecord Line(Guid bilan, FunderType type, string name, long cents, FundingStatus status, DateOnly requested, DateOnly? decided,
            DateOnly? paid, string reference, int hours) =>
            new(Guid.CreateVersion7(now), bilan, (short)type, name, cents, (short)status, requested, decided, paid, reference,
                status == FundingStatus.Refused ? "Demande hors des critères de prise en charge de l'OPCO" : null, (short)hours,
                null, null, null, null, null, null, null, null, null, null, null, null, null, 1, now.UtcDateTime, now.UtcDateTime);

        // Camille Martin (requested): a CPF dossier received two days ago, waiting for the provider's answer.
        await AddAsync("camille.martin@example.org", bilan => Line(bilan, FunderType.Cpf, FundingRules.DefaultFunderName(FunderType.Cpf), 150_000,
            FundingStatus.Requested, today.AddDays(-2), null, null, "", 24) with
        {
            EdofNumber = "7812345678", EdofReceiveDate = today.AddDays(-2), EdofState = (short)EdofState.NotProcessed, EdofStateDate = today.AddDays(-2),
        });
        // Léa Fontaine (requested, hospital): OPCO Santé, asked.
        await AddAsync("lea.fontaine@example.org", bilan => Line(bilan, FunderType.Opco, FundingRules.DefaultOpco, 180_000,
            FundingStatus.Requested, today.AddDays(-6), null, null, "", 20));
        // Hélène Dubois (preliminary): CPF accepted, in training since the planned start.
        await AddAsync("helene.dubois@example.org", bilan => Line(bilan, FunderType.Cpf, FundingRules.DefaultFunderName(FunderType.Cpf), 160_000,
            FundingStatus.Accepted, today.AddDays(-60), today.AddDays(-50), null, "", 20) with
        {
            EdofNumber = "7823456789", EdofReceiveDate = today.AddDays(-60), EdofState = (short)EdofState.InTraining, EdofStateDate = today.AddDays(-9),
            EdofAnswerDate = today.AddDays(-59), EdofProposalDate = today.AddDays(-59), EdofStartDate = today.AddDays(-10),
            EdofEndDate = today.AddMonths(3), EdofEntryDate = today.AddDays(-10), EdofEntryDeclaredDate = today.AddDays(-9),
        });
        // Karim Benali (investigation, job seeker): France Travail (AIF) accepted.
        await AddAsync("karim.benali@example.org", bilan => Line(bilan, FunderType.FranceTravail, "France Travail", 190_000,
            FundingStatus.Accepted, today.AddDays(-55), today.AddDays(-45), null, "AIF-2026-0457", 24));
        // Sophie Lefèvre (conclusion, public agent): her employer's plan, accepted.
        await AddAsync("sophie.lefevre@example.org", bilan => Line(bilan, FunderType.EmployerPlan, "Mairie de Lyon", 180_000,
            FundingStatus.Accepted, today.AddDays(-90), today.AddDays(-80), null, "BC-2026-118", 18));
        // Julien Moreau (completed, self-employed): paid by himself.
        await AddAsync("julien.moreau@example.org", bilan => Line(bilan, FunderType.Personal, FundingRules.DefaultFunderName(FunderType.Personal), 140_000,
            FundingStatus.Paid, today.AddMonths(-4), today.AddMonths(-4), today.AddMonths(-1), "Virement du 12", 16));
        // Nathalie Garnier (closed): CPF, the whole EDOF life, service done validated and paid.
        var proposal = today.AddMonths(-12);
        await AddAsync("nathalie.garnier@example.org", bilan => Line(bilan, FunderType.Cpf, FundingRules.DefaultFunderName(FunderType.Cpf), 150_000,
            FundingStatus.Paid, proposal.AddDays(-1), proposal.AddDays(5), today.AddMonths(-7), "7834567890", 24) with
        {
            EdofNumber = "7834567890", EdofReceiveDate = proposal.AddDays(-1), EdofState = (short)EdofState.ServiceDoneValidated,
            EdofStateDate = today.AddMonths(-7).AddDays(-10), EdofAnswerDate = proposal, EdofProposalDate = proposal,
            EdofStartDate = today.AddMonths(-11), EdofEndDate = today.AddMonths(-8), EdofEntryDate = today.AddMonths(-11),
            EdofEntryDeclaredDate = EdofDeadlines.EntryDeclarationDeadline(today.AddMonths(-11)), EdofExitDate = today.AddMonths(-8),
            EdofExitDeclaredDate = EdofDeadlines.ExitDeclarationDeadline(today.AddMonths(-8)),
        });
        // Thomas Roux (abandoned): the OPCO refused.
        await AddAsync("thomas.roux@example.org", bilan => Line(bilan, FunderType.Opco, "OPCO 2i", 200_000,
            FundingStatus.Refused, today.AddMonths(-3), today.AddMonths(-3).AddDays(12), null, "", 24));
    }
}
