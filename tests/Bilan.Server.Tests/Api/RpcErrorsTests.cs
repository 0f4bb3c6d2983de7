using Bilan.Domain.Errors;
using Bilan.Server.Api;
using Google.Rpc;
using RpcStatus = Google.Rpc.Status;

namespace Bilan.Server.Tests.Api;

public sealed class RpcErrorsTests
{
    private const string CorrelationId = "0HNA1B2C3D4E5:00000007";

    private const string BilanName = "bilans/0b9b4c5e-8a86-4a3e-9f1b-3c9b1d2f6a10";

    private static readonly FieldViolation EmailInvalid = new("beneficiary.email", "INVALID_FORMAT",
        "Not an e-mail address (expected name@domain).", "L'adresse e-mail n'est pas valide (attendu : nom@domaine).");

    private static readonly FieldViolation HoursOutOfRange = new("bilan.planned_hours", "OUT_OF_RANGE",
        "Must be between 13 and 24 hours.", "La durée prévue doit être comprise entre 13 h et 24 h.");

    [Fact]
    public void InvalidFields_SeveralViolations_InvalidArgumentWithOneFieldViolationEach()
    {
        var status = RpcErrors.InvalidFields([EmailInvalid, HoursOutOfRange], CorrelationId);

        Assert.Equal((int)Code.InvalidArgument, status.Code);
        Assert.Equal("2 invalid fields: beneficiary.email, bilan.planned_hours.", status.Message);
        AssertDetailTypes(status, "ErrorInfo", "BadRequest", "LocalizedMessage", "RequestInfo");
        AssertErrorInfo(status, "INVALID_FIELDS", new() { ["fields"] = "beneficiary.email,bilan.planned_hours" });
        Assert.Equal(
            [
                new BadRequest.Types.FieldViolation
                {
                    Field = "beneficiary.email",
                    Reason = "INVALID_FORMAT",
                    Description = "Not an e-mail address (expected name@domain).",
                    LocalizedMessage = new LocalizedMessage { Locale = "fr-FR", Message = "L'adresse e-mail n'est pas valide (attendu : nom@domaine)." },
                },
                new BadRequest.Types.FieldViolation
                {
                    Field = "bilan.planned_hours",
                    Reason = "OUT_OF_RANGE",
                    Description = "Must be between 13 and 24 hours.",
                    LocalizedMessage = new LocalizedMessage { Locale = "fr-FR", Message = "La durée prévue doit être comprise entre 13 h et 24 h." },
                },
            ],
            status.GetDetail<BadRequest>()!.FieldViolations);
        AssertFrench(status, "2 champs sont invalides : corrigez-les puis réessayez.");
        AssertRequestInfo(status);
    }

    [Fact]
    public void InvalidFields_OneViolation_MessageNamesTheFieldAndSingularFrench()
    {
        var status = RpcErrors.InvalidFields([EmailInvalid], CorrelationId);

        Assert.Equal("Invalid field beneficiary.email: Not an e-mail address (expected name@domain).", status.Message);
        Assert.Single(status.GetDetail<BadRequest>()!.FieldViolations);
        AssertErrorInfo(status, "INVALID_FIELDS", new() { ["fields"] = "beneficiary.email" });
        AssertFrench(status, "Un champ est invalide : corrigez-le puis réessayez.");
    }

    [Fact]
    public void RuleViolation_Rule_FailedPreconditionWithTheRulesReasonAndMetadata()
    {
        var rule = new RuleViolationException(
            "BILAN_ENDED",
            "The bilan is STATE_CLOSED: it can no longer be changed.",
            "Ce bilan est terminé : il ne peut plus être modifié.",
            new Dictionary<string, string> { ["state"] = "STATE_CLOSED" });

        var status = RpcErrors.RuleViolation(rule, CorrelationId);

        Assert.Equal((int)Code.FailedPrecondition, status.Code);
        Assert.Equal("The bilan is STATE_CLOSED: it can no longer be changed.", status.Message);
        AssertDetailTypes(status, "ErrorInfo", "LocalizedMessage", "RequestInfo");
        AssertErrorInfo(status, "BILAN_ENDED", new() { ["state"] = "STATE_CLOSED" });
        AssertFrench(status, "Ce bilan est terminé : il ne peut plus être modifié.");
        AssertRequestInfo(status);
    }

    [Fact]
    public void RuleViolation_RuleWithoutMetadata_OnlyCorrelationIdInMetadata()
    {
        var status = RpcErrors.RuleViolation(new RuleViolationException("SOME_RULE", "Refused.", "Refusé."), CorrelationId);

        AssertErrorInfo(status, "SOME_RULE", []);
    }

