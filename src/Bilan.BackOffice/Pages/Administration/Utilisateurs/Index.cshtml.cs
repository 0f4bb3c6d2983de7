using Bilan.BackOffice.Security;
using Bilan.Contracts.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;

namespace Bilan.BackOffice.Pages.Administration.Utilisateurs;

/// <summary>The staff accounts, by e-mail address, with their role and state; disables and enables them.</summary>
public sealed class IndexModel(UserService.UserServiceClient users, ILogger<IndexModel> logger) : AdministrationPageModel
{
    /// <summary>The page token of the page to show; empty for the first page.</summary>
    [BindProperty(SupportsGet = true, Name = "jeton")]
    public string? Jeton { get; set; }

    /// <summary>The users of this page.</summary>
    public IReadOnlyList<UserRow> Rows { get; private set; } = [];

    /// <summary>The token of the next page; null on the last page.</summary>
    public string? NextPageToken { get; private set; }

    /// <summary>Shows one page of users.</summary>
    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    /// <summary>Disables a user: they can no longer log in and their sessions end at once.</summary>
    public Task<IActionResult> OnPostDesactiverAsync(string id, string? etag, string? requestId, CancellationToken cancellationToken) =>
        ChangeAsync(
            () => users.DisableUserAsync(
                new DisableUserRequest { Name = $"users/{id}", Etag = etag ?? string.Empty, RequestId = requestId ?? NewRequestId() },
                cancellationToken: cancellationToken),
            user => $"Le compte de {user.DisplayName} ({user.Email}) est désactivé : ses sessions en cours sont terminées.",
            cancellationToken);

    /// <summary>Enables a disabled user again.</summary>
    public Task<IActionResult> OnPostReactiverAsync(string id, string? etag, string? requestId, CancellationToken cancellationToken) =>
        ChangeAsync(
            () => users.EnableUserAsync(
                new EnableUserRequest { Name = $"users/{id}", Etag = etag ?? string.Empty, RequestId = requestId ?? NewRequestId() },
                cancellationToken: cancellationToken),
            user => $"Le compte de {user.DisplayName} ({user.Email}) est réactivé.",
            cancellationToken);

    private async Task<IActionResult> ChangeAsync(Func<AsyncUnaryCall<User>> call, Func<User, string> confirmation, CancellationToken cancellationToken)
    {
        try
        {
            var user = await call();
            Confirmation = confirmation(user);
            return RedirectToPage(new { jeton = Jeton });
        }
        catch (RpcException exception) when (Shown(exception) && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Changing a user failed: {StatusCode}", exception.StatusCode);
            ShowError(exception);
        }

        await LoadAsync(cancellationToken, keepError: true);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken, bool keepError = false)
    {
        try
        {
            var response = await users.ListUsersAsync(
                new ListUsersRequest { PageSize = PageSize, PageToken = Jeton ?? string.Empty },
                cancellationToken: cancellationToken);
            Rows = [.. response.Users.Select(UserRow.From)];
            NextPageToken = string.IsNullOrEmpty(response.NextPageToken) ? null : response.NextPageToken;
        }
        catch (RpcException exception) when (Shown(exception) && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("ListUsers failed: {StatusCode}", exception.StatusCode);
            if (!keepError || ErrorMessage is null)
            {
                ShowError(exception);
            }
        }
    }
}

/// <summary>One user as the list shows them.</summary>
public sealed record UserRow(string Id, string Email, string DisplayName, string Role, string State, bool Disabled, string Etag)
{
    /// <summary>Words a user of the API for the list: French role and state.</summary>
    public static UserRow From(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var state = user.Disabled
            ? "désactivé"
            : user.LockedUntil is { } locked
                ? $"verrouillé jusqu’au {Formatting.ParisTime.Format(locked.ToDateTimeOffset())}"
                : "actif";
        return new UserRow(
            AdministrationPageModel.IdOf(user.Name),
            user.Email,
            user.DisplayName,
            SessionClaims.FrenchRole(SessionClaims.RoleOf(user.Role)),
            state,
            user.Disabled,
            user.Etag);
    }
}
