using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Server.Api;
using Grpc.Core;
using DatedValue = Bilan.Domain.Funding.DatedValue;

namespace Bilan.Server.Features.Funding;

public sealed partial class FundingsService
{
    public override Task<CpfPolicy> GetCpfPolicy(GetCpfPolicyRequest request, ServerCallContext context)
    {
        var checks = new FieldChecks();
        var date = ProtoConversions.ToDateOnly(request.Date, "date", checks) ?? Today();
        InvalidFieldsException.ThrowIfAny(checks.Violations);

        var response = new CpfPolicy
        {
            Date = ProtoConversions.ToProtoDate(date),
            InForce = FundingRecord.Terms(policy.At(date), Domain.Beneficiaries.PublicCategory.Employee, coFunded: false),
        };
        response.CapPerBilan.AddRange(policy.CapPerBilanCents.Select(ToProto));
        response.HolderContribution.AddRange(policy.HolderContributionCents.Select(ToProto));
        response.PublicBilanLookbackYears.AddRange(policy.PublicBilanLookbackYears.Select(ToProto));
        return Task.FromResult(response);
    }

    private static DatedAmount ToProto(DatedValue value) =>
        new() { EffectiveDate = ProtoConversions.ToProtoDate(value.EffectiveFrom), Value = value.Value };
}
