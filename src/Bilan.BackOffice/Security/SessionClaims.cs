using System.Security.Claims;
using Bilan.Contracts.V1;

namespace Bilan.BackOffice.Security;

/// <summary>
/// The claims of a signed-in staff user. They live only inside the encrypted (Data Protection) authentication
/// cookie: the API session token never reaches the browser in readable form, nor any page.
/// </summary>
public static class SessionClaims
{
    /// <summary>The API session token (<c>bs_…</c>), sent as <c>authorization: Bearer</c> on every call.</summary>
    public const string ApiToken = "bilan:api_token";

    /// <summary>When the API session ends at the latest, RFC 3339 (the login's <c>expire_time</c>).</summary>
    public const string ExpireTime = "bilan:expire_time";

    /// <summary>The consultant the user is (<c>consultants/{id}</c>), for consultants only.</summary>
    public const string Consultant = "bilan:consultant";

    /// <summary>The role claim value of administrators.</summary>
    public const string AdminRole = "admin";

    /// <summary>The role claim value of consultants.</summary>
    public const string ConsultantRole = "consultant";

    /// <summary>The role claim value of support staff.</summary>
    public const string SupportRole = "support";

    /// <summary>The authorization policy of administration pages.</summary>
    public const string AdminPolicy = "admin";

    /// <summary>The role claim value of an API role; empty for an unknown role.</summary>
    public static string RoleOf(StaffRole role) => role switch
    {
        StaffRole.Admin => AdminRole,
        StaffRole.Consultant => ConsultantRole,
        StaffRole.Support => SupportRole,
        _ => string.Empty,
    };

    /// <summary>The French name of a role claim value, as shown in the layout.</summary>
    public static string FrenchRole(string? role) => role switch
    {
        AdminRole => "administrateur",
        ConsultantRole => "consultant",
        SupportRole => "support",
        _ => string.Empty,
    };

    /// <summary>Builds the signed-in user from a successful login.</summary>
    public static ClaimsPrincipal PrincipalFrom(LoginResponse login, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(login);
        var user = login.User ?? new User();
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Name),
            new(ClaimTypes.Name, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email : user.DisplayName),
            new(ClaimTypes.Email, user.Email),
            new(ClaimTypes.Role, RoleOf(user.Role)),
            new(ApiToken, login.Token),
        };
        if (login.ExpireTime is { } expireTime)
        {
            claims.Add(new Claim(ExpireTime, expireTime.ToDateTimeOffset().ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (!string.IsNullOrEmpty(user.Consultant))
        {
            claims.Add(new Claim(Consultant, user.Consultant));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The API session token of <paramref name="user"/>, if signed in.</summary>
    public static string? TokenOf(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true ? user.FindFirst(ApiToken)?.Value : null;

    /// <summary>When the API session of <paramref name="user"/> ends at the latest, if known.</summary>
    public static DateTimeOffset? ExpireTimeOf(ClaimsPrincipal? user) =>
        user?.FindFirst(ExpireTime)?.Value is { } value
        && DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var parsed)
            ? parsed
            : null;
}
