using Bilan.Contracts.V1;
using Google.Rpc;
using Grpc.Core;

namespace Bilan.BackOffice.Tests.TestSupport;

/// <summary>Canned answers and errors of the quality API, for the quality pages' tests.</summary>
public static class QualityCalls
{
    public static Google.Type.Date Date(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    /// <summary>A complaint as the API returns it.</summary>
    public static Complaint Complaint(ComplaintStatus status = ComplaintStatus.Received, string id = "0193a3c4-0000-7000-8000-0000000000c1") => new()
    {
        Name = $"complaints/{id}",
        ReceivedDate = Date(2026, 11, 2),
        Channel = ComplaintChannel.Email,
        Complainant = Complainant.Beneficiary,
        ComplainantName = "Camille Martin",
        Subject = "Entretien reporté",
        Description = "Reporté trois fois.",
        Status = status,
        AcknowledgeDeadline = Date(2026, 11, 9),
        AnswerDeadline = Date(2026, 12, 2),
        Etag = "3",
    };

    /// <summary>An INVALID_ARGUMENT with one French message per field, as the API sends it.</summary>
    public static RpcException Invalid(params (string Field, string French)[] fields)
    {
        var badRequest = new BadRequest();
        foreach (var (field, french) in fields)
        {
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation
            {
                Field = field,
                Description = "bad",
                LocalizedMessage = new LocalizedMessage { Locale = "fr-FR", Message = french },
            });
        }

        return ApiCalls.Error(StatusCode.InvalidArgument, "Certaines informations sont invalides.", "INVALID_FIELDS", badRequest);
    }
}
