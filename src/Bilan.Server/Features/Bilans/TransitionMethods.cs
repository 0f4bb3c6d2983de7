using Bilan.Contracts.V1;
using Bilan.Domain.Bilans;
using Bilan.Domain.Errors;
using Grpc.Core;
using BilanResource = Bilan.Contracts.V1.Bilan;

namespace Bilan.Server.Features.Bilans;

/// <summary>The custom methods that move a bilan through its life; the rules are in <see cref="BilanLifecycle"/>.</summary>
public sealed partial class BilansService
{
    public override Task<BilanResource> StartBilan(StartBilanRequest request, ServerCallContext context) =>
        TransitionAsync(BilanTransition.Start, request.Name, request.Etag, request.RequestId, request, context);

    public override Task<BilanResource> StartInvestigation(StartInvestigationRequest request, ServerCallContext context) =>
        TransitionAsync(BilanTransition.StartInvestigation, request.Name, request.Etag, request.RequestId, request, context);

    public override Task<BilanResource> StartConclusion(StartConclusionRequest request, ServerCallContext context) =>
        TransitionAsync(BilanTransition.StartConclusion, request.Name, request.Etag, request.RequestId, request, context);

    public override Task<BilanResource> CompleteBilan(CompleteBilanRequest request, ServerCallContext context) =>
        TransitionAsync(BilanTransition.Complete, request.Name, request.Etag, request.RequestId, request, context);

    public override Task<BilanResource> StartFollowUp(StartFollowUpRequest request, ServerCallContext context) =>
        TransitionAsync(BilanTransition.StartFollowUp, request.Name, request.Etag, request.RequestId, request, context);

    public override Task<BilanResource> CloseBilan(CloseBilanRequest request, ServerCallContext context) =>
        TransitionAsync(BilanTransition.Close, request.Name, request.Etag, request.RequestId, request, context);

    public override Task<BilanResource> CancelBilan(CancelBilanRequest request, ServerCallContext context) =>
        TransitionAsync(BilanTransition.Cancel, request.Name, request.Etag, request.RequestId, request, context);

    public override Task<BilanResource> AbandonBilan(AbandonBilanRequest request, ServerCallContext context)
    {
        var checks = new FieldChecks();
        checks.RequireDefined("reason", (Domain.Bilans.AbandonReason)request.Reason, "Le motif d'abandon");
        return TransitionAsync(BilanTransition.Abandon, request.Name, request.Etag, request.RequestId, request, context,
            (Domain.Bilans.AbandonReason)request.Reason, checks);
    }
}
