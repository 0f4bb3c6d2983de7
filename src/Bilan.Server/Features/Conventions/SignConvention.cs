using Bilan.Contracts.V1;
using Bilan.Domain;
using Bilan.Domain.Errors;
using Bilan.Domain.Funding;
using Bilan.Server.Api;
using Grpc.Core;
using BilanEventType = Bilan.Domain.Bilans.BilanEventType;
using ConventionParty = Bilan.Domain.Funding.ConventionParty;

namespace Bilan.Server.Features.Conventions;

public sealed partial class ConventionsService
{
    public override Task<Convention> SignConvention(SignConventionRequest request, ServerCallContext context)
    {
        var checks = new FieldChecks();
        var bilanId = SingletonName.Parse(request.Name, ConventionRecord.Segment, "name", checks);
        var party = (ConventionParty)request.Party;
        checks.RequireDefined("party", party, "La partie signataire");
        var date = ProtoConversions.RequireDateOnly(request.SignedDate, "signed_date", checks);
        CheckNotFuture(date, "signed_date", checks);
        InvalidFieldsException.ThrowIfAny(checks.Violations);

        return ChangeAsync(nameof(SignConvention), bilanId, request.Etag, request.RequestId, request, context, BilanEventType.ConventionSigned,
            (current, today) =>
            {
                var (state, _) = current.StateOn(today);
                if (state is ConventionState.Refused or ConventionState.DeemedRefused || current.EmployeeRefusedDate is not null)
                {
                    throw new RuleViolationException("CONVENTION_REFUSED",
                        "The employee refused this convention (explicitly, or by not signing within 10 days: R6313-8); draft a new one with UpdateConvention.",
                        "Le salarié a refusé cette convention (expressément, ou faute de l'avoir signée dans les 10 jours : article R6313-8) ; rédigez-en une nouvelle.");
                }

                var already = party switch
                {
                    ConventionParty.Employee => current.EmployeeSignedDate,
                    ConventionParty.Employer => current.EmployerSignedDate,
                    _ => current.ProviderSignedDate,
                };
                if (already is not null)
                {
                    throw new RuleViolationException("CONVENTION_ALREADY_SIGNED",
                        $"The {party.ToString().ToLowerInvariant()} already signed the convention.",
                        $"Le {FrenchNames.Of(party)} a déjà signé la convention.",
                        new Dictionary<string, string> { ["party"] = ApiNames.Of(party) });
                }

                if (party == ConventionParty.Employee)
                {
                    EnsureEmployeeMaySign(current, date);
                }

                var changed = party switch
                {
                    ConventionParty.Employee => current with { EmployeeSignedDate = date },
                    ConventionParty.Employer => current with { EmployerSignedDate = date },
                    _ => current with { ProviderSignedDate = date },
                };
                return (changed, new() { ["party"] = ApiNames.Of(party), ["signed_date"] = Domain.FrenchCalendar.Iso(date) });
            });
    }

    /// <summary>The employee signs once received, and by day 10 at the latest: afterwards silence was refusal (R6313-8).</summary>
    private static void EnsureEmployeeMaySign(ConventionRecord current, DateOnly date)
    {
        if (current.ReceivedDate is not { } received)
        {
            throw new RuleViolationException("CONVENTION_NOT_SENT",
                "The employee signs the convention once received: record its sending with SendConvention first.",
                "Le salarié signe la convention après l'avoir reçue : enregistrez d'abord sa remise.");
        }

        if (date < received)
        {
            throw new InvalidFieldsException([new FieldViolation("signed_date", "BEFORE_RECEIPT",
                "The employee cannot sign before receiving the convention.", "Le salarié ne peut pas signer avant d'avoir reçu la convention.")]);
        }

        var deadline = TripartiteConvention.SignatureDeadline(received);
        if (date > deadline)
        {
            throw new RuleViolationException("CONVENTION_DEEMED_REFUSED",
                $"The employee had until {Domain.FrenchCalendar.Iso(deadline)} ({TripartiteConvention.EmployeeDays} days after receiving it) to sign: silence is refusal (Code du travail R6313-8). Draft a new convention.",
                $"Le salarié avait jusqu'au {FrenchCalendar.Format(deadline)} ({TripartiteConvention.EmployeeDays} jours après réception) pour signer : son silence vaut refus (article R6313-8 du Code du travail). Rédigez une nouvelle convention.",
                new Dictionary<string, string> { ["employee_signature_deadline"] = Domain.FrenchCalendar.Iso(deadline), ["article"] = "R6313-8" });
        }
    }
}
