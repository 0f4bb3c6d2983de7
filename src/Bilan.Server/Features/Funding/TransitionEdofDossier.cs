using Bilan.Contracts.V1;
using Bilan.Domain.Errors;
using Bilan.Domain.Funding;
using Bilan.Server.Api;
using Grpc.Core;
using BilanEventType = Bilan.Domain.Bilans.BilanEventType;
using EdofDossier = Bilan.Domain.Funding.EdofDossier;
using EdofState = Bilan.Domain.Funding.EdofState;
using FundingResource = Bilan.Contracts.V1.Funding;

namespace Bilan.Server.Features.Funding;

public sealed partial class FundingsService
{
    public override Task<FundingResource> TransitionEdofDossier(TransitionEdofDossierRequest request, ServerCallContext context)
    {
        var name = ParseName(request.Name, "name");
        var target = (EdofState)request.State;
        var checks = new FieldChecks();
        checks.RequireDefined("state", target, "Le nouvel état du dossier");
        var effective = DateOrToday(request.EffectiveDate, "effective_date", checks);
        var start = ProtoConversions.ToDateOnly(request.TrainingStartDate, "training_start_date", checks);
        var end = ProtoConversions.ToDateOnly(request.TrainingEndDate, "training_end_date", checks);
        var entry = ProtoConversions.ToDateOnly(request.EntryDate, "entry_date", checks);
        var exit = ProtoConversions.ToDateOnly(request.ExitDate, "exit_date", checks);
        switch (target)
        {
            case EdofState.Validated:
                Require(checks, request.TrainingStartDate, "training_start_date", "La date de début de la formation");
                Require(checks, request.TrainingEndDate, "training_end_date", "La date de fin de la formation");
                if (start is { } s && end is { } e && e < s)
                {
                    checks.Add("training_end_date", "END_BEFORE_START", "The end cannot be before the start.",
                        "La fin de la formation ne peut pas précéder son début.");
                }

                break;
            case EdofState.InTraining:
                Require(checks, request.EntryDate, "entry_date", "La date d'entrée en formation");
                NotAfter(checks, entry, effective, "entry_date", "L'entrée en formation");
                break;
            case EdofState.Terminated:
                Require(checks, request.ExitDate, "exit_date", "La date de sortie de formation");
                NotAfter(checks, exit, effective, "exit_date", "La sortie de formation");
                break;
        }

        InvalidFieldsException.ThrowIfAny(checks.Violations);

        return ChangeAsync(nameof(TransitionEdofDossier), request.RequestId, request, name, request.Etag, BilanEventType.EdofDossierChanged,
            current =>
            {
                if (current.Edof is not { } state || current.EdofReceiveDate is not { } received)
                {
                    throw new RuleViolationException("EDOF_DOSSIER_MISSING",
                        "This funding line has no EDOF dossier: attach one with UpdateFunding (edof_dossier) first.",
                        "Cette prise en charge n'a pas de dossier EDOF : renseignez d'abord son numéro et sa date de réception.");
                }

                EdofDossier.Apply(state, target, request.Reason);
                FundingDecisions.EnsureNotBefore(effective, received, "effective_date", "receive", "de réception de la demande");
                var updated = current with
                {
                    EdofState = (short)target,
                    EdofStateReason = EdofDossier.NeedsReason(target) ? request.Reason.Trim() : null,
                    EdofStateDate = effective,
                    EdofAnswerDate = state == EdofState.NotProcessed ? effective : current.EdofAnswerDate,
                };
                switch (target)
                {
                    case EdofState.Validated:
                        if (EdofDeadlines.CheckStart(effective, start!.Value) is { } tooEarly)
                        {
                            throw tooEarly;
                        }

                        return updated with { EdofProposalDate = effective, EdofStartDate = start, EdofEndDate = end };
                    case EdofState.InTraining:
                        return updated with { EdofEntryDate = entry, EdofEntryDeclaredDate = effective };
                    case EdofState.Terminated:
                        if (current.EdofEntryDate is { } entered)
                        {
                            FundingDecisions.EnsureNotBefore(exit!.Value, entered, "exit_date", "entry", "d'entrée en formation");
                        }

                        return updated with { EdofExitDate = exit, EdofExitDeclaredDate = effective };
                    default:
                        return updated;
                }
            },
            (previous, updated) =>
            {
                var attributes = updated.EventAttributes();
                attributes["previous_edof_state"] = Domain.ApiNames.Of(previous.Edof!.Value);
                attributes["edof_state"] = Domain.ApiNames.Of(updated.Edof!.Value);
                return attributes;
            },
            context);
    }

    private static void Require(FieldChecks checks, Google.Type.Date? value, string field, string frenchName)
    {
        if (value is null)
        {
            checks.Add(field, "REQUIRED", "Required for this state.", $"{frenchName} est obligatoire pour cet état.");
        }
    }

    private static void NotAfter(FieldChecks checks, DateOnly? date, DateOnly effective, string field, string frenchName)
    {
        if (date is { } day && day > effective)
        {
            checks.Add(field, "DATE_AFTER_DECLARATION", "Cannot be after the declaration (effective_date).",
                $"{frenchName} ne peut pas être postérieure à sa déclaration.");
        }
    }
}
