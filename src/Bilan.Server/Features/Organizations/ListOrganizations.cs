using Bilan.Contracts.V1;
using Bilan.Server.Api;
using Grpc.Core;

namespace Bilan.Server.Features.Organizations;

public sealed partial class OrganizationsService
{
    private static readonly IReadOnlyCollection<string> FilterFields = ["display_name", "siret"];

    public override async Task<ListOrganizationsResponse> ListOrganizations(ListOrganizationsRequest request, ServerCallContext context)
    {
        var pageSize = PageSize.Resolve(request.PageSize);
        var conditions = new SqlConditions();
        foreach (var term in ListFilter.Parse(request.Filter, FilterFields))
        {
            AddCondition(conditions, term);
        }

        // Keyset pagination on the alphabetical order: resume strictly after the last organization returned.
        if (PageToken.Decode(request.PageToken, request.Filter, keyLength: 2) is [var displayName, var lastId])
        {
            conditions.Add("(display_name, id) > (@AfterName, @AfterId)",
                ("AfterName", displayName), ("AfterId", PageKeys.ParseGuid(lastId)));
        }

        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var rows = await conditions.QueryPageAsync<OrganizationRow>(connection,
            $"SELECT {OrganizationRecord.Columns} FROM organizations", "display_name, id", pageSize, context.CancellationToken);

        var (page, next) = PageToken.Cut(rows, pageSize, request.Filter, last => [last.DisplayName, last.Id.ToString()]);
        var response = new ListOrganizationsResponse { NextPageToken = next };
        response.Organizations.AddRange(page.Select(row => row.ToRecord().ToProto()));
        return response;
    }

    private static void AddCondition(SqlConditions conditions, FilterTerm term)
    {
        switch (term.Field)
        {
            case "display_name":
                conditions.AddPrefix(term, "display_name");
                break;
            case "siret":
                conditions.Add("siret = @Siret", ("Siret", term.Value));
                break;
        }
    }
}
