using Bilan.Server.Api;
using Bilan.Server.Auth;

namespace Bilan.Server.Features.Bilans;

/// <summary>
/// Which bilans a caller may see and change: an API client sees its organisation's (any other is NOT_FOUND to
/// it); a consultant sees and changes the bilans assigned to them; support sees all and changes none (the access
/// table already keeps support and API clients away from changes); admins do everything.
/// </summary>
internal static class BilanAccess
{
    public static BilanRecord EnsureVisible(this Caller caller, BilanRecord bilan)
    {
        if (caller.IsApiClient && bilan.OrganizationId != caller.OrganizationId)
        {
            throw new ResourceNotFoundException(bilan.Name, BilansService.FrenchNotFound);
        }

        return caller.ConsultantId is { } consultant && bilan.ConsultantId != consultant ? throw NotYours() : bilan;
    }

    public static BilanRecord EnsureMayChange(this Caller caller, BilanRecord bilan)
    {
        caller.EnsureVisible(bilan);
        return caller.IsAdmin || (caller.ConsultantId is { } consultant && bilan.ConsultantId == consultant) ? bilan : throw NotYours();
    }

    /// <summary>Narrows a list of bilans (alias <c>b</c>) to what the caller may see.</summary>
    public static void Scope(Caller caller, SqlConditions conditions)
    {
        if (caller.IsApiClient)
        {
            conditions.Add("b.organization_id = @ScopeOrganization", ("ScopeOrganization", caller.OrganizationId!.Value));
        }
        else if (caller.ConsultantId is { } consultant)
        {
            conditions.Add("b.consultant_id = @ScopeConsultant", ("ScopeConsultant", consultant));
        }
    }

    private static PermissionDeniedException NotYours() =>
        new("NOT_YOUR_BILAN", "This bilan is not assigned to you.", "Ce bilan ne vous est pas confié.");
}