    [Fact]
    public void NotFound_MissingResource_NotFoundWithResourceInfo()
    {
        var status = RpcErrors.NotFound(new ResourceNotFoundException(BilanName, "Ce bilan n'existe pas."), CorrelationId);

        Assert.Equal((int)Code.NotFound, status.Code);
        Assert.Equal($"{BilanName} does not exist.", status.Message);
        AssertDetailTypes(status, "ErrorInfo", "ResourceInfo", "LocalizedMessage", "RequestInfo");
        AssertErrorInfo(status, "RESOURCE_NOT_FOUND", new() { ["resource_name"] = BilanName });
        Assert.Equal(new ResourceInfo { ResourceName = BilanName, ResourceType = "bilans" }, status.GetDetail<ResourceInfo>());
        AssertFrench(status, "Ce bilan n'existe pas.");
        AssertRequestInfo(status);
    }

    [Fact]
    public void StaleEtag_ChangedResource_AbortedEtagMismatch()
    {
        var status = RpcErrors.StaleEtag(new StaleEtagException(BilanName), CorrelationId);

        Assert.Equal((int)Code.Aborted, status.Code);
        Assert.Equal($"{BilanName} was changed by someone else since it was read: read it again, then retry.", status.Message);
        AssertDetailTypes(status, "ErrorInfo", "LocalizedMessage", "RequestInfo");
        AssertErrorInfo(status, "ETAG_MISMATCH", new() { ["resource_name"] = BilanName });
        AssertFrench(status, "Quelqu'un d'autre a modifié cet élément entre-temps : rechargez-le pour voir sa version actuelle.");
        AssertRequestInfo(status);
    }

    [Fact]
    public void Unavailable_Database_UnavailableSayingRetryIsSafe()
    {
        var status = RpcErrors.Unavailable(CorrelationId);

        Assert.Equal((int)Code.Unavailable, status.Code);
        Assert.Contains("retry", status.Message, StringComparison.Ordinal);
        AssertErrorInfo(status, "DATABASE_UNAVAILABLE", []);
        AssertFrench(status, "La base de données ne répond pas : réessayez dans un instant.");
        AssertRequestInfo(status);
    }

    [Fact]
    public void Cancelled_Call_CancelledSayingNothingWasWritten()
    {
        var status = RpcErrors.Cancelled(CorrelationId);

        Assert.Equal((int)Code.Cancelled, status.Code);
        Assert.Equal("The call was cancelled or its deadline passed before it completed; nothing was written.", status.Message);
        AssertErrorInfo(status, "CANCELLED", []);
        AssertRequestInfo(status);
    }

    [Fact]
    public void Internal_AnyFailure_OnlyTheCorrelationIdToQuote()
    {
        var status = RpcErrors.Internal(CorrelationId);

        Assert.Equal((int)Code.Internal, status.Code);
        Assert.Equal($"An internal error occurred. Quote correlation id {CorrelationId} to support.", status.Message);
        AssertDetailTypes(status, "ErrorInfo", "LocalizedMessage", "RequestInfo");
        AssertErrorInfo(status, "INTERNAL", []);
        AssertFrench(status, $"Une erreur interne est survenue. Communiquez la référence {CorrelationId} au support.");
        AssertRequestInfo(status);
    }

    private static void AssertDetailTypes(RpcStatus status, params string[] expected) =>
        Assert.Equal(expected.Select(type => $"type.googleapis.com/google.rpc.{type}"), status.Details.Select(d => d.TypeUrl));

    private static void AssertErrorInfo(RpcStatus status, string reason, Dictionary<string, string> metadata)
    {
        var errorInfo = status.GetDetail<ErrorInfo>();
        Assert.NotNull(errorInfo);
        Assert.Equal("bilan.v1", errorInfo.Domain);
        Assert.Equal(reason, errorInfo.Reason);
        metadata["correlation_id"] = CorrelationId;
        Assert.Equal(metadata, errorInfo.Metadata.ToDictionary());
    }

    private static void AssertFrench(RpcStatus status, string message) =>
        Assert.Equal(new LocalizedMessage { Locale = "fr-FR", Message = message }, status.GetDetail<LocalizedMessage>());

    private static void AssertRequestInfo(RpcStatus status) =>
        Assert.Equal(CorrelationId, status.GetDetail<RequestInfo>()?.RequestId);
}
