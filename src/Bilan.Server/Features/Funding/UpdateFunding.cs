using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Domain.Funding;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Bilan.Server.Data;
using Bilan.Server.Features.Bilans;
using Bilan.Server.Features.Bilans.History;
using Grpc.Core;
using BilanEventType = Bilan.Domain.Bilans.BilanEventType;
using EdofState = Bilan.Domain.Funding.EdofState;
using FunderType = Bilan.Domain.Funding.FunderType;
using FundingResource = Bilan.Contracts.V1.Funding;
using FundingStatus = Bilan.Domain.Funding.FundingStatus;

namespace Bilan.Server.Features.Funding;

public sealed partial class FundingsService
{
    /// <summary>The fields UpdateFunding may change (AIP-134 paths).</summary>
    internal static readonly string[] UpdatableFields = ["funder_name", "amount_cents", "requested_date", "reference", "funded_hours", "edof_dossier"];

    public override Task<FundingResource> UpdateFunding(UpdateFundingRequest request, ServerCallContext context)
    {
        if (request.Funding is null)
        {
            throw new InvalidFieldsException([new FieldViolation("funding", "REQUIRED", "Required.", "La prise en charge est obligatoire.")]);
        }

        var name = ParseName(request.Funding.Name, "funding.name");
        var paths = UpdateMask.Resolve(request.UpdateMask, request.Funding, UpdatableFields);
        return requests.ExecuteAsync(nameof(UpdateFunding), request.RequestId, request, async (connection, transaction) =>
        {
            var bilan = context.Caller().EnsureMayChange(
                await BilansService.FindAsync(connection, transaction, name.BilanId, forUpdate: true, context.CancellationToken));
            var current = await FindAsync(connection, transaction, name.BilanId, name.Id, forUpdate: true, context.CancellationToken);
            Etag.EnsureCurrent(request.Funding.Etag, current.Version, current.Name);
            EnsureEditable(current, paths);

            var today = Today();
            var checks = new FieldChecks();
            var sent = ReadDetails(request.Funding, "funding.requested_date", checks, today);
            var merged = new FundingDetails(
                current.Funder,
                paths.Contains("funder_name") ? sent.FunderName : current.FunderName,
                paths.Contains("amount_cents") ? sent.AmountCents : current.AmountCents,
                paths.Contains("requested_date") ? sent.RequestedDate : current.RequestedDate,
                paths.Contains("reference") ? sent.Reference : current.Reference,
                paths.Contains("funded_hours") ? sent.FundedHours : current.FundedHours);
            var details = FundingRules.Check(merged, "funding.", today, checks);
            var dossier = paths.Contains("edof_dossier")
                ? ReadDossier(request.Funding.EdofDossier, current.Funder, "funding.edof_dossier", checks, today)
                : null;
            InvalidFieldsException.ThrowIfAny(checks.Violations);

            if (current.Funder == FunderType.Cpf)
            {
                await CpfChecks.EnsureFundableAsync(connection, transaction, bilan, current.Id, details.AmountCents, details.FundedHours,
                    policy.At(details.RequestedDate), context.CancellationToken);
            }

            var updated = current with
            {
                FunderName = details.FunderName,
                AmountCents = details.AmountCents,
                RequestedDate = details.RequestedDate,
                Reference = details.Reference,
                FundedHours = (short)details.FundedHours,
            };
            if (paths.Contains("edof_dossier"))
            {
                updated = dossier is { } attached
                    ? updated with
                    {
                        EdofNumber = attached.Number,
                        EdofReceiveDate = attached.ReceiveDate,
                        EdofState = (short)EdofState.NotProcessed,
                        EdofStateDate = attached.ReceiveDate,
                    }
                    : updated with { EdofNumber = null, EdofReceiveDate = null, EdofState = null, EdofStateDate = null };
            }

            var now = clock.Now();
            updated = updated with { Version = current.Version + 1, UpdateTime = now.UtcDateTime };
            await SaveAsync(connection, transaction, updated, context.CancellationToken);
            var attributes = updated.EventAttributes();
            attributes["fields"] = string.Join(",", paths.Order());
            await EventLog.AppendAsync(connection, transaction, bilan.Id, BilanEventType.FundingUpdated, Actor.Of(context), now,
                bilan.State, bilan.State, attributes, context.CancellationToken);
            return updated.ToProto(await ContextAsync(connection, transaction, bilan, updated.Id, context.CancellationToken), policy, today);
        }, context.CancellationToken);
    }

    /// <summary>
    /// A REQUESTED line changes freely; an ACCEPTED one only its reference; REFUSED and PAID lines are final. The
    /// EDOF dossier changes only while NOT_PROCESSED (then it moves through TransitionEdofDossier).
    /// </summary>
    private static void EnsureEditable(FundingRecord current, IReadOnlySet<string> paths)
    {
        var allowed = current.FundingStatus switch
        {
            FundingStatus.Requested => UpdatableFields,
            FundingStatus.Accepted => ["reference"],
            _ => [],
        };
        var refused = paths.Where(path => !allowed.Contains(path)).Order().ToList();
        if (refused.Count > 0)
        {
            throw new RuleViolationException(
                "FUNDING_NOT_EDITABLE",
                $"A funding in status {Domain.ApiNames.Of(current.FundingStatus)} cannot change {string.Join(", ", refused)}; changeable now: {(allowed.Length == 0 ? "nothing" : string.Join(", ", allowed))}.",
                $"Une prise en charge {FundingLifecycle.FrenchLabel(current.FundingStatus)} ne peut plus être modifiée ainsi ({string.Join(", ", refused)}).",
                new Dictionary<string, string>
                {
                    ["status"] = Domain.ApiNames.Of(current.FundingStatus),
                    ["fields"] = string.Join(",", refused),
                    ["allowed"] = string.Join(",", allowed),
                });
        }

        if (paths.Contains("edof_dossier") && current.Edof is { } state && state != EdofState.NotProcessed)
        {
            throw new RuleViolationException(
                "EDOF_DOSSIER_NOT_EDITABLE",
                $"The EDOF dossier is {Domain.ApiNames.Of(state)}: it changes only through TransitionEdofDossier now.",
                $"Le dossier EDOF est à l'état « {Domain.Funding.EdofDossier.FrenchLabel(state)} » : il ne change plus que par ses transitions.",
                new Dictionary<string, string> { ["edof_state"] = Domain.ApiNames.Of(state) });
        }
    }
}
