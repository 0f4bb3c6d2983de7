using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using RpcStatus = Google.Rpc.Status;

namespace Bilan.BackOffice.Api;

/// <summary>
/// Turns an <see cref="RpcException"/> of the API into what a page shows: the API's fr-FR
/// <c>google.rpc.LocalizedMessage</c> (or, when absent, a French sentence per status code), plus the French
/// message of each <c>BadRequest</c> field violation, mapped from the proto field path to the page property.
/// </summary>
public static class FrenchErrorPresenter
{
    /// <summary>The trailer in which gRPC carries the binary <c>google.rpc.Status</c>.</summary>
    public const string StatusDetailsTrailer = "grpc-status-details-bin";

    private const string FrenchLocale = "fr-FR";

    /// <summary>Presents <paramref name="exception"/>.</summary>
    /// <param name="exception">The failed call.</param>
    /// <param name="fieldNames">
    /// Proto field path (for example <c>bilan.planned_hours</c>) to page property name (for example
    /// <c>Saisie.HeuresPrevues</c>); a path not listed keeps its own name.
    /// </param>
    public static ApiError Present(RpcException exception, IReadOnlyDictionary<string, string>? fieldNames = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var status = DetailsOf(exception);

        string? french = null;
        var reason = string.Empty;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var detail in status?.Details ?? [])
        {
            if (detail.TryUnpack<LocalizedMessage>(out var localized) && IsFrench(localized.Locale) && !string.IsNullOrWhiteSpace(localized.Message))
            {
                french ??= localized.Message;
            }
            else if (detail.TryUnpack<ErrorInfo>(out var info))
            {
                reason = info.Reason;
            }
            else if (detail.TryUnpack<BadRequest>(out var badRequest))
            {
                foreach (var violation in badRequest.FieldViolations)
                {
                    var property = fieldNames is not null && fieldNames.TryGetValue(violation.Field, out var mapped) ? mapped : violation.Field;
                    var message = violation.LocalizedMessage is { } fieldMessage && IsFrench(fieldMessage.Locale) && !string.IsNullOrWhiteSpace(fieldMessage.Message)
                        ? fieldMessage.Message
                        : "Cette valeur est invalide.";
                    fields.TryAdd(property, message);
                }
            }
        }

        return new ApiError(french ?? Fallback(exception.StatusCode), fields, reason, french is not null);
    }

    /// <summary>Presents <paramref name="exception"/> into the page's model state: the message for the whole form, each field's on its field.</summary>
    public static ApiError AddTo(ModelStateDictionary modelState, RpcException exception, IReadOnlyDictionary<string, string>? fieldNames = null)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var error = Present(exception, fieldNames);
        modelState.AddModelError(string.Empty, error.Message);
        foreach (var (field, message) in error.FieldMessages)
        {
            modelState.AddModelError(field, message);
        }

        return error;
    }

    /// <summary>The French sentence shown when the API sent no French message.</summary>
    public static string Fallback(StatusCode statusCode) => statusCode switch
    {
        StatusCode.Unavailable => "Le service Bilan est momentanément injoignable : réessayez dans un instant.",
        StatusCode.DeadlineExceeded => "Le service Bilan n’a pas répondu à temps : réessayez dans un instant.",
        StatusCode.PermissionDenied => "Vous n’avez pas les droits nécessaires pour cette action.",
        StatusCode.NotFound => "L’élément demandé est introuvable : il a peut-être été supprimé.",
        StatusCode.Unauthenticated => "Votre session a expiré : connectez-vous à nouveau.",
        StatusCode.InvalidArgument => "Certaines informations sont invalides : corrigez-les puis réessayez.",
        StatusCode.FailedPrecondition => "Cette action n’est pas possible dans l’état actuel.",
        StatusCode.AlreadyExists => "Cet élément existe déjà.",
        StatusCode.Aborted => "Quelqu’un d’autre a modifié cet élément entre-temps : rechargez la page.",
        StatusCode.ResourceExhausted => "Trop de demandes en peu de temps : patientez un instant puis réessayez.",
        StatusCode.Cancelled => "La demande a été interrompue avant la fin.",
        _ => "Une erreur inattendue est survenue : réessayez ; si le problème persiste, contactez le support.",
    };

    private static bool IsFrench(string locale) =>
        string.Equals(locale, FrenchLocale, StringComparison.OrdinalIgnoreCase)
        || string.Equals(locale, "fr", StringComparison.OrdinalIgnoreCase);

    private static RpcStatus? DetailsOf(RpcException exception)
    {
        var bytes = exception.Trailers?.GetValueBytes(StatusDetailsTrailer);
        if (bytes is null)
        {
            return null;
        }

        try
        {
            return RpcStatus.Parser.ParseFrom(bytes);
        }
        catch (Google.Protobuf.InvalidProtocolBufferException)
        {
            return null;
        }
    }
}
