using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using State = Bilan.Contracts.V1.Synthesis.Types.State;

namespace Bilan.Server.Tests.Features.Syntheses;

/// <summary>The written synthesis (R6313-4 3°): drafted in the conclusion phase, delivered, revised by new versions.</summary>
[Collection(ApiTests.Name)]
public sealed class SynthesisTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    private SynthesisService.SynthesisServiceClient Syntheses => Server.Syntheses();

    [Fact]
    public async Task Synthesis_WrittenDeliveredRevisedAndDeliveredAgain_EveryVersionKept()
    {
        var bilan = await Server.ToConclusionAsync(await Server.NewAssignedBilanAsync());
        var name = ConfidentialDocuments.SynthesisName(bilan.Name);

        var first = await Syntheses.UpdateSynthesisAsync(new UpdateSynthesisRequest
        {
            Synthesis = new Synthesis { Name = name, Circumstances = "Première rédaction des circonstances.", ProjectAndSteps = "Non retenu" },
            UpdateMask = new FieldMask { Paths = { "circumstances" } },
        });
        Assert.Equal((1, State.Draft, "Première rédaction des circonstances.", ""), (first.Version, first.State, first.Circumstances, first.ProjectAndSteps));

        var second = await Syntheses.UpdateSynthesisAsync(new UpdateSynthesisRequest
        {
            Synthesis = new Synthesis
            {
                Name = name,
                SkillsAndOptions = ConfidentialDocuments.SkillsAndOptions,
                ProjectAndSteps = ConfidentialDocuments.ProjectAndSteps,
                Etag = first.Etag,
            },
        });
        Assert.Equal((1, "Première rédaction des circonstances.", ConfidentialDocuments.ProjectAndSteps), (second.Version, second.Circumstances, second.ProjectAndSteps));
        Assert.NotEqual(first.Etag, second.Etag);

        var handedOver = Server.Clock.GetUtcNow().AddHours(-1);
        var delivered = await Syntheses.DeliverSynthesisAsync(new DeliverSynthesisRequest
        {
            Name = name,
            DeliverTime = Timestamp.FromDateTimeOffset(handedOver),
            DeliveryMethod = DeliveryMethod.Remote,
            Etag = second.Etag,
        });
        Assert.Equal((1, State.Delivered, DeliveryMethod.Remote), (delivered.Version, delivered.State, delivered.DeliveryMethod));
        Assert.Equal(handedOver, delivered.DeliverTime.ToDateTimeOffset());

        var frozen = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Syntheses.UpdateSynthesisAsync(new UpdateSynthesisRequest
        {
            Synthesis = new Synthesis { Name = name, Circumstances = "Tentative après remise" },
        }));
        Assert.Equal("SYNTHESIS_DELIVERED", frozen.ErrorInfo().Reason);
        Assert.Contains("ReviseSynthesis", frozen.Message, StringComparison.Ordinal);

        var revised = await Syntheses.ReviseSynthesisAsync(new ReviseSynthesisRequest
        {
            Name = name,
            Circumstances = "Circonstances révisées.",
            SkillsAndOptions = ConfidentialDocuments.SkillsAndOptions,
            ProjectAndSteps = ConfidentialDocuments.ProjectAndSteps,
            BeneficiaryObservations = "Je souhaite ajouter une piste.",
            Etag = delivered.Etag,
        });
        Assert.Equal((2, State.Draft, "Circonstances révisées."), (revised.Version, revised.State, revised.Circumstances));
        Assert.Null(revised.DeliverTime);
        Assert.Equal(revised, await Syntheses.GetSynthesisAsync(new GetSynthesisRequest { Name = name }));

        var again = await Syntheses.DeliverSynthesisAsync(new DeliverSynthesisRequest
        {
            Name = name,
            DeliverTime = Timestamp.FromDateTimeOffset(Server.Clock.GetUtcNow()),
            DeliveryMethod = DeliveryMethod.InPerson,
        });
        Assert.Equal((2, State.Delivered), (again.Version, again.State));

        var bilanId = bilan.Name["bilans/".Length..];
        Assert.Equal(2L, await Server.Database.ScalarAsync<long>($"SELECT count(*) FROM synthesis_versions WHERE bilan_id = '{bilanId}'"));
        Assert.Equal("Première rédaction des circonstances.",
            await Server.Database.ScalarAsync<string>($"SELECT circumstances FROM synthesis_versions WHERE bilan_id = '{bilanId}' AND version = 1"));
    }

    [Fact]
    public async Task UpdateSynthesis_BilanNotInConclusion_NotAllowedInState()
    {
        var bilan = await Server.NewAssignedBilanAsync();

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.WriteSynthesisAsync(bilan.Name));

        Assert.Equal("SYNTHESIS_NOT_ALLOWED_IN_STATE", status.ErrorInfo().Reason);
        Assert.Equal("STATE_REQUESTED", status.ErrorInfo().Metadata["state"]);
    }

    [Fact]
    public async Task GetSynthesis_NoneWrittenYet_NotFound()
    {
        var bilan = await Server.ToConclusionAsync(await Server.NewAssignedBilanAsync());

        await RpcFailure.Of(StatusCode.NotFound, () => Syntheses.GetSynthesisAsync(new GetSynthesisRequest { Name = ConfidentialDocuments.SynthesisName(bilan.Name) }));
    }

    [Fact]
    public async Task DeliverSynthesis_EmptySections_IncompleteNamingEachWithoutContent()
    {
        var bilan = await Server.ToConclusionAsync(await Server.NewAssignedBilanAsync());
        const string Secret = "Contenu très confidentiel des circonstances";
        await Syntheses.UpdateSynthesisAsync(new UpdateSynthesisRequest
        {
            Synthesis = new Synthesis { Name = ConfidentialDocuments.SynthesisName(bilan.Name), Circumstances = Secret, SkillsAndOptions = "   " },
        });

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Syntheses.DeliverSynthesisAsync(new DeliverSynthesisRequest
        {
            Name = ConfidentialDocuments.SynthesisName(bilan.Name),
            DeliverTime = Timestamp.FromDateTimeOffset(Server.Clock.GetUtcNow()),
            DeliveryMethod = DeliveryMethod.Email,
        }));

        Assert.Equal("SYNTHESIS_INCOMPLETE", status.ErrorInfo().Reason);
        Assert.Equal(["skills_and_options", "project_and_steps"], status.GetDetail<PreconditionFailure>()!.Violations.Select(v => v.Subject));
        Assert.DoesNotContain(Secret, status.ToString(), StringComparison.Ordinal);
        Assert.Equal(State.Draft, (await Syntheses.GetSynthesisAsync(new GetSynthesisRequest { Name = ConfidentialDocuments.SynthesisName(bilan.Name) })).State);
    }

    [Fact]
    public async Task DeliverSynthesis_MissingTimeAndMethod_BothFieldsNamed()
    {
        var bilan = await Server.ToConclusionAsync(await Server.NewAssignedBilanAsync());
        await Server.WriteSynthesisAsync(bilan.Name);

        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () =>
            Syntheses.DeliverSynthesisAsync(new DeliverSynthesisRequest { Name = ConfidentialDocuments.SynthesisName(bilan.Name) }));

        Assert.Equal(["deliver_time", "delivery_method"], status.BadFields());
    }

    [Fact]
    public async Task ReviseSynthesis_StillADraft_NotDelivered()
    {
        var bilan = await Server.ToConclusionAsync(await Server.NewAssignedBilanAsync());
        await Server.WriteSynthesisAsync(bilan.Name);

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Syntheses.ReviseSynthesisAsync(new ReviseSynthesisRequest
        {
            Name = ConfidentialDocuments.SynthesisName(bilan.Name),
            Circumstances = "x",
        }));

        Assert.Equal("SYNTHESIS_NOT_DELIVERED", status.ErrorInfo().Reason);
    }

    [Fact]
    public async Task UpdateSynthesis_StaleEtagOrTooLong_AbortedOrInvalid()
    {
        var bilan = await Server.ToConclusionAsync(await Server.NewAssignedBilanAsync());
        var first = await Server.WriteSynthesisAsync(bilan.Name);
        await Server.WriteSynthesisAsync(bilan.Name);

        await RpcFailure.Of(StatusCode.Aborted, () => Syntheses.UpdateSynthesisAsync(new UpdateSynthesisRequest
        {
            Synthesis = new Synthesis { Name = first.Name, Circumstances = "Autre", Etag = first.Etag },
        }));
        var tooLong = await RpcFailure.Of(StatusCode.InvalidArgument, () => Syntheses.UpdateSynthesisAsync(new UpdateSynthesisRequest
        {
            Synthesis = new Synthesis { Name = first.Name, ProjectAndSteps = new string('a', 20_001) },
        }));
        Assert.Equal(["synthesis.project_and_steps"], tooLong.BadFields());
    }

    [Fact]
    public async Task UpdateSynthesis_SameRequestIdTwice_OneWriteOneEventAndTheRetryWithoutContent()
    {
        var bilan = await Server.ToConclusionAsync(await Server.NewAssignedBilanAsync());
        var request = new UpdateSynthesisRequest
        {
            Synthesis = new Synthesis { Name = ConfidentialDocuments.SynthesisName(bilan.Name), Circumstances = "Une fois" },
            RequestId = Guid.NewGuid().ToString(),
        };

        var first = await Syntheses.UpdateSynthesisAsync(request);
        var retry = await Syntheses.UpdateSynthesisAsync(request);

        // The idempotency log keeps no confidential content: the retry answers the same version without it.
        Assert.Equal("Une fois", first.Circumstances);
        Assert.Equal((first.Name, first.Version, first.Etag, first.State), (retry.Name, retry.Version, retry.Etag, retry.State));
        Assert.Empty(retry.Circumstances);
        Assert.Single(await EventsAsync(bilan.Name), e => e.Type == BilanEventType.SynthesisUpdated);
    }

    [Fact]
    public async Task CompleteBilan_SynthesisNotDelivered_RefusedUntilDelivered()
    {
        var bilan = await Server.ToConclusionAsync(await Server.NewAssignedBilanAsync());
        await Server.HoldAsync(await Server.ScheduleAsync(bilan.Name, InterviewPhase.Conclusion, 240, 1));
        await Server.WriteSynthesisAsync(bilan.Name);

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.Bilans.CompleteBilanAsync(new CompleteBilanRequest { Name = bilan.Name }));

        Assert.Equal("TRANSITION_CONDITIONS_NOT_MET", status.ErrorInfo().Reason);
        var violation = Assert.Single(status.GetDetail<PreconditionFailure>()!.Violations);
        Assert.Equal(("SYNTHESIS_DELIVERED_REQUIRED", "synthesis"), (violation.Type, violation.Subject));

        await Server.DeliverSynthesisAsync(bilan.Name);
        var completed = await Server.Bilans.CompleteBilanAsync(new CompleteBilanRequest { Name = bilan.Name });
        Assert.Equal(Bilan.Contracts.V1.Bilan.Types.State.Completed, completed.State);

        // After completion the synthesis still changes only by a new version, delivered again.
        var revised = await Syntheses.ReviseSynthesisAsync(new ReviseSynthesisRequest
        {
            Name = ConfidentialDocuments.SynthesisName(bilan.Name),
            Circumstances = ConfidentialDocuments.Circumstances,
            SkillsAndOptions = ConfidentialDocuments.SkillsAndOptions,
            ProjectAndSteps = "Étapes mises à jour après le bilan.",
        });
        Assert.Equal((2, State.Draft), (revised.Version, revised.State));
    }

    [Fact]
    public async Task SynthesisEvents_VersionAndMethodOnly_NoContentInEventsOrLogs()
    {
        var bilan = await Server.ToConclusionAsync(await Server.NewAssignedBilanAsync());
        const string Secret = "Le bénéficiaire a confié des difficultés de santé";
        await Syntheses.UpdateSynthesisAsync(new UpdateSynthesisRequest
        {
            Synthesis = new Synthesis
            {
                Name = ConfidentialDocuments.SynthesisName(bilan.Name),
                Circumstances = Secret,
                SkillsAndOptions = Secret,
                ProjectAndSteps = Secret,
                BeneficiaryObservations = Secret,
            },
        });
        await Syntheses.DeliverSynthesisAsync(new DeliverSynthesisRequest
        {
            Name = ConfidentialDocuments.SynthesisName(bilan.Name),
            DeliverTime = Timestamp.FromDateTimeOffset(Server.Clock.GetUtcNow()),
            DeliveryMethod = DeliveryMethod.Post,
        });
        var refused = await RpcFailure.Of(StatusCode.InvalidArgument, () => Syntheses.ReviseSynthesisAsync(new ReviseSynthesisRequest
        {
            Name = ConfidentialDocuments.SynthesisName(bilan.Name),
            Circumstances = Secret,
            SkillsAndOptions = new string('b', 20_001),
        }));
        Assert.DoesNotContain("bbbbbbbbbb", refused.ToString(), StringComparison.Ordinal);
        await Syntheses.ReviseSynthesisAsync(new ReviseSynthesisRequest { Name = ConfidentialDocuments.SynthesisName(bilan.Name), Circumstances = Secret });

        var events = (await EventsAsync(bilan.Name)).Where(e => e.Type is BilanEventType.SynthesisUpdated or BilanEventType.SynthesisDelivered
            or BilanEventType.SynthesisRevised).ToList();
        Assert.Equal([BilanEventType.SynthesisUpdated, BilanEventType.SynthesisDelivered, BilanEventType.SynthesisRevised], events.Select(e => e.Type));
        Assert.Equal(new Dictionary<string, string> { ["version"] = "1" }, events[0].Attributes);
        Assert.Equal(new Dictionary<string, string> { ["version"] = "1", ["delivery_method"] = "POST" }, events[1].Attributes);
        Assert.Equal(new Dictionary<string, string> { ["version"] = "2" }, events[2].Attributes);
        Assert.DoesNotContain(Server.Logs.Lines, line => line.Contains(Secret, StringComparison.Ordinal));
        Assert.DoesNotContain(Server.Logs.Lines, line => line.Contains("bbbbbbbbbb", StringComparison.Ordinal));
    }

    private async Task<IReadOnlyList<BilanEvent>> EventsAsync(string bilanName) =>
        (await Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = bilanName, PageSize = 200 })).Events;
}
