using Bilan.Contracts.V1;
using Bilan.Server.Api;
using Bilan.Server.Auth;
using Grpc.Core;

namespace Bilan.Server.Features.Beneficiaries;

public sealed partial class BeneficiariesService
{
    private static readonly IReadOnlyCollection<string> FilterFields = ["display_name", "email", "public_category", "employer_siret", "organization"];

    public override async Task<ListBeneficiariesResponse> ListBeneficiaries(ListBeneficiariesRequest request, ServerCallContext context)
    {
        var pageSize = PageSize.Resolve(request.PageSize);
        var conditions = new SqlConditions();
        BeneficiaryAccess.Scope(context.Caller(), conditions);
        foreach (var term in ListFilter.Parse(request.Filter, FilterFields))
        {
            AddCondition(conditions, term);
        }

        // Keyset pagination on the alphabetical order: resume strictly after the last beneficiary returned.
        if (PageToken.Decode(request.PageToken, request.Filter, keyLength: 3) is [var family, var given, var lastId])
        {
            conditions.Add("(family_name, given_name, id) > (@AfterFamily, @AfterGiven, @AfterId)",
                ("AfterFamily", family), ("AfterGiven", given), ("AfterId", PageKeys.ParseGuid(lastId)));
        }

        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var rows = await conditions.QueryPageAsync<BeneficiaryRow>(connection,
            $"SELECT {BeneficiaryRecord.Columns} FROM beneficiaries", "family_name, given_name, id", pageSize, context.CancellationToken);

        var (page, next) = PageToken.Cut(rows, pageSize, request.Filter, last => [last.FamilyName, last.GivenName, last.Id.ToString()]);
        var response = new ListBeneficiariesResponse { NextPageToken = next };
        response.Beneficiaries.AddRange((await BeneficiaryRecord.LoadAsync(connection, page, null, context.CancellationToken)).Select(r => r.ToProto()));

        return response;
    }

    private static void AddCondition(SqlConditions conditions, FilterTerm term)
    {
        switch (term.Field)
        {
            case "display_name":
                conditions.AddPrefix(term, "family_name", "given_name");
                break;
            case "email":
                conditions.AddPrefix(term, "email");
                break;
            case "public_category":
                conditions.Add("public_category = @PublicCategory", ("PublicCategory", (short)FilterValues.Enum<PublicCategory>(term)));
                break;
            case "employer_siret":
                conditions.Add("employer_siret = @EmployerSiret", ("EmployerSiret", term.Value));
                break;
            case "organization":
                conditions.Add("organization_id = @OrganizationId", ("OrganizationId", FilterValues.ResourceId(term, OrganizationScope.Collection)));
                break;
        }
    }
}
