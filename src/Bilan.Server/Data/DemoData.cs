using Bilan.Domain.Beneficiaries;
using Bilan.Domain.Bilans;
using Bilan.Domain.Consultants;
using Bilan.Server.Api;
using Bilan.Server.Features.Beneficiaries;
using Bilan.Server.Features.Bilans;
using Bilan.Server.Features.Bilans.History;
using Bilan.Server.Features.Consultants;
using Bilan.Server.Features.Identity;
using Bilan.Server.Features.Interviews;
using Bilan.Server.Features.Organizations;
using Dapper;
using Npgsql;
using Interview = Bilan.Domain.Interviews.Interview;
using InterviewMode = Bilan.Domain.Interviews.InterviewMode;
using InterviewPhase = Bilan.Domain.Interviews.InterviewPhase;
using InterviewStatus = Bilan.Domain.Interviews.InterviewStatus;

namespace Bilan.Server.Data;

/// <summary>
/// Demo consultants, beneficiaries and bilans in every state, each bilan with the interviews and the history it
/// would have had, for <c>scripts/run</c>. Written only into an empty database, so that a second run keeps what
/// the first one (and the user) wrote.
/// </summary>
public sealed partial class DemoData(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<DemoData> logger)
{
    private static readonly TimeSpan Step = TimeSpan.FromDays(7);

