using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Bilan.Server.Data;
using Bilan.Server.Features.Bilans;
using Bilan.Server.Features.Bilans.History;
using Grpc.Core;
using BilanEventType = Bilan.Domain.Bilans.BilanEventType;

namespace Bilan.Server.Features.Confidential;

public sealed partial class SynthesesService
{
    public override Task<Synthesis> ReviseSynthesis(ReviseSynthesisRequest request, ServerCallContext context)
    {
        var checks = new FieldChecks();
        var bilanId = ParseSynthesisName(request.Name, "name", checks);
        CheckSection(checks, "circumstances", request.Circumstances, "Les circonstances du bilan");
        CheckSection(checks, "skills_and_options", request.SkillsAndOptions, "La section compétences et pistes");
        CheckSection(checks, "project_and_steps", request.ProjectAndSteps, "La section projet et étapes");
        CheckSection(checks, "beneficiary_observations", request.BeneficiaryObservations, "Les observations du bénéficiaire");
        InvalidFieldsException.ThrowIfAny(checks.Violations);

        return requests.ExecuteAsync(nameof(ReviseSynthesis), request.RequestId, request, async (connection, transaction) =>
        {
            var cancellationToken = context.CancellationToken;
            var bilan = context.Caller().EnsureMayChange(await BilansService.FindAsync(connection, transaction, bilanId, forUpdate: true, cancellationToken));
            SynthesisRules.EnsureState(bilan.State, SynthesisRules.MayDeliverOrRevise(bilan.State), "revised");
            var current = SynthesisRules.EnsureExists(await SynthesisStore.CurrentAsync(connection, transaction, bilanId, cancellationToken), bilanId);
            current.EnsureCurrent(request.Etag);
            SynthesisRules.EnsureNotDestroyed(current);
            if (!current.Delivered)
            {
                throw new RuleViolationException("SYNTHESIS_NOT_DELIVERED",
                    $"Version {current.Version} of the synthesis is still a draft: change it with UpdateSynthesis.",
                    $"La version {current.Version} de la synthèse n'a pas encore été remise : modifiez-la directement.");
            }

            var now = clock.Now();
            var revised = new SynthesisRecord(bilanId, current.Version + 1, request.Circumstances, request.SkillsAndOptions,
                request.ProjectAndSteps, request.BeneficiaryObservations, null, null, null, 1, now, now);
            await SynthesisStore.InsertAsync(connection, transaction, revised, cancellationToken);
            await EventLog.AppendAsync(connection, transaction, bilanId, BilanEventType.SynthesisRevised, Actor.Of(context), now,
                bilan.State, bilan.State, SynthesisStore.VersionAttributes(revised), cancellationToken);
            return revised.ToProto();
        }, context.CancellationToken, ConfidentialRedaction.WithoutContent);
    }
}
