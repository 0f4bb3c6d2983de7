using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Domain.Funding;
using Bilan.Server.Api;
using Bilan.Server.Data;
using Bilan.Server.Features.Bilans.History;
using Grpc.Core;
using BilanEventType = Bilan.Domain.Bilans.BilanEventType;

namespace Bilan.Server.Features.Conventions;

public sealed partial class ConventionsService
{
    public override Task<Convention> UpdateConvention(UpdateConventionRequest request, ServerCallContext context)
    {
        var checks = new FieldChecks();
        var convention = request.Convention ?? new Convention();
        var bilanId = SingletonName.Parse(convention.Name, ConventionRecord.Segment, "convention.name", checks);
        var start = ProtoConversions.ToDateOnly(convention.PeriodStart, "convention.period_start", checks);
        var end = ProtoConversions.ToDateOnly(convention.PeriodEnd, "convention.period_end", checks);
        var content = new TripartiteConventionContent(
            convention.Title,
            convention.ObjectiveAndContent,
            convention.Means,
            Amount(convention.DurationHours),
            start,
            end,
            convention.ConductAndFollowUp,
            convention.ResultsHandover,
            Amount(convention.PriceEuros),
            convention.PaymentTerms);
        // R6313-8: every missing mandatory item at once.
        checks.AddRange(TripartiteConvention.Validate(content).Where(v => !checks.Violations.Any(c => c.Field == $"convention.{v.Field}")).Select(v => v.Under("convention")));
        InvalidFieldsException.ThrowIfAny(checks.Violations);

        return requests.ExecuteAsync(nameof(UpdateConvention), request.RequestId, request, async (connection, transaction) =>
        {
            var bilan = await LockBilanAsync(connection, transaction, bilanId, context);
            var current = await ConventionStore.FindAsync(connection, transaction, bilanId, forUpdate: true, context.CancellationToken);
            var now = clock.Now();
            ConventionRecord record;
            if (current is null)
            {
                record = Draft(bilanId, content, now.UtcDateTime, now.UtcDateTime, 1);
            }
            else
            {
                Etag.EnsureCurrent(convention.Etag, current.Version, current.Name);
                var (state, _) = current.StateOn(Today);
                if (state is ConventionState.Refused or ConventionState.DeemedRefused)
                {
                    // A refused convention is replaced by a new one: a new draft, sent and signed anew.
                    record = Draft(bilanId, content, current.CreateTime, now.UtcDateTime, current.Version + 1);
                }
                else if (state == ConventionState.Draft)
                {
                    record = Draft(bilanId, content, current.CreateTime, now.UtcDateTime, current.Version + 1) with
                    {
                        EmployerSignedDate = current.EmployerSignedDate,
                        ProviderSignedDate = current.ProviderSignedDate,
                    };
                }
                else
                {
                    throw new RuleViolationException("CONVENTION_ALREADY_SENT",
                        "The convention was handed to the employee: its content no longer changes, unless the employee refuses it (then a new convention is drafted).",
                        "La convention a été remise au salarié : son contenu ne change plus, sauf refus du salarié (une nouvelle convention est alors rédigée).",
                        new Dictionary<string, string> { ["convention_state"] = Domain.ApiNames.Of(state) });
                }
            }

            await ConventionStore.SaveAsync(connection, transaction, record, context.CancellationToken);
            await EventLog.AppendAsync(connection, transaction, bilanId, BilanEventType.ConventionUpdated, Actor.Of(context), now,
                bilan.State, bilan.State, null, context.CancellationToken);
            return record.ToProto(Today);
        }, context.CancellationToken);
    }

    private static decimal? Amount(double value) => value == 0 ? null : Math.Round((decimal)value, 2);

    private static ConventionRecord Draft(Guid bilanId, TripartiteConventionContent content, DateTime created, DateTime updated, int version) => new(
        bilanId,
        content.Title.Trim(),
        content.ObjectiveAndContent.Trim(),
        content.Means.Trim(),
        content.DurationHours!.Value,
        content.PeriodStart!.Value,
        content.PeriodEnd!.Value,
        content.ConductAndFollowUp.Trim(),
        content.ResultsHandover.Trim(),
        content.PriceEuros!.Value,
        content.PaymentTerms.Trim(),
        null, null, null, null, null, null,
        created,
        updated,
        version);
}
