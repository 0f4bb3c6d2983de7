using Bilan.BackOffice.Formatting;
using Bilan.BackOffice.Api;
using Bilan.BackOffice.Security;
using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bilan.BackOffice.Pages.Qualite.Reclamations;

/// <summary>The complaints, most recently received first, filtered by status; administrators only (the quality referent).</summary>
[Authorize(Policy = SessionClaims.AdminPolicy)]
public sealed class IndexModel(QualityService.QualityServiceClient quality, TimeProvider clock, ILogger<IndexModel> logger) : PageModel
{
    /// <summary>How many complaints a page shows.</summary>
    public const int PageSize = 25;

    /// <summary>The status filter: a proto status name (<c>COMPLAINT_STATUS_RECEIVED</c>); anything else means all.</summary>
    [BindProperty(SupportsGet = true, Name = "statut")]
    public string? Statut { get; set; }

    /// <summary>The page token of the page to show; empty for the first page.</summary>
    [BindProperty(SupportsGet = true, Name = "jeton")]
    public string? Jeton { get; set; }

    /// <summary>The statuses the filter offers: proto name and French label.</summary>
    public static IReadOnlyList<(string Value, string Label)> StatusOptions { get; } =
        [.. QualityLabels.Statuses.Select(s => (ProtoName(s.Value), s.Label))];

    public IReadOnlyList<ComplaintRow> Rows { get; private set; } = [];

    public string? NextPageToken { get; private set; }

    public string? ErrorMessage { get; private set; }

    /// <summary>The status filter when it names a known status, otherwise null.</summary>
    public string? SelectedStatus => StatusOptions.Any(option => option.Value == Statut) ? Statut : null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var request = new ListComplaintsRequest { PageSize = PageSize, PageToken = Jeton ?? string.Empty };
        if (SelectedStatus is { } status)
        {
            // Only a value of the closed list reaches the filter.
            request.Filter = $"status = {status}";
        }

        try
        {
            var response = await quality.ListComplaintsAsync(request, cancellationToken: cancellationToken);
            var today = QualityLabels.Today(clock);
            Rows = [.. response.Complaints.Select(complaint => ComplaintRow.From(complaint, today))];
            NextPageToken = string.IsNullOrEmpty(response.NextPageToken) ? null : response.NextPageToken;
        }
        catch (RpcException exception) when (exception.StatusCode != Grpc.Core.StatusCode.Unauthenticated && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("ListComplaints failed: {StatusCode}", exception.StatusCode);
            ErrorMessage = FrenchErrorPresenter.Present(exception).Message;
        }
    }

    private static string ProtoName(ComplaintStatus status) =>
        QualityServiceReflection.Descriptor.EnumTypes.Single(type => type.Name == nameof(ComplaintStatus)).FindValueByNumber((int)status).Name;
}

/// <summary>One complaint as the list shows it; <see cref="Late"/> says which deadline has passed, if any.</summary>
public sealed record ComplaintRow(string Id, string Received, string Complainant, string Subject, string Status, string NextDeadline, string? Late)
{
    public static ComplaintRow From(Complaint complaint, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var (deadline, what) = complaint.Status switch
        {
            ComplaintStatus.Received => (complaint.AcknowledgeDeadline, "accusé de réception en retard"),
            ComplaintStatus.Acknowledged or ComplaintStatus.InProgress => (complaint.AnswerDeadline, "réponse en retard"),
            _ => (null, null),
        };
        var late = CalendarDates.ToDateOnly(deadline) is { } day && day < today ? what : null;
        var who = QualityLabels.Of(complaint.Complainant);
        return new ComplaintRow(
            ProtoNames.IdOf(complaint.Name),
            CalendarDates.Format(complaint.ReceivedDate),
            string.IsNullOrWhiteSpace(complaint.ComplainantName) ? who : $"{who} — {complaint.ComplainantName}",
            complaint.Subject,
            QualityLabels.Of(complaint.Status),
            deadline is null ? "—" : CalendarDates.Format(deadline),
            late);
    }
}
