using Bilan.Domain.Quality;
using Bilan.Server.Features.Bilans.History;
using Dapper;
using Npgsql;
using BilanEventType = Bilan.Domain.Bilans.BilanEventType;
using BilanState = Bilan.Domain.Bilans.BilanState;

namespace Bilan.Server.Features.Quality;

/// <summary>
/// Demo surveys (for the demo bilans that have ended) and complaints in every stage of their handling, one of them
/// late, so that <c>scripts/run</c> shows the quality pages, the indicators and the alerts with data.
/// </summary>
internal static class DemoQuality
{
    private const string SystemActor = "system";

    private const string EndedSql = """
        SELECT b.id, b.state FROM bilans b WHERE b.state IN (5, 6, 7, 8) ORDER BY b.create_time, b.id
        """;

    private const string InsertSurveySql = """
        INSERT INTO satisfaction_surveys (bilan_id, overall_score, welcome_score, consultant_score, methods_score, goals_score,
                                          comments, answer_date, recorded_by, version, create_time, update_time)
        VALUES (@BilanId, @OverallScore, @WelcomeScore, @ConsultantScore, @MethodsScore, @GoalsScore,
                @Comments, @AnswerDate, @RecordedBy, @Version, @CreateTime, @UpdateTime)
        """;

    private static readonly (int Overall, int Welcome, int Consultant, int Methods, int Goals, string Comments)[] Answers =
    [
        (5, 5, 5, 4, 5, "Un accompagnement très à l'écoute ; mon projet est clair."),
        (4, 4, 5, 3, 4, "Les tests étaient longs mais utiles."),
        (2, 3, 3, 2, 1, "J'ai dû arrêter : trop difficile à concilier avec mon nouveau poste."),
    ];

    public static async Task SeedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset now, QualityPolicy policy, CancellationToken cancellationToken)
    {
        var today = Domain.FrenchCalendar.DateOf(now);
        var ended = (await connection.QueryAsync<(Guid Id, short State)>(new CommandDefinition(EndedSql, transaction: transaction, cancellationToken: cancellationToken))).ToList();
        for (var i = 0; i < ended.Count && i < Answers.Length; i++)
        {
            var (bilanId, state) = ended[i];
            var (overall, welcome, consultant, methods, goals, comments) = Answers[i];
            var answered = now.AddDays(-3 - i);
            await connection.ExecuteAsync(new CommandDefinition(InsertSurveySql, new SurveyRecord(bilanId, (short)overall, (short)welcome,
                (short)consultant, (short)methods, (short)goals, comments, Domain.FrenchCalendar.DateOf(answered), SystemActor, 1,
                answered.UtcDateTime, answered.UtcDateTime), transaction, cancellationToken: cancellationToken));
            await EventLog.AppendAsync(connection, transaction, bilanId, BilanEventType.SatisfactionSurveyRecorded, SystemActor, answered,
                (BilanState)state, (BilanState)state, null, cancellationToken);
        }

        Guid? aboutBilan = ended.Count > 0 ? ended[0].Id : null;
        // Just received; received 10 days ago and not acknowledged (late); being handled; answered; rejected.
        await ComplaintAsync(today, ComplaintChannel.Email, Complainant.Beneficiary, "", aboutBilan, "Compte rendu non reçu",
            "Je n'ai pas reçu le compte rendu de mon dernier entretien.", ComplaintStatus.Received, null, null, "", "");
        await ComplaintAsync(today.AddDays(-10), ComplaintChannel.Phone, Complainant.Employer, "Centre hospitalier de Valence", null, "Facture erronée",
            "Le montant facturé ne correspond pas à la convention.", ComplaintStatus.Received, null, null, "", "");
        await ComplaintAsync(today.AddDays(-25), ComplaintChannel.Letter, Complainant.Beneficiary, "", null, "Entretiens reportés",
            "Deux entretiens ont été reportés la veille.", ComplaintStatus.InProgress, today.AddDays(-23), null, "", "");
        await ComplaintAsync(today.AddDays(-60), ComplaintChannel.WebForm, Complainant.Funder, "OPCO Santé", null, "Attestation manquante",
            "L'attestation de fin de bilan n'a pas été transmise.", ComplaintStatus.Resolved, today.AddDays(-58), today.AddDays(-45),
            "L'attestation a été envoyée le jour même ; nos excuses pour ce retard.",
            "Envoi de l'attestation ajouté à la liste de clôture de chaque bilan.");
        await ComplaintAsync(today.AddDays(-90), ComplaintChannel.Email, Complainant.Other, "", null, "Tarif jugé trop élevé",
            "Le tarif du bilan est plus élevé qu'ailleurs.", ComplaintStatus.Rejected, today.AddDays(-89), today.AddDays(-80),
            "Le tarif est celui de notre catalogue public, annoncé avant l'inscription.", "");

        async Task ComplaintAsync(DateOnly received, ComplaintChannel channel, Complainant complainant, string name, Guid? bilanId, string subject,
            string description, ComplaintStatus status, DateOnly? acknowledged, DateOnly? answered, string answer, string action)
        {
            var deadlines = ComplaintDeadlines.Of(received, policy);
            var morning = new DateTimeOffset(received.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
            var created = morning < now ? morning : now;
            var record = new ComplaintRecord(Guid.CreateVersion7(created), received, (short)channel, (short)complainant, name, bilanId, subject,
                description, (short)status, deadlines.AcknowledgeBy, deadlines.AnswerBy, acknowledged, answered, answer, action, 1,
                created.UtcDateTime, answered is null && acknowledged is null ? created.UtcDateTime : (answered ?? acknowledged)!.Value.ToDateTime(new TimeOnly(10, 0)));
            await ComplaintWrites.InsertAsync(connection, transaction, record, cancellationToken);
            if (bilanId is { } bilan)
            {
                var state = (BilanState)ended[0].State;
                await EventLog.AppendAsync(connection, transaction, bilan, BilanEventType.ComplaintReceived, SystemActor, created, state, state,
                    record.EventAttributes(), cancellationToken);
            }
        }
    }
}
