namespace Bilan.Server.Data;

/// <summary>PostgreSQL keeps microseconds: times are cut to that precision before they are stored and
/// returned, so that what a create answers is exactly what a later read gives.</summary>
public static class DatabaseTime
{
    public static DateTimeOffset Now(this TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % (TimeSpan.TicksPerMillisecond / 1000)));
    }
}
