using Bilan.Contracts.V1;
using Bilan.Server.Api;
using Bilan.Server.Features.Beneficiaries;
using Bilan.Server.Features.Consultants;
using Bilan.Server.Auth;
using Grpc.Core;
using BilanResource = Bilan.Contracts.V1.Bilan;

namespace Bilan.Server.Features.Bilans;

public sealed partial class BilansService
{
    private static readonly IReadOnlyCollection<string> FilterFields = ["state", "beneficiary", "consultant", "employer_siret", "organization", "beneficiary_name"];

    public override async Task<ListBilansResponse> ListBilans(ListBilansRequest request, ServerCallContext context)
    {
        var pageSize = PageSize.Resolve(request.PageSize);
        var conditions = new SqlConditions();
        BilanAccess.Scope(context.Caller(), conditions);
        foreach (var term in ListFilter.Parse(request.Filter, FilterFields))
        {
            AddCondition(conditions, term);
        }

        // Keyset pagination, newest first: resume strictly after the last bilan returned, so that any page
        // costs one index range scan, never an OFFSET over the pages before it.
        if (PageToken.Decode(request.PageToken, request.Filter, keyLength: 2) is [var lastTime, var lastId])
        {
            conditions.Add("(b.create_time, b.id) < (@AfterTime, @AfterId)",
                ("AfterTime", PageKeys.ParseTime(lastTime)), ("AfterId", PageKeys.ParseGuid(lastId)));
        }

        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var rows = await conditions.QueryPageAsync<BilanRow>(connection,
            $"SELECT {BilanRecord.Columns} FROM bilans b", "b.create_time DESC, b.id DESC", pageSize, context.CancellationToken);

        var (page, next) = PageToken.Cut(rows.Select(row => row.ToRecord()).ToList(), pageSize, request.Filter,
            last => [PageKeys.FormatTime(last.CreateTime), last.Id.ToString()]);
        var response = new ListBilansResponse { NextPageToken = next };
        response.Bilans.AddRange(page.Select(record => record.ToProto()));

        return response;
    }

    private static void AddCondition(SqlConditions conditions, FilterTerm term)
    {
        switch (term.Field)
        {
            case "state":
                conditions.Add("b.state = @State", ("State", (short)FilterValues.Enum<BilanResource.Types.State>(term)));
                break;
            case "beneficiary":
                conditions.Add("b.beneficiary_id = @BeneficiaryId", ("BeneficiaryId", FilterValues.ResourceId(term, BeneficiaryRecord.Collection)));
                break;
            case "consultant":
                conditions.Add("b.consultant_id = @ConsultantId", ("ConsultantId", FilterValues.ResourceId(term, ConsultantRecord.Collection)));
                break;
            case "organization":
                conditions.Add("b.organization_id = @OrganizationId", ("OrganizationId", FilterValues.ResourceId(term, OrganizationScope.Collection)));
                break;
            case "beneficiary_name":
                // The start of "given family" or "family given", ignoring case: "mart", "camille m", "martin cam".
                conditions.Add(
                    """
                    EXISTS (SELECT 1 FROM beneficiaries n WHERE n.id = b.beneficiary_id
                        AND (lower(n.given_name || ' ' || n.family_name) COLLATE "C" LIKE @NamePrefix
                            OR lower(n.family_name || ' ' || n.given_name) COLLATE "C" LIKE @NamePrefix))
                    """,
                    ("NamePrefix", SqlConditions.LikePrefix(term.Prefix.Trim().ToLowerInvariant())));
                break;
            case "employer_siret":
                conditions.Add(
                    "EXISTS (SELECT 1 FROM beneficiaries e WHERE e.id = b.beneficiary_id AND e.employer_siret = @EmployerSiret)",
                    ("EmployerSiret", term.Value));
                break;
        }
    }
}
