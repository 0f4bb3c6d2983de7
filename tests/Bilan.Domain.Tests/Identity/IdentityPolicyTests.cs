using Bilan.Domain.Identity;

namespace Bilan.Domain.Tests.Identity;

public sealed class IdentityPolicyTests
{
    private static readonly DateTimeOffset Login = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private static readonly IdentityPolicy Policy = new();

    private static readonly DateTimeOffset Expiry = Login + Policy.SessionLifetime;

    [Fact]
    public void Defaults_AreThePublishedOnes() =>
        Assert.Equal((12, 5, 15, 30, 12),
            (Policy.MinimumPasswordLength, Policy.MaxFailedLogins, Policy.LockoutMinutes, Policy.SessionIdleMinutes, Policy.SessionAbsoluteHours));

    [Fact]
    public void Durations_FollowTheFigures() =>
        Assert.Equal((TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(12)),
            (Policy.Lockout, Policy.SessionIdleTimeout, Policy.SessionLifetime));

    [Theory]
    [InlineData(0)]
    [InlineData(29)]
    [InlineData(30)]
    public void IsSessionOpen_UsedWithinTheIdleTimeout_Open(int idleMinutes) =>
        Assert.True(Policy.IsSessionOpen(Login, Expiry, Login.AddMinutes(idleMinutes)));

    [Fact]
    public void IsSessionOpen_IdleForThirtyOneMinutes_Ended() =>
        Assert.False(Policy.IsSessionOpen(Login, Expiry, Login.AddMinutes(31)));

    [Fact]
    public void IsSessionOpen_UsedAMinuteAgoButAtTheAbsoluteExpiry_Ended() =>
        Assert.False(Policy.IsSessionOpen(Expiry.AddMinutes(-1), Expiry, Expiry));

    [Fact]
    public void IsSessionOpen_UsedAMinuteAgoJustBeforeTheAbsoluteExpiry_Open() =>
        Assert.True(Policy.IsSessionOpen(Expiry.AddMinutes(-1), Expiry, Expiry.AddTicks(-1)));

    [Fact]
    public void IsSessionOpen_PolicyIdleTimeout_Followed() =>
        Assert.False((Policy with { SessionIdleMinutes = 5 }).IsSessionOpen(Login, Expiry, Login.AddMinutes(6)));
}
