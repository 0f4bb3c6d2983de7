using Bilan.BackOffice.Api;
using Bilan.BackOffice.Tests.TestSupport;
using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Bilan.BackOffice.Tests.Api;

public sealed class FrenchErrorPresenterTests
{
    [Fact]
    public void Present_FrenchLocalizedMessage_ShowsIt()
    {
        var error = FrenchErrorPresenter.Present(ApiCalls.Error(StatusCode.NotFound, "Ce bilan est introuvable.", "RESOURCE_NOT_FOUND"));

        Assert.Equal("Ce bilan est introuvable.", error.Message);
        Assert.True(error.FromApi);
        Assert.Equal("RESOURCE_NOT_FOUND", error.Reason);
        Assert.Empty(error.FieldMessages);
    }

    [Fact]
    public void Present_OnlyEnglishLocalizedMessage_ShowsFrenchFallback()
    {
        var english = new LocalizedMessage { Locale = "en-US", Message = "Bilan not found." };

        var error = FrenchErrorPresenter.Present(ApiCalls.Error(StatusCode.NotFound, null, "RESOURCE_NOT_FOUND", english));

        Assert.Equal("L’élément demandé est introuvable : il a peut-être été supprimé.", error.Message);
        Assert.False(error.FromApi);
    }

    [Theory]
    [InlineData(StatusCode.Unavailable, "Le service Bilan est momentanément injoignable : réessayez dans un instant.")]
    [InlineData(StatusCode.PermissionDenied, "Vous n’avez pas les droits nécessaires pour cette action.")]
    [InlineData(StatusCode.NotFound, "L’élément demandé est introuvable : il a peut-être été supprimé.")]
    [InlineData(StatusCode.DeadlineExceeded, "Le service Bilan n’a pas répondu à temps : réessayez dans un instant.")]
    [InlineData(StatusCode.Aborted, "Quelqu’un d’autre a modifié cet élément entre-temps : rechargez la page.")]
    [InlineData(StatusCode.Internal, "Une erreur inattendue est survenue : réessayez ; si le problème persiste, contactez le support.")]
    public void Present_NoDetails_ShowsFrenchSentenceOfStatusCode(StatusCode code, string expected)
    {
        var error = FrenchErrorPresenter.Present(new RpcException(new Grpc.Core.Status(code, "technical detail")));

        Assert.Equal(expected, error.Message);
        Assert.DoesNotContain("technical", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Present_CorruptDetailsTrailer_ShowsFallback()
    {
        var trailers = new Metadata { { FrenchErrorPresenter.StatusDetailsTrailer, new byte[] { 0xFF, 0xFF, 0xFF } } };

        var error = FrenchErrorPresenter.Present(new RpcException(new Grpc.Core.Status(StatusCode.Unavailable, "x"), trailers));

        Assert.Equal(FrenchErrorPresenter.Fallback(StatusCode.Unavailable), error.Message);
    }

    [Fact]
    public void Present_BadRequest_MapsEachFieldToItsPageProperty()
    {
        var error = FrenchErrorPresenter.Present(InvalidFields(), new Dictionary<string, string>
        {
            ["bilan.planned_hours"] = "Saisie.HeuresPrevues",
        });

        Assert.Equal("2 champs sont invalides : corrigez-les puis réessayez.", error.Message);
        Assert.Equal("La durée doit être comprise entre 1 et 24 heures.", error.FieldMessages["Saisie.HeuresPrevues"]);
        Assert.Equal("Cette valeur est invalide.", error.FieldMessages["bilan.planned_start_date"]);
    }

    [Fact]
    public void AddTo_BadRequest_PutsMessagesInModelState()
    {
        var modelState = new ModelStateDictionary();

        FrenchErrorPresenter.AddTo(modelState, InvalidFields(), new Dictionary<string, string> { ["bilan.planned_hours"] = "HeuresPrevues" });

        Assert.Equal("2 champs sont invalides : corrigez-les puis réessayez.", Assert.Single(modelState[string.Empty]!.Errors).ErrorMessage);
        Assert.Equal("La durée doit être comprise entre 1 et 24 heures.", Assert.Single(modelState["HeuresPrevues"]!.Errors).ErrorMessage);
        Assert.False(modelState.IsValid);
    }

    private static RpcException InvalidFields()
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation
        {
            Field = "bilan.planned_hours",
            Description = "planned_hours must be between 1 and 24",
            LocalizedMessage = new LocalizedMessage { Locale = "fr-FR", Message = "La durée doit être comprise entre 1 et 24 heures." },
        });
        badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation
        {
            Field = "bilan.planned_start_date",
            Description = "planned_start_date is in the past",
        });
        return ApiCalls.Error(StatusCode.InvalidArgument, "2 champs sont invalides : corrigez-les puis réessayez.", "INVALID_FIELDS", badRequest);
    }
}
