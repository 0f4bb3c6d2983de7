using Bilan.Contracts.V1;
using Bilan.Domain.Bilans;
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
    private static readonly string[] Sections = ["circumstances", "skills_and_options", "project_and_steps", "beneficiary_observations"];

    public override Task<Synthesis> UpdateSynthesis(UpdateSynthesisRequest request, ServerCallContext context)
    {
        var checks = new FieldChecks();
        var sent = request.Synthesis ?? new Synthesis();
        var bilanId = ParseSynthesisName(sent.Name, "synthesis.name", checks);
        var fields = UpdateMask.Resolve(request.UpdateMask, sent, Sections);
        CheckSection(checks, "synthesis.circumstances", sent.Circumstances, "Les circonstances du bilan");
        CheckSection(checks, "synthesis.skills_and_options", sent.SkillsAndOptions, "La section compétences et pistes");
        CheckSection(checks, "synthesis.project_and_steps", sent.ProjectAndSteps, "La section projet et étapes");
        CheckSection(checks, "synthesis.beneficiary_observations", sent.BeneficiaryObservations, "Les observations du bénéficiaire");
        InvalidFieldsException.ThrowIfAny(checks.Violations);

        return requests.ExecuteAsync(nameof(UpdateSynthesis), request.RequestId, request, async (connection, transaction) =>
        {
            var cancellationToken = context.CancellationToken;
            var bilan = context.Caller().EnsureMayChange(await BilansService.FindAsync(connection, transaction, bilanId, forUpdate: true, cancellationToken));
            SynthesisRules.EnsureState(bilan.State, bilan.State == BilanState.Conclusion, "written");
            var current = await SynthesisStore.CurrentAsync(connection, transaction, bilanId, cancellationToken);
            SynthesisRules.EnsureNotDestroyed(current);
            SynthesisRules.EnsureNotDelivered(current);
            var now = clock.Now();
            SynthesisRecord updated;
            if (current is null)
            {
                if (sent.Etag.Length > 0)
                {
                    throw new StaleEtagException(SynthesisRecord.Format(bilanId));
                }

                updated = new SynthesisRecord(bilanId, 1, "", "", "", "", null, null, null, 1, now, now);
            }
            else
            {
                current.EnsureCurrent(sent.Etag);
                updated = current with { RowVersion = current.RowVersion + 1, UpdateTime = now };
            }

            updated = updated with
            {
                Circumstances = fields.Contains("circumstances") ? sent.Circumstances : updated.Circumstances,
                SkillsAndOptions = fields.Contains("skills_and_options") ? sent.SkillsAndOptions : updated.SkillsAndOptions,
                ProjectAndSteps = fields.Contains("project_and_steps") ? sent.ProjectAndSteps : updated.ProjectAndSteps,
                BeneficiaryObservations = fields.Contains("beneficiary_observations") ? sent.BeneficiaryObservations : updated.BeneficiaryObservations,
            };
            if (current is null)
            {
                await SynthesisStore.InsertAsync(connection, transaction, updated, cancellationToken);
            }
            else
            {
                await SynthesisStore.UpdateAsync(connection, transaction, updated, current.RowVersion, cancellationToken);
            }

            await EventLog.AppendAsync(connection, transaction, bilanId, BilanEventType.SynthesisUpdated, Actor.Of(context), now,
                bilan.State, bilan.State, SynthesisStore.VersionAttributes(updated), cancellationToken);
            return updated.ToProto();
        }, context.CancellationToken, ConfidentialRedaction.WithoutContent);
    }
}
