using Bilan.Domain.Identity;

namespace Bilan.Domain.Tests.Identity;

public sealed class LoginLockoutTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private static readonly IdentityPolicy Policy = new();

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(3, 4)]
    public void AfterFailure_BelowTheLimit_CountsWithoutLock(int before, int after) =>
        Assert.Equal((after, (DateTimeOffset?)null), LoginLockout.AfterFailure(before, Now, Policy));

    [Fact]
    public void AfterFailure_FifthInARow_LocksForFifteenMinutesAndStartsTheCountAgain() =>
        Assert.Equal((0, (DateTimeOffset?)Now.AddMinutes(15)), LoginLockout.AfterFailure(4, Now, Policy));

    [Fact]
    public void AfterFailure_PolicyFigures_Followed() =>
        Assert.Equal((0, (DateTimeOffset?)Now.AddMinutes(60)),
            LoginLockout.AfterFailure(2, Now, Policy with { MaxFailedLogins = 3, LockoutMinutes = 60 }));

    [Fact]
    public void AfterFailure_FiveFailuresFromNothing_LockOnTheFifthOnly()
    {
        var (count, locks) = (0, new List<bool>());
        for (var i = 0; i < 5; i++)
        {
            var (failures, lockedUntil) = LoginLockout.AfterFailure(count, Now, Policy);
            count = failures;
            locks.Add(lockedUntil is not null);
        }

        Assert.Equal([false, false, false, false, true], locks);
    }

    [Fact]
    public void IsLocked_NeverLocked_False() => Assert.False(LoginLockout.IsLocked(null, Now));

    [Fact]
    public void IsLocked_UntilLater_True() => Assert.True(LoginLockout.IsLocked(Now.AddTicks(10), Now));

    [Fact]
    public void IsLocked_AtTheEndOfTheLock_False() => Assert.False(LoginLockout.IsLocked(Now, Now));

    [Fact]
    public void IsLocked_LockInThePast_False() => Assert.False(LoginLockout.IsLocked(Now.AddMinutes(-1), Now));
}
