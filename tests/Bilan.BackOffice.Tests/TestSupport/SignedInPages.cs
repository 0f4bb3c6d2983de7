using System.Security.Claims;
using Bilan.BackOffice.Security;
using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bilan.BackOffice.Tests.TestSupport;

/// <summary>Page contexts of a signed-in staff user, and the API errors the people and confidential pages meet.</summary>
public static class SignedInPages
{
    /// <summary>A page context whose user has <paramref name="role"/> (admin, consultant, support).</summary>
    public static PageContext As(string role) => new()
    {
        HttpContext = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, "Jeanne Martin"), new Claim(ClaimTypes.Role, role), new Claim(SessionClaims.ApiToken, ApiCalls.Token)],
                "Cookies",
                ClaimTypes.Name,
                ClaimTypes.Role)),
        },
    };

    /// <summary>An INVALID_ARGUMENT with one French message per field path.</summary>
    public static RpcException Invalid(params (string Field, string French)[] fields)
    {
        var badRequest = new BadRequest();
        foreach (var (field, french) in fields)
        {
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation
            {
                Field = field,
                Reason = "INVALID",
                Description = "English description",
                LocalizedMessage = new LocalizedMessage { Locale = "fr-FR", Message = french },
            });
        }

        return ApiCalls.Error(StatusCode.InvalidArgument, "Certaines informations sont invalides.", "INVALID_FIELDS", badRequest);
    }

    /// <summary>The stale-etag answer.</summary>
    public static RpcException Stale() =>
        ApiCalls.Error(StatusCode.Aborted, "Quelqu'un d'autre a modifié cet élément entre-temps.", "ETAG_MISMATCH");

    /// <summary>Support's refusal of confidential content, as the API words it.</summary>
    public const string SupportRefusal = "Le support n'a pas accès au contenu confidentiel d'un bilan (secret professionnel).";

    /// <summary>The refusal the API answers support on the synthesis and notes.</summary>
    public static RpcException ConfidentialRefused() =>
        ApiCalls.Error(StatusCode.PermissionDenied, SupportRefusal, "CONFIDENTIAL_CONTENT");

    /// <summary>The messages of one model-state entry.</summary>
    public static IReadOnlyList<string> ErrorsOf(ModelStateDictionary modelState, string key) =>
        modelState.TryGetValue(key, out var entry) ? [.. entry.Errors.Select(error => error.ErrorMessage)] : [];
}
