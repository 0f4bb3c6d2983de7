using Bilan.BackOffice.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bilan.BackOffice.Pages.Administration;

/// <summary>The administration area's home: links to users, consultants and organisations. Administrators only.</summary>
[Authorize(Policy = SessionClaims.AdminPolicy)]
public sealed class IndexModel : PageModel
{
}
