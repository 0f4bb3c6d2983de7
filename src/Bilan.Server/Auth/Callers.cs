namespace Bilan.Server.Auth;

/// <summary>Kinds of callers, combined in the access table.</summary>
[Flags]
public enum Callers
{
    None = 0,

    /// <summary>No credential at all: health checks and server reflection only.</summary>
    Anonymous = 1,

    Admin = 2,

    Consultant = 4,

    Support = 8,

    /// <summary>An employer's HR software, acting for its organisation through an API key.</summary>
    ApiClient = 16,

    /// <summary>Admins and consultants: those who change bilans (a consultant only their own).</summary>
    Practitioners = Admin | Consultant,

    /// <summary>Every staff role; support reads only, so this is for reads.</summary>
    Staff = Admin | Consultant | Support,

    /// <summary>Every authenticated caller, for reads scoped to what each may see.</summary>
    Authenticated = Staff | ApiClient,
}

public static class CallersExtensions
{
    public static Callers KindOf(this Caller caller) => caller.IsApiClient
        ? Callers.ApiClient
        : caller.Role switch
        {
            StaffRole.Admin => Callers.Admin,
            StaffRole.Consultant => Callers.Consultant,
            StaffRole.Support => Callers.Support,
            _ => Callers.None,
        };
}
