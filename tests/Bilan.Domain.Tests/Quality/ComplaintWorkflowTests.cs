using Bilan.Domain.Errors;
using Bilan.Domain.Quality;

namespace Bilan.Domain.Tests.Quality;

public sealed class ComplaintWorkflowTests
{
    // RECEIVED -> ACKNOWLEDGED -> (IN_PROGRESS) -> RESOLVED or REJECTED, written out rather than read from the table.
    private static readonly (ComplaintStatus From, ComplaintStatus To)[] Allowed =
    [
        (ComplaintStatus.Received, ComplaintStatus.Acknowledged),
        (ComplaintStatus.Acknowledged, ComplaintStatus.InProgress),
        (ComplaintStatus.Acknowledged, ComplaintStatus.Resolved),
        (ComplaintStatus.Acknowledged, ComplaintStatus.Rejected),
        (ComplaintStatus.InProgress, ComplaintStatus.Resolved),
        (ComplaintStatus.InProgress, ComplaintStatus.Rejected),
    ];

    public static TheoryData<ComplaintStatus, ComplaintStatus> AllowedMoves()
    {
        var data = new TheoryData<ComplaintStatus, ComplaintStatus>();
        foreach (var (from, to) in Allowed)
        {
            data.Add(from, to);
        }

        return data;
    }

    public static TheoryData<ComplaintStatus, ComplaintStatus> RefusedMoves()
    {
        var data = new TheoryData<ComplaintStatus, ComplaintStatus>();
        var statuses = Enum.GetValues<ComplaintStatus>().Where(s => s != ComplaintStatus.Unspecified).ToList();
        foreach (var from in statuses)
        {
            foreach (var to in statuses.Where(to => !Allowed.Contains((from, to))))
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void Apply_AllowedMove_ReturnsTarget(ComplaintStatus from, ComplaintStatus to) =>
        Assert.Equal(to, ComplaintWorkflow.Apply(from, to));

    [Theory]
    [MemberData(nameof(RefusedMoves))]
    public void Apply_RefusedMove_IllegalComplaintTransitionWithFacts(ComplaintStatus from, ComplaintStatus to)
    {
        var refused = Assert.Throws<RuleViolationException>(() => ComplaintWorkflow.Apply(from, to));

        Assert.Equal("ILLEGAL_COMPLAINT_TRANSITION", refused.Reason);
        Assert.Equal(ApiNames.Of(from), refused.Metadata["status"]);
        Assert.Equal(ApiNames.Of(to), refused.Metadata["target"]);
        Assert.Equal(string.Join(",", ComplaintWorkflow.AllowedFrom(from).Select(ApiNames.Of)), refused.Metadata["allowed"]);
        Assert.NotEmpty(refused.FrenchMessage);
    }

    [Fact]
    public void Apply_ResolveBeforeAcknowledgement_SaysToAcknowledgeFirst()
    {
        var refused = Assert.Throws<RuleViolationException>(() => ComplaintWorkflow.Apply(ComplaintStatus.Received, ComplaintStatus.Resolved));

        Assert.Equal("Cette réclamation est « reçue » : elle ne peut pas passer à « traitée » avant l'accusé de réception.", refused.FrenchMessage);
        Assert.Equal("COMPLAINT_STATUS_ACKNOWLEDGED", refused.Metadata["allowed"]);
    }

    [Theory]
    [InlineData(ComplaintStatus.Received, false)]
    [InlineData(ComplaintStatus.Acknowledged, false)]
    [InlineData(ComplaintStatus.InProgress, false)]
    [InlineData(ComplaintStatus.Resolved, true)]
    [InlineData(ComplaintStatus.Rejected, true)]
    public void IsClosed_OnlyAnsweredComplaints(ComplaintStatus status, bool closed)
    {
        Assert.Equal(closed, ComplaintWorkflow.IsClosed(status));
        if (closed)
        {
            Assert.Equal("COMPLAINT_CLOSED", Assert.Throws<RuleViolationException>(() => ComplaintWorkflow.EnsureOpen(status)).Reason);
        }
        else
        {
            ComplaintWorkflow.EnsureOpen(status);
        }
    }
}
