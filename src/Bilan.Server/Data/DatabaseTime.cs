namespace Bilan.Server.Data;

/// <summary>PostgreSQL keeps microseconds: times are cut to that precision before they are stored and
/// returned, so that what a create answers is exactly what a later read gives.</summary>
public static class DatabaseTime
{
    public static DateTimeOffset Now(this TimeProvider clock) => Truncate(clock.GetUtcNow());

    /// <summary><paramref name="time"/> cut to the microsecond, as PostgreSQL will keep it.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset time) => time.AddTicks(-(time.Ticks % TimeSpan.TicksPerMicrosecond));
}
