using Bilan.Contracts.V1;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Bilan.Server.Features.Bilans;
using Grpc.Core;

namespace Bilan.Server.Features.Quality;

public sealed partial class QualityManagementService
{
    private static readonly IReadOnlyCollection<string> SurveyFilterFields = ["bilan"];

    public override async Task<ListSatisfactionSurveysResponse> ListSatisfactionSurveys(ListSatisfactionSurveysRequest request, ServerCallContext context)
    {
        var pageSize = PageSize.Resolve(request.PageSize);
        var conditions = new SqlConditions();
        BilanAccess.Scope(context.Caller(), conditions);
        foreach (var term in ListFilter.Parse(request.Filter, SurveyFilterFields))
        {
            conditions.Add("s.bilan_id = @FilterBilan", ("FilterBilan", FilterValues.ResourceId(term, BilanRecord.Collection)));
        }

        // Keyset, most recently answered first: resume strictly after the last survey returned.
        if (PageToken.Decode(request.PageToken, request.Filter, keyLength: 2) is [var lastDate, var lastBilan])
        {
            conditions.Add("(s.answer_date, s.bilan_id) < (@AfterDate, @AfterBilan)",
                ("AfterDate", ParsePageDate(lastDate)), ("AfterBilan", PageKeys.ParseGuid(lastBilan)));
        }

        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var rows = await conditions.QueryPageAsync<SurveyRecord>(connection,
            $"SELECT {SurveyRecord.Columns} FROM satisfaction_surveys s JOIN bilans b ON b.id = s.bilan_id",
            "s.answer_date DESC, s.bilan_id DESC", pageSize, context.CancellationToken);

        var (page, next) = PageToken.Cut(rows, pageSize, request.Filter, last => [FormatPageDate(last.AnswerDate), last.BilanId.ToString()]);
        var response = new ListSatisfactionSurveysResponse { NextPageToken = next };
        response.Surveys.AddRange(page.Select(record => record.ToProto()));
        return response;
    }

    private static string FormatPageDate(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static DateOnly ParsePageDate(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            ? date
            : throw PageToken.Invalid("MALFORMED_PAGE_TOKEN", "Not a page token issued by this API.", "Le jeton de page est invalide.");
}
