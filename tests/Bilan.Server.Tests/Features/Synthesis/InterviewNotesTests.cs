using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Grpc.Core;

namespace Bilan.Server.Tests.Features.Syntheses;

/// <summary>The consultant's private notes of an interview: as confidential as the synthesis.</summary>
[Collection(ApiTests.Name)]
public sealed class InterviewNotesTests(ApiFixture fixture)
{
    private ApiServer Server => fixture.Server;

    [Fact]
    public async Task InterviewNotes_WrittenThenRewritten_ReadBackWithoutContentInEvents()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var interview = await Server.ScheduleAsync(bilan.Name, InterviewPhase.Preliminary, 90, 1);
        var name = interview.Name + "/notes";
        const string Secret = "Évoque un conflit avec sa hiérarchie";

        var empty = await Server.Syntheses().GetInterviewNotesAsync(new GetInterviewNotesRequest { Name = name });
        Assert.Equal((name, "", "0"), (empty.Name, empty.Text, empty.Etag));

        var written = await Server.Syntheses().UpdateInterviewNotesAsync(new UpdateInterviewNotesRequest
        {
            Notes = new InterviewNotes { Name = name, Text = Secret, Etag = empty.Etag },
        });
        var rewritten = await Server.Syntheses().UpdateInterviewNotesAsync(new UpdateInterviewNotesRequest
        {
            Notes = new InterviewNotes { Name = name, Text = Secret + " ; piste de mobilité interne", Etag = written.Etag },
        });

        Assert.Equal(rewritten, await Server.Syntheses().GetInterviewNotesAsync(new GetInterviewNotesRequest { Name = name }));
        Assert.Equal(Secret + " ; piste de mobilité interne", rewritten.Text);
        await RpcFailure.Of(StatusCode.Aborted, () => Server.Syntheses().UpdateInterviewNotesAsync(new UpdateInterviewNotesRequest
        {
            Notes = new InterviewNotes { Name = name, Text = "Périmé", Etag = written.Etag },
        }));

        var events = (await Server.Bilans.ListBilanEventsAsync(new ListBilanEventsRequest { Parent = bilan.Name, PageSize = 200 })).Events
            .Where(e => e.Type == BilanEventType.InterviewNotesUpdated).ToList();
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(new Dictionary<string, string> { ["interview"] = interview.Name }, e.Attributes));
        Assert.DoesNotContain(Server.Logs.Lines, line => line.Contains(Secret, StringComparison.Ordinal));
        Assert.Equal(2, (await Server.Syntheses().ListConfidentialAccessesAsync(new ListConfidentialAccessesRequest { Parent = bilan.Name }))
            .ConfidentialAccesses.Count(a => a.Resource == name));
    }

    [Fact]
    public async Task UpdateInterviewNotes_TooLongOrBadName_InvalidArgument()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var interview = await Server.ScheduleAsync(bilan.Name, InterviewPhase.Preliminary, 90, 1);

        var tooLong = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Syntheses().UpdateInterviewNotesAsync(new UpdateInterviewNotesRequest
        {
            Notes = new InterviewNotes { Name = interview.Name + "/notes", Text = new string('n', 20_001) },
        }));
        var badName = await RpcFailure.Of(StatusCode.InvalidArgument, () => Server.Syntheses().UpdateInterviewNotesAsync(new UpdateInterviewNotesRequest
        {
            Notes = new InterviewNotes { Name = interview.Name, Text = "x" },
        }));

        Assert.Equal(["notes.text"], tooLong.BadFields());
        Assert.Equal(["notes.name"], badName.BadFields());
    }

    [Fact]
    public async Task UpdateInterviewNotes_BilanCancelled_NotAllowedInState()
    {
        var bilan = await Server.NewAssignedBilanAsync();
        var interview = await Server.ScheduleAsync(bilan.Name, InterviewPhase.Preliminary, 90, 1);
        await Server.Bilans.CancelBilanAsync(new CancelBilanRequest { Name = bilan.Name });

        var status = await RpcFailure.Of(StatusCode.FailedPrecondition, () => Server.Syntheses().UpdateInterviewNotesAsync(new UpdateInterviewNotesRequest
        {
            Notes = new InterviewNotes { Name = interview.Name + "/notes", Text = "Trop tard" },
        }));

        Assert.Equal("INTERVIEW_NOTES_NOT_ALLOWED_IN_STATE", status.ErrorInfo().Reason);
    }

    [Fact]
    public async Task GetInterviewNotes_UnknownInterview_NotFoundAndNotLogged()
    {
        var bilan = await Server.NewAssignedBilanAsync();

        await RpcFailure.Of(StatusCode.NotFound, () => Server.Syntheses().GetInterviewNotesAsync(new GetInterviewNotesRequest
        {
            Name = $"{bilan.Name}/interviews/{Guid.NewGuid()}/notes",
        }));

        Assert.Empty((await Server.Syntheses().ListConfidentialAccessesAsync(new ListConfidentialAccessesRequest { Parent = bilan.Name })).ConfidentialAccesses);
    }
}
