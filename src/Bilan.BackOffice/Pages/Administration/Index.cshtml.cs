using Bilan.BackOffice.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bilan.BackOffice.Pages.Administration;

/// <summary>Placeholder of the administration area (users, organisations, API keys): administrators only.</summary>
[Authorize(Policy = SessionClaims.AdminPolicy)]
public sealed class IndexModel : PageModel
{
}
