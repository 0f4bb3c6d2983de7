using Bilan.Contracts.V1;
using Bilan.Domain.Bilans;
using Bilan.Server.Api;
using Bilan.Server.Data;
using Bilan.Server.Features.Bilans;
using Npgsql;

namespace Bilan.Server.Features.Interviews;

/// <summary>
/// bilan.v1.InterviewService. Each RPC lives in its own file beside this one; the rules are in
/// <see cref="Domain.Interviews.InterviewRules"/>.
/// </summary>
public sealed partial class InterviewsService(NpgsqlDataSource dataSource, IdempotentRequests requests, TimeProvider clock, BilanPolicy policy)
    : InterviewService.InterviewServiceBase
{
    /// <summary>Reads <c>bilans/{bilan}/interviews/{interview}</c>, or names the bad field.</summary>
    private static (Guid BilanId, Guid InterviewId) ParseName(string name, string field) =>
        ResourceName.ParseChild(name, BilanRecord.Collection, InterviewRecord.Segment, field);

    /// <summary>Reads <c>bilans/{bilan}/interviews/{interview}</c>, or adds the bad field to <paramref name="checks"/>.</summary>
    private static (Guid BilanId, Guid InterviewId) ParseName(string name, string field, Domain.Errors.FieldChecks checks) =>
        ResourceName.ParseChild(name, BilanRecord.Collection, InterviewRecord.Segment, field, checks);
}
