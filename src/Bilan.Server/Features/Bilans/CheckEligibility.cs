using Bilan.Contracts.V1;
using Bilan.Domain.Eligibility;
using Bilan.Domain.Errors;
using Bilan.Server.Api;
using Bilan.Server.Features.Beneficiaries;
using Bilan.Server.Auth;
using Grpc.Core;
using EligibilityReason = Bilan.Contracts.V1.EligibilityReason;

namespace Bilan.Server.Features.Bilans;

public sealed partial class BilansService
{
    public override async Task<CheckEligibilityResponse> CheckEligibility(CheckEligibilityRequest request, ServerCallContext context)
    {
        var checks = new FieldChecks();
        if (!ResourceName.TryParseId(request.Beneficiary, BeneficiaryRecord.Collection, out var beneficiaryId))
        {
            checks.AddRange([ResourceName.Violation(request.Beneficiary, BeneficiaryRecord.Collection, "beneficiary")]);
        }

        var before = checks.Violations.Count;
        var from = ProtoConversions.RequireDateOnly(request.StartDate, "start_date", checks);
        var to = ProtoConversions.RequireDateOnly(request.EndDate, "end_date", checks);
        if (checks.Violations.Count == before && to < from)
        {
            checks.Add("end_date", "END_BEFORE_START", "Must be on or after start_date.",
                "La date de fin doit être égale ou postérieure à la date de début.");
        }

        InvalidFieldsException.ThrowIfAny(checks.Violations);
        await using var connection = await dataSource.OpenConnectionAsync(context.CancellationToken);
        var beneficiary = await BeneficiariesService.FindAsync(connection, null, beneficiaryId, forUpdate: false, context.CancellationToken);
        await BeneficiaryAccess.EnsureVisibleAsync(context.Caller(), beneficiary, connection, null, context.CancellationToken);
        var verdict = EligibilityRules.Check(beneficiary.Details.Situations, from, to, policy);

        var response = new CheckEligibilityResponse { Eligible = verdict.Eligible };
        var situations = beneficiary.ToProto().Situations;
        response.Reasons.AddRange(verdict.Reasons.Select(reason => new EligibilityReason
        {
            Rule = reason.Rule,
            Blocking = reason.Blocking,
            Situation = situations[reason.SituationIndex],
            Description = reason.Description,
            FrenchDescription = reason.FrenchDescription,
        }));
        return response;
    }
}
