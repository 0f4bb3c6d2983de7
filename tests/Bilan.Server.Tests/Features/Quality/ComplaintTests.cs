using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using static Bilan.Server.Tests.TestSupport.QualityJourneys;

namespace Bilan.Server.Tests.Features.Quality;

/// <summary>Complaints: recorded with their policy deadlines, moved along their handling, each step in the bilan's history.</summary>
[Collection(ApiTests.Name)]
public sealed class ComplaintTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    private QualityService.QualityServiceClient Quality => Server.Quality();

    [Fact]
    public async Task Create_AboutABilan_ReceivedWithPolicyDeadlinesAndEventWithoutItsWords()
    {
        var bilan = await Server.NewStartedBilanAsync();
        var received = Server.Today().AddDays(-2);

        var complaint = await Server.NewComplaintAsync(received, bilan.Name, subject: "Sujet-marqueur-7f3a");

        Assert.Matches("^complaints/[0-9a-f-]{36}$", complaint.Name);
        Assert.Equal(ComplaintStatus.Received, complaint.Status);
        // Policy: acknowledge within 7 calendar days, answer within 30, counted from the day received.
        Assert.Equal(DateOf(received.AddDays(7)), complaint.AcknowledgeDeadline);
        Assert.Equal(DateOf(received.AddDays(30)), complaint.AnswerDeadline);
        Assert.Equal(bilan.Name, complaint.Bilan);
        Assert.Equal(complaint, await Quality.GetComplaintAsync(new GetComplaintRequest { Name = complaint.Name }));
        var events = (await Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = bilan.Name, PageSize = 200 })).Events;
        var receivedEvent = Assert.Single(events, e => e.Type == BilanEventType.ComplaintReceived);
        Assert.Equal(complaint.Name, receivedEvent.Attributes["complaint"]);
        Assert.Equal("COMPLAINT_CHANNEL_EMAIL", receivedEvent.Attributes["channel"]);
        var json = JsonFormatter.Default.Format(new ListBilanEventsResponse { Events = { events } });
        Assert.DoesNotContain("Sujet-marqueur-7f3a", json, StringComparison.Ordinal);
        Assert.DoesNotContain("reporté trois fois", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handling_AcknowledgeStartResolve_DatesAnswerAndEventsInOrder()
    {
        var bilan = await Server.NewStartedBilanAsync();
        var complaint = await Server.NewComplaintAsync(Server.Today().AddDays(-3), bilan.Name);

        var acknowledged = await Quality.AcknowledgeComplaintAsync(new AcknowledgeComplaintRequest { Name = complaint.Name, Etag = complaint.Etag });
        var started = await Quality.StartComplaintHandlingAsync(new StartComplaintHandlingRequest { Name = complaint.Name, Etag = acknowledged.Etag });
        var resolved = await Quality.ResolveComplaintAsync(new ResolveComplaintRequest
        {
            Name = complaint.Name,
            Answer = "Nous vous présentons nos excuses ; un nouveau créneau vous a été proposé.",
            CorrectiveAction = "Rappel aux consultants : tout report est confirmé par écrit sous 24 h.",
            AnswerDate = DateOf(Server.Today().AddDays(-1)),
            Etag = started.Etag,
        });

        Assert.Equal((ComplaintStatus.Acknowledged, DateOf(Server.Today())), (acknowledged.Status, acknowledged.AcknowledgeDate));
        Assert.Equal(ComplaintStatus.InProgress, started.Status);
        Assert.Equal((ComplaintStatus.Resolved, DateOf(Server.Today().AddDays(-1))), (resolved.Status, resolved.AnswerDate));
        Assert.StartsWith("Rappel aux consultants", resolved.CorrectiveAction, StringComparison.Ordinal);
        var types = (await Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = bilan.Name, PageSize = 200 })).Events
            .Select(e => e.Type).Where(t => t >= BilanEventType.ComplaintReceived).ToList();
        Assert.Equal([BilanEventType.ComplaintReceived, BilanEventType.ComplaintAcknowledged, BilanEventType.ComplaintHandlingStarted, BilanEventType.ComplaintResolved], types);
    }

    public static TheoryData<string, string, string> IllegalMoves() => new()
    {
        // from          attempted   allowed from there
        { "received", "resolve", "COMPLAINT_STATUS_ACKNOWLEDGED" },
        { "received", "reject", "COMPLAINT_STATUS_ACKNOWLEDGED" },
        { "received", "start", "COMPLAINT_STATUS_ACKNOWLEDGED" },
        { "acknowledged", "acknowledge", "COMPLAINT_STATUS_IN_PROGRESS,COMPLAINT_STATUS_RESOLVED,COMPLAINT_STATUS_REJECTED" },
        { "resolved", "reject", "" },
        { "rejected", "start", "" },
    };

    [Theory]
    [MemberData(nameof(IllegalMoves))]
    public async Task Move_NotAllowedFromStatus_FailedPreconditionWithAllowedMoves(string from, string attempted, string allowed)
    {
        var complaint = await Server.NewComplaintAsync();
        if (from != "received")
        {
            await Move(complaint.Name, "acknowledge");
        }

        if (from is "resolved" or "rejected")
        {
            await Move(complaint.Name, from == "resolved" ? "resolve" : "reject");
        }

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Move(complaint.Name, attempted));

        Assert.Equal("ILLEGAL_COMPLAINT_TRANSITION", status.ErrorInfo().Reason);
        Assert.Equal(allowed, status.ErrorInfo().Metadata["allowed"]);
        Assert.StartsWith("Cette réclamation est", status.FrenchMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_Answered_ComplaintClosed()
    {
        var complaint = await Server.NewComplaintAsync();
        await Move(complaint.Name, "acknowledge");
        await Move(complaint.Name, "reject");

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Quality.UpdateComplaintAsync(new UpdateComplaintRequest
        {
            Complaint = new Complaint { Name = complaint.Name, Subject = "Autre objet" },
        }));

        Assert.Equal("COMPLAINT_CLOSED", status.ErrorInfo().Reason);
    }

    [Fact]
    public async Task Update_ReceivedDateCorrected_DeadlinesMoveAndStaleEtagAborted()
    {
        var complaint = await Server.NewComplaintAsync();
        var earlier = Server.Today().AddDays(-5);

        var updated = await Quality.UpdateComplaintAsync(new UpdateComplaintRequest
        {
            Complaint = new Complaint { Name = complaint.Name, ReceivedDate = DateOf(earlier), Etag = complaint.Etag },
            UpdateMask = new FieldMask { Paths = { "received_date" } },
        });
        var stale = await RpcFailure.Of(StatusCode.Aborted, () => Quality.AcknowledgeComplaintAsync(
            new AcknowledgeComplaintRequest { Name = complaint.Name, Etag = complaint.Etag }));

        Assert.Equal((DateOf(earlier.AddDays(7)), DateOf(earlier.AddDays(30))), (updated.AcknowledgeDeadline, updated.AnswerDeadline));
        Assert.Equal(complaint.Subject, updated.Subject);
        Assert.Equal("ETAG_MISMATCH", stale.ErrorInfo().Reason);
    }

    [Fact]
    public async Task Create_BadFields_EveryOneAtOnce()
    {
        var status = await RpcFailure.Of(StatusCode.InvalidArgument, () => Quality.CreateComplaintAsync(new CreateComplaintRequest
        {
            Complaint = new Complaint { ReceivedDate = DateOf(Server.Today().AddDays(1)), Bilan = "bilans/nope", Subject = new string('s', 201) },
        }));

        Assert.Equal(
            ["complaint.bilan", "complaint.received_date", "complaint.channel", "complaint.complainant", "complaint.subject", "complaint.description"],
            status.BadFields());
    }

    [Fact]
    public async Task Create_UnknownBilan_NotFound() =>
        await RpcFailure.Of(StatusCode.NotFound, () => Server.NewComplaintAsync(bilanName: $"bilans/{Guid.NewGuid()}"));

    [Fact]
    public async Task Create_RetriedWithSameRequestId_OneComplaint()
    {
        var request = new CreateComplaintRequest
        {
            Complaint = new Complaint
            {
                ReceivedDate = DateOf(Server.Today()), Channel = ComplaintChannel.Phone, Complainant = Complainant.Funder,
                ComplainantName = "OPCO Santé", Subject = "Facture", Description = "Facture reçue en double.",
            },
            RequestId = Guid.NewGuid().ToString(),
        };

        var first = await Quality.CreateComplaintAsync(request);
        var retry = await Quality.CreateComplaintAsync(request);

        Assert.Equal(first, retry);
    }

    [Fact]
    public async Task List_FilteredByStatus_OnlyThatStatusNewestFirstInPages()
    {
        var waiting = await Server.NewComplaintAsync(Server.Today().AddDays(-1));
        var acknowledgedOlder = await Server.NewComplaintAsync(Server.Today().AddDays(-2));
        var acknowledgedNewer = await Server.NewComplaintAsync(Server.Today());
        await Move(acknowledgedOlder.Name, "acknowledge");
        await Move(acknowledgedNewer.Name, "acknowledge");

        var names = new List<string>();
        var token = "";
        do
        {
            var page = await Quality.ListComplaintsAsync(new ListComplaintsRequest { Filter = "status = COMPLAINT_STATUS_ACKNOWLEDGED", PageSize = 1, PageToken = token });
            Assert.All(page.Complaints, c => Assert.Equal(ComplaintStatus.Acknowledged, c.Status));
            names.AddRange(page.Complaints.Select(c => c.Name));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.DoesNotContain(waiting.Name, names);
        Assert.True(names.IndexOf(acknowledgedNewer.Name) < names.IndexOf(acknowledgedOlder.Name));
        Assert.True(names.IndexOf(acknowledgedOlder.Name) >= 0);
    }

    private async Task<Complaint> Move(string name, string move) => move switch
    {
        "acknowledge" => await Quality.AcknowledgeComplaintAsync(new AcknowledgeComplaintRequest { Name = name }),
        "start" => await Quality.StartComplaintHandlingAsync(new StartComplaintHandlingRequest { Name = name }),
        "resolve" => await Quality.ResolveComplaintAsync(new ResolveComplaintRequest { Name = name, Answer = "Réponse apportée." }),
        "reject" => await Quality.RejectComplaintAsync(new RejectComplaintRequest { Name = name, Answer = "Réclamation non fondée." }),
        _ => throw new ArgumentOutOfRangeException(nameof(move), move, null),
    };
}
