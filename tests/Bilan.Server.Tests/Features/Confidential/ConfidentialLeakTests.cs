using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;

namespace Bilan.Server.Tests.Features.Confidential;

/// <summary>
/// Professional secrecy in software terms (L6313-4): a marker written into a synthesis and into interview notes
/// is found in none of what third parties, support or operators see — events, the event stream, lists, support's
/// diagnostics, error messages, the server's logs — from the writing to the closing of the bilan.
/// </summary>
[Collection(ApiTests.Name)]
public sealed class ConfidentialLeakTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task MarkerInSynthesisAndNotes_BilanDrivenToClosed_FoundNowhereOutside()
    {
        var marker = $"MARQUEUR-CONFIDENTIEL-{Guid.NewGuid():N}";
        var bilan = await Server.ToConclusionAsync(await Server.NewAssignedBilanAsync());
        var synthesis = new SynthesisService.SynthesisServiceClient(Server.Channel);
        var seen = new List<string>();

        var interviews = (await Server.Interviews.ListInterviewsAsync(new ListInterviewsRequest { Parent = bilan.Name })).Interviews;
        seen.Add((await synthesis.UpdateInterviewNotesAsync(new UpdateInterviewNotesRequest
        {
            Notes = new InterviewNotes { Name = $"{interviews[0].Name}/notes", Text = $"Notes : {marker}" },
            RequestId = Guid.NewGuid().ToString(),
        })).Name);
        await synthesis.UpdateSynthesisAsync(new UpdateSynthesisRequest
        {
            Synthesis = new Synthesis
            {
                Name = $"{bilan.Name}/synthesis",
                Circumstances = $"Contexte {marker}",
                SkillsAndOptions = $"Compétences {marker}",
                ProjectAndSteps = $"Projet {marker}",
                BeneficiaryObservations = $"Observations {marker}",
            },
            RequestId = Guid.NewGuid().ToString(),
        });

        // Refusals about confidential content quote none of it.
        var tooLong = await RpcFailure.Of(StatusCode.InvalidArgument, () => synthesis.UpdateSynthesisAsync(new UpdateSynthesisRequest
        {
            Synthesis = new Synthesis { Name = $"{bilan.Name}/synthesis", Circumstances = marker + new string('x', 20_001) },
            UpdateMask = new FieldMask { Paths = { "circumstances" } },
        }));
        seen.Add(tooLong.ToString());
        using var support = await SupportChannelAsync();
        var denied = await RpcFailure.Of(StatusCode.PermissionDenied, () =>
            new SynthesisService.SynthesisServiceClient(support).GetSynthesisAsync(new GetSynthesisRequest { Name = $"{bilan.Name}/synthesis" }));
        seen.Add(denied.ToString());

        var conclusion = await Server.ScheduleAsync(bilan.Name, InterviewPhase.Conclusion, 300, 3);
        await Server.HoldAsync(conclusion);
        await synthesis.DeliverSynthesisAsync(new DeliverSynthesisRequest
        {
            Name = $"{bilan.Name}/synthesis",
            DeliverTime = Timestamp.FromDateTimeOffset(Server.Clock.GetUtcNow()),
            DeliveryMethod = DeliveryMethod.InPerson,
        });
        await Server.Bilans.CompleteBilanAsync(new CompleteBilanRequest { Name = bilan.Name });
        await Server.DeclineAndCloseAsync(bilan.Name);

        seen.Add(Json(await Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = bilan.Name, PageSize = 200 })));
        seen.Add(Json(await Server.Bilans.GetBilanAsync(new GetBilanRequest { Name = bilan.Name })));
        seen.Add(Json(await Server.Bilans.ListBilansAsync(new ListBilansRequest { PageSize = 200 })));
        seen.Add(Json(await Server.Interviews.ListInterviewsAsync(new ListInterviewsRequest { Parent = bilan.Name })));
        seen.Add(Json(await new SupportService.SupportServiceClient(support).GetBilanDiagnosticsAsync(new GetBilanDiagnosticsRequest { Name = bilan.Name })));
        seen.AddRange(await StreamedEventsAsync(bilan.Name));
        seen.AddRange(Server.Logs.Lines);
        seen.Add(await Server.Database.ScalarAsync<string>("SELECT coalesce(string_agg(t::text, ' '), '') FROM error_log t") ?? "");
        seen.Add(await Server.Database.ScalarAsync<string>("SELECT coalesce(string_agg(t::text, ' '), '') FROM bilan_events t") ?? "");
        // The idempotency log keeps answers for retries; it must not keep a copy of the content (stored as bytes).
        var recordedCopies = await Server.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM request_log WHERE position(convert_to('{marker}', 'UTF8') in response) > 0");

        Assert.Contains(seen, text => text.Contains("BILAN_EVENT_TYPE_CLOSED", StringComparison.Ordinal) || text.Contains("Closed", StringComparison.Ordinal));
        Assert.DoesNotContain(seen, text => text.Contains(marker, StringComparison.Ordinal));
        Assert.Equal(0L, recordedCopies);
    }

    /// <summary>What a watcher of the event stream received for the bilan, up to its closing.</summary>
    private async Task<List<string>> StreamedEventsAsync(string bilanName)
    {
        var received = new List<string>();
        using var call = Server.Bilans.WatchBilanEvents(
            new WatchBilanEventsRequest { AfterEvent = "0", Filter = $"bilan = \"{bilanName}\"", HeartbeatSeconds = 1 },
            deadline: DateTime.UtcNow.AddSeconds(30));
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            received.Add(Json(call.ResponseStream.Current));
            if (call.ResponseStream.Current.Event?.Type == BilanEventType.Closed)
            {
                break;
            }
        }

        Assert.Contains(received, r => r.Contains("BILAN_EVENT_TYPE_CLOSED", StringComparison.Ordinal));
        return received;
    }

    private async Task<GrpcChannel> SupportChannelAsync()
    {
        var email = $"support.{Guid.NewGuid():N}@example.org";
        await TestUsers.InsertAsync(Server.Database, email, "Support-password-2026", "Support", global::Bilan.Server.Auth.StaffRole.Support, consultant: null);
        return Server.ChannelAs(email, "Support-password-2026");
    }

    private static string Json(IMessage message) => JsonFormatter.Default.Format(message);
}
