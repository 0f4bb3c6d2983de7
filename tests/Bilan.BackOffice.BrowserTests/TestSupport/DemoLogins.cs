namespace Bilan.BackOffice.BrowserTests.TestSupport;

/// <summary>The demo data's staff logins (Bilan.Server's DemoAccounts), which the running server seeds.</summary>
public static class DemoLogins
{
    public const string AdminEmail = "admin@example.org";
    public const string AdminPassword = "Demo-admin-2026";
    public const string ConsultantEmail = "consultant@example.org";
    public const string ConsultantPassword = "Demo-consultant-2026";
}
