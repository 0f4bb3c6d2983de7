using System.Net.Http.Headers;
using Microsoft.Extensions.Time.Testing;

namespace Bilan.Server.Tests.TestSupport;

/// <summary>
/// Sends a bearer credential with every call. A session is opened again whenever the test clock has moved far
/// enough for the current one to have expired (tests jump days ahead to hold interviews); a fixed credential
/// (an API key, a given session token) is sent as it is.
/// </summary>
public sealed class BearerHandler(HttpMessageHandler inner, Func<Task<string>> login, FakeTimeProvider clock) : DelegatingHandler(inner)
{
    // Well inside the server's idle (30 min) and absolute (12 h) session limits.
    private static readonly TimeSpan RenewAfterIdle = TimeSpan.FromMinutes(20);
    private static readonly TimeSpan RenewAfterAge = TimeSpan.FromHours(10);

    private readonly SemaphoreSlim _renewing = new(1, 1);
    private string? _token;
    private DateTimeOffset _openedAt;
    private DateTimeOffset _lastUse;

    public static BearerHandler Fixed(HttpMessageHandler inner, string credential, FakeTimeProvider clock) =>
        new(inner, () => Task.FromResult(credential), clock) { _token = credential, _openedAt = DateTimeOffset.MaxValue, _lastUse = DateTimeOffset.MaxValue };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync());
        return await base.SendAsync(request, cancellationToken);
    }

    private async Task<string> TokenAsync()
    {
        await _renewing.WaitAsync();
        try
        {
            var now = clock.GetUtcNow();
            if (_token is null || (_lastUse != DateTimeOffset.MaxValue && (now - _lastUse > RenewAfterIdle || now - _openedAt > RenewAfterAge)))
            {
                _token = await login();
                _openedAt = clock.GetUtcNow();
                now = _openedAt;
            }

            if (_lastUse != DateTimeOffset.MaxValue)
            {
                _lastUse = now;
            }

            return _token;
        }
        finally
        {
            _renewing.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _renewing.Dispose();
        }

        base.Dispose(disposing);
    }
}