    public async Task SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Serialises concurrent starts: the second waits, then sees the first one's rows.
        await connection.ExecuteAsync(new CommandDefinition("LOCK TABLE beneficiaries IN EXCLUSIVE MODE", transaction: transaction, cancellationToken: cancellationToken));
        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM beneficiaries)", transaction: transaction, cancellationToken: cancellationToken)))
        {
            await SeedLoginsIfNoneAsync(connection, transaction, cancellationToken);
            return;
        }

        var writer = new Writer(connection, transaction, clock.Now(), cancellationToken);
        var claire = await writer.ConsultantAsync("Claire Dupont", "claire.dupont@example.org", active: true);
        var marc = await writer.ConsultantAsync("Marc Lefebvre", "marc.lefebvre@example.org", active: true);
        await writer.ConsultantAsync("Amina Haddad", "amina.haddad@example.org", active: false);
        // The demo logins (printed by scripts/run): an admin, Claire Dupont as a consultant, and support.
        await DemoAccounts.SeedAsync(connection, transaction, writer.Now, claire, cancellationToken);
        // The hospital's HR software, whose employees' beneficiaries and bilans it may read.
        var (hospitalOrganization, _) = await DemoOrganizations.SeedAsync(connection, transaction, writer.Now, cancellationToken);

        var today = DateOnly.FromDateTime(writer.Now.UtcDateTime);
        var bilans = 0;
        foreach (var (details, demoBilans) in People(today))
        {
            var organization = details.Employer?.Siret == DemoOrganizations.Siret ? hospitalOrganization : (Guid?)null;
            var beneficiary = await writer.BeneficiaryAsync(details, organization);
            foreach (var (state, plan, byClaire) in demoBilans)
            {
                await writer.BilanAsync(beneficiary, plan, state, state == BilanState.Cancelled ? null : byClaire ? claire : marc);
                bilans++;
            }
        }

        await Features.Funding.DemoFundings.SeedAsync(connection, transaction, writer.Now, cancellationToken);
        await Features.Quality.DemoQuality.SeedAsync(connection, transaction, writer.Now, new Domain.Quality.QualityPolicy(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogSeeded(bilans);
    }

    /// <summary>
    /// Demo data written before staff logins existed has no users: add the demo logins, the consultant one tied to
    /// the first active consultant (created if there is none), so that a kept .data folder can still be logged into.
    /// </summary>
    private async Task SeedLoginsIfNoneAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM users)", transaction: transaction, cancellationToken: cancellationToken)))
        {
            return;
        }

        var now = clock.Now();
        var consultant = await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(
            "SELECT id FROM consultants WHERE active ORDER BY create_time, id LIMIT 1", transaction: transaction, cancellationToken: cancellationToken))
            ?? await new Writer(connection, transaction, now, cancellationToken).ConsultantAsync("Claire Dupont", "claire.dupont@example.org", active: true);
        await DemoAccounts.SeedAsync(connection, transaction, now, consultant, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogLoginsAdded();
    }

    private static IEnumerable<(BeneficiaryDetails Details, (BilanState State, BilanPlan Plan, bool ByClaire)[] Bilans)> People(DateOnly today)
    {
        var hospital = new Employer("73282932000074", "Centre hospitalier de Valence");
        var industry = new Employer("44306184100047", "Mécanique de l'Ouest SAS");
        var town = new Employer("21750001600019", "Mairie de Lyon");

        yield return (
            new BeneficiaryDetails("Camille", "Martin", "camille.martin@example.org", "06 12 34 56 78", PublicCategory.Employee, hospital, []),
            [(BilanState.Requested, Plan(WorkingTime.PartlyDuring, FundingSource.Cpf, 24, today.AddDays(70), today.AddMonths(5)), true)]);
        yield return (
            new BeneficiaryDetails("Hélène", "Dubois", "helene.dubois@example.org", "", PublicCategory.Employee, industry,
                [new SituationPeriod(SituationKind.ParentalLeave, today.AddMonths(-2), today.AddMonths(4), false)]),
            [(BilanState.Preliminary, Plan(WorkingTime.Outside, FundingSource.Cpf, 20, today.AddDays(-10), today.AddMonths(3)), true)]);
        yield return (
            new BeneficiaryDetails("Karim", "Benali", "karim.benali@example.org", "+33 7 98 76 54 32", PublicCategory.JobSeeker, null, []),
            [(BilanState.Investigation, Plan(WorkingTime.Outside, FundingSource.FranceTravail, 24, today.AddDays(-40), today.AddMonths(2)), false)]);
        yield return (
            new BeneficiaryDetails("Sophie", "Lefèvre", "sophie.lefevre@example.org", "", PublicCategory.PublicAgent, town,
                [new SituationPeriod(SituationKind.SickLeave, today.AddMonths(-6), today.AddMonths(-5), true)]),
            [(BilanState.Conclusion, Plan(WorkingTime.During, FundingSource.EmployerPlan, 18, today.AddDays(-75), today.AddDays(15)), true)]);
        yield return (
            new BeneficiaryDetails("Julien", "Moreau", "julien.moreau@example.org", "", PublicCategory.SelfEmployed, null, []),
            [
                (BilanState.Completed, Plan(WorkingTime.Outside, FundingSource.Personal, 16, today.AddMonths(-4), today.AddMonths(-1)), false),
                (BilanState.Cancelled, Plan(WorkingTime.Outside, FundingSource.Cpf, 24, null, null), false),
            ]);
        yield return (
            new BeneficiaryDetails("Nathalie", "Garnier", "nathalie.garnier@example.org", "", PublicCategory.PrivateIndividual, null, []),
            [(BilanState.Closed, Plan(WorkingTime.Outside, FundingSource.Cpf, 24, today.AddMonths(-11), today.AddMonths(-8)), true)]);
        yield return (
            new BeneficiaryDetails("Thomas", "Roux", "thomas.roux@example.org", "", PublicCategory.Employee, industry, []),
            [(BilanState.Abandoned, Plan(WorkingTime.During, FundingSource.Opco, 24, today.AddMonths(-3), today), false)]);
        yield return (
            new BeneficiaryDetails("Léa", "Fontaine", "lea.fontaine@example.org", "", PublicCategory.Employee, hospital,
                [new SituationPeriod(SituationKind.MaternityLeave, today.AddMonths(-1), today.AddMonths(2), false)]),
            [(BilanState.Requested, Plan(WorkingTime.Outside, FundingSource.Cpf, 20, today.AddMonths(3), today.AddMonths(6)), false)]);
        yield return (
            new BeneficiaryDetails("Antoine", "Girard", "antoine.girard@example.org", "06 45 67 89 01", PublicCategory.Employee, industry, []),
            [(BilanState.Requested, Plan(WorkingTime.During, FundingSource.EmployerPlan, 20, today.AddDays(40), today.AddMonths(4)), true)]);
    }

    private static BilanPlan Plan(WorkingTime workingTime, FundingSource funding, int hours, DateOnly? start, DateOnly? end) =>
        new(workingTime, funding, hours, start, end);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data written: 3 consultants, 3 staff logins, 1 organisation, 9 beneficiaries, {Bilans} bilans")]
    private partial void LogSeeded(int bilans);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo logins added to existing demo data")]
    private partial void LogLoginsAdded();

    /// <summary>Writes demo rows with the same writers as the API, and a history dated in the past.</summary>
    private sealed class Writer(NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset now, CancellationToken cancellationToken)
    {
        private const string SystemActor = "system";

        // Each demo bilan's history is shifted by one more day, so that no two interviews of a consultant meet.
        private int _bilans;

        public DateTimeOffset Now { get; } = now;

        public async Task<Guid> ConsultantAsync(string name, string email, bool active)
        {
            var record = new ConsultantRecord(Guid.CreateVersion7(Now), new ConsultantDetails(name, email, active), 1, Now, Now);
            await ConsultantWrites.InsertAsync(connection, transaction, record, cancellationToken);
            return record.Id;
        }

        public async Task<BeneficiaryRecord> BeneficiaryAsync(BeneficiaryDetails details, Guid? organization)
        {
            var record = new BeneficiaryRecord(Guid.CreateVersion7(Now), details, 1, Now, Now, organization);
            await BeneficiaryWrites.InsertAsync(connection, transaction, record, cancellationToken);
            return record;
        }

        /// <summary>
        /// A bilan that went the usual way to <paramref name="target"/>, a week a step: the transitions on the
        /// happy path, with the held interviews their conditions need, each step in its history.
        /// </summary>
        public async Task BilanAsync(BeneficiaryRecord beneficiary, BilanPlan plan, BilanState target, Guid? consultant)
        {
            var path = PathTo(target);
            var shift = TimeSpan.FromDays(++_bilans);
            var time = Now - (Step * (path.Count + 2)) - shift;
            var id = Guid.CreateVersion7(time);
            var abandon = target == BilanState.Abandoned ? AbandonReason.NewJobOrTraining : AbandonReason.Unspecified;
            await BilanWrites.InsertAsync(connection, transaction,
                new BilanRecord(id, beneficiary.Id, target, plan, consultant, path.Count + 2, time, Now, abandon, beneficiary.OrganizationId),
                cancellationToken);
            var state = BilanState.Requested;
            var completedAt = time;
            await EventAsync(id, BilanEventType.Created, time, state, state, null);
            if (consultant is { } consultantId)
            {
                await EventAsync(id, BilanEventType.ConsultantAssigned, time.AddHours(1), state, state,
                    new() { ["consultant"] = ResourceName.Format(ConsultantRecord.Collection, consultantId) });
            }

            foreach (var transition in path)
            {
                time += Step;
                var phase = PhaseClosedBy(transition);
                if (phase is { } held && consultant is { } holder)
                {
                    await HeldInterviewAsync(id, beneficiary.Id, holder, held, time.AddDays(-2), state);
                }

                // StartBilan needs the beneficiary's consent, recorded the day before (L6313-4).
                if (transition == BilanTransition.Start)
                {
                    await Features.Consents.BilanConsents.SaveDemoAsync(connection, transaction, id, time.AddDays(-1), SystemActor, cancellationToken);
                    await EventAsync(id, BilanEventType.BilanConsentRecorded, time.AddDays(-1), state, state, new() { ["method"] = "CONSENT_METHOD_SIGNED_PAPER" });
                }

                // StartBilan of a bilan funded by the employer's plan needs the tripartite convention signed (R6313-8).
                if (transition == BilanTransition.Start && plan.FundingSource == FundingSource.EmployerPlan)
                {
                    await ConventionAsync(id, plan, time.AddDays(-4), state, employeeSigns: true);
                }

                // CloseBilan needs the follow-up held or declined (R6313-4 3°): this beneficiary declined it.
                if (transition == BilanTransition.Close)
                {
                    await Features.FollowUps.FollowUps.SaveDemoAsync(connection, transaction, id, completedAt, Domain.FrenchCalendar.DateOf(time.AddDays(-1)), cancellationToken);
                    await EventAsync(id, BilanEventType.FollowUpDeclined, time.AddDays(-1), state, state, new() { ["declined_date"] = Iso(time.AddDays(-1)) });
                }

                // CompleteBilan needs the written synthesis handed to the beneficiary (R6313-4 3°).
                if (transition == BilanTransition.Complete)
                {
                    await Features.Confidential.SynthesisStore.InsertDeliveredAsync(connection, transaction, id, time.AddDays(-1), state, SystemActor, cancellationToken);
                }

                var next = BilanLifecycle.TargetOf(transition);
                await EventAsync(id, BilanEventTypes.Of(transition), time, state, next,
                    transition == BilanTransition.Abandon ? new() { ["reason"] = Domain.ApiNames.Of(abandon) } : null);
                state = next;

                // At completion a follow-up interview is proposed, 6 months later by default (R6313-4 3°).
                if (transition == BilanTransition.Complete)
                {
                    completedAt = time;
                    await Features.FollowUps.FollowUps.SaveDemoAsync(connection, transaction, id, time, null, cancellationToken);
                    await EventAsync(id, BilanEventType.FollowUpProposed, time, state, state, new()
                    {
                        ["proposed_date"] = Iso(time.AddMonths(new BilanPolicy().FollowUpDelayMonths)),
                        ["delay_months"] = "6",
                    });
                }
            }

            // A CPF bilan on working time still to start: the employee had asked the employer 26 days ago, before
            // coming to us, in time for the planned start (D6323-4); recorded the day after the request. The employer
            // has not answered: in 5 days silence is acceptance (an alert on the dashboard).
            if (state == BilanState.Requested && plan.FundingSource == FundingSource.Cpf
                && Domain.Funding.CpfWorkingTimeAuthorisation.IsNeeded(plan.WorkingTime) && plan.PlannedStartDate is not null)
            {
                var recorded = time.AddDays(1);
                var asked = Now.AddDays(-26);
                await Features.WorkingTimeAuthorizations.AuthorizationRecord.SaveAsync(connection, transaction,
                    new(id, Domain.FrenchCalendar.DateOf(asked), 0, null, recorded.UtcDateTime, 1), cancellationToken);
                await EventAsync(id, BilanEventType.WorkingTimeAuthorizationRequested, recorded, state, state, new()
                {
                    ["request_date"] = Iso(asked),
                    ["deemed_granted_date"] = Iso(asked.AddDays(Domain.Funding.CpfWorkingTimeAuthorisation.AnswerDays + 1)),
                });
            }

            // A bilan funded by the employer's plan still to start: the convention is with the employee, received 5
            // days ago and not signed yet (R6313-8; an alert on the dashboard, due in 5 days).
            if (state == BilanState.Requested && plan.FundingSource == FundingSource.EmployerPlan)
            {
                await ConventionAsync(id, plan, Now.AddDays(-5), state, employeeSigns: false);
            }

            if (state is BilanState.Requested or BilanState.Preliminary && consultant is { } planner)
            {
                await ScheduledInterviewAsync(id, beneficiary.Id, planner, state == BilanState.Requested ? InterviewPhase.Preliminary : InterviewPhase.Investigation,
                    state, Now + shift);
            }
        }

        /// <summary>
        /// A convention drafted, received by the employee on <paramref name="received"/>, signed by the employer the day
        /// before and the provider that day, and by the employee two days later when <paramref name="employeeSigns"/>.
        /// </summary>
        private async Task ConventionAsync(Guid bilanId, BilanPlan plan, DateTimeOffset received, BilanState state, bool employeeSigns)
        {
            var day = Domain.FrenchCalendar.DateOf(received);
            var start = plan.PlannedStartDate ?? day.AddDays(7);
            var record = new Features.Conventions.ConventionRecord(
                bilanId,
                "Bilan de compétences — évolution professionnelle",
                "Analyser les compétences, aptitudes et motivations du salarié pour définir un projet professionnel et, le cas échéant, de formation.",
                "Entretiens individuels avec une consultante, tests de personnalité et d'intérêts, enquêtes métiers, documentation.",
                plan.PlannedHours,
                start,
                plan.PlannedEndDate ?? start.AddMonths(3),
                "Trois phases (préliminaire, investigation, conclusion) en entretiens individuels ; entretien de suivi à six mois.",
                "Résultats détaillés et synthèse écrite remis au seul salarié, qui décide de leur communication.",
                1850m,
                "Facture au terme du bilan, réglée par l'employeur à 30 jours.",
                day.AddDays(-1), day, employeeSigns ? day.AddDays(2) : null, day.AddDays(-1), day, null, received.UtcDateTime.AddDays(-2),
                employeeSigns ? received.UtcDateTime.AddDays(2) : received.UtcDateTime, employeeSigns ? 4 : 3);
            await Features.Conventions.ConventionStore.SaveAsync(connection, transaction, record, cancellationToken);
            await EventAsync(bilanId, BilanEventType.ConventionUpdated, received.AddDays(-2), state, state, null);
            await EventAsync(bilanId, BilanEventType.ConventionSigned, received.AddDays(-1), state, state,
                new() { ["party"] = "CONVENTION_PARTY_EMPLOYER", ["signed_date"] = Iso(received.AddDays(-1)) });
            await EventAsync(bilanId, BilanEventType.ConventionSent, received, state, state, new()
            {
                ["received_date"] = Iso(received),
                ["employee_signature_deadline"] = Iso(received.AddDays(Domain.Funding.TripartiteConvention.EmployeeDays)),
            });
            foreach (var (party, offset) in new[] { ("CONVENTION_PARTY_PROVIDER", 0), ("CONVENTION_PARTY_EMPLOYEE", 2) }.Take(employeeSigns ? 2 : 1))
            {
                await EventAsync(bilanId, BilanEventType.ConventionSigned, received.AddDays(offset), state, state,
                    new() { ["party"] = party, ["signed_date"] = Iso(received.AddDays(offset)) });
            }
        }

        private static string Iso(DateTimeOffset time) =>
            Domain.FrenchCalendar.DateOf(time).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        private static List<BilanTransition> PathTo(BilanState target) => target switch
        {
            BilanState.Requested => [],
            BilanState.Cancelled => [BilanTransition.Cancel],
            BilanState.Abandoned => [BilanTransition.Start, BilanTransition.StartInvestigation, BilanTransition.Abandon],
            BilanState.Closed => [.. PathTo(BilanState.Completed), BilanTransition.Close],
            _ => [.. new[]
            {
                BilanTransition.Start, BilanTransition.StartInvestigation, BilanTransition.StartConclusion,
                BilanTransition.Complete, BilanTransition.StartFollowUp,
            }.TakeWhile(t => BilanLifecycle.TargetOf(t) <= target)],
        };

        /// <summary>The interview a transition needs held before it (see TransitionConditions), 14 hours in all.</summary>
        private static (InterviewPhase Phase, int Minutes)? PhaseClosedBy(BilanTransition transition) => transition switch
        {
            BilanTransition.Start => (InterviewPhase.Preliminary, 120),
            BilanTransition.StartConclusion => (InterviewPhase.Investigation, 480),
            BilanTransition.Complete => (InterviewPhase.Conclusion, 240),
            _ => null,
        };

        private async Task HeldInterviewAsync(Guid bilanId, Guid beneficiaryId, Guid consultantId, (InterviewPhase Phase, int Minutes) held, DateTimeOffset day, BilanState state)
        {
            var start = new DateTimeOffset(day.UtcDateTime.Date.AddHours(9), TimeSpan.Zero);
            var record = new InterviewRecord(
                new Interview(Guid.CreateVersion7(start), held.Phase, start, held.Minutes, InterviewMode.OnSite, InterviewStatus.Held, held.Minutes),
                bilanId, beneficiaryId, consultantId, 2, start.AddDays(-5), start.AddMinutes(held.Minutes));
            await InterviewStore.InsertAsync(connection, transaction, record, cancellationToken);
            await EventAsync(bilanId, BilanEventType.InterviewScheduled, record.CreateTime, state, state, record.SlotAttributes());
            await EventAsync(bilanId, BilanEventType.InterviewHeld, record.UpdateTime, state, state,
                new() { ["interview"] = record.Name, ["held_minutes"] = held.Minutes.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        private async Task ScheduledInterviewAsync(Guid bilanId, Guid beneficiaryId, Guid consultantId, InterviewPhase phase, BilanState state, DateTimeOffset day)
        {
            var start = new DateTimeOffset(day.UtcDateTime.Date.AddHours(13), TimeSpan.Zero);
            var record = new InterviewRecord(
                new Interview(Guid.CreateVersion7(Now), phase, start, 120, InterviewMode.Remote, InterviewStatus.Scheduled, null),
                bilanId, beneficiaryId, consultantId, 1, Now, Now);
            await InterviewStore.InsertAsync(connection, transaction, record, cancellationToken);
            await EventAsync(bilanId, BilanEventType.InterviewScheduled, Now, state, state, record.SlotAttributes());
        }

        private Task EventAsync(Guid bilanId, BilanEventType type, DateTimeOffset time, BilanState from, BilanState to, Dictionary<string, string>? attributes) =>
            EventLog.AppendAsync(connection, transaction, bilanId, type, SystemActor, time, from, to, attributes, cancellationToken);
    }
}
