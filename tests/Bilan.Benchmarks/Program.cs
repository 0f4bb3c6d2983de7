using System.Diagnostics;
using System.Globalization;
using Bilan.Contracts.V1;
using Grpc.Core;
using Grpc.Net.Client;

// Measurements through the gRPC API of a started server, run by scripts/bench-* (which seed the database).
// Usage:
//   Bilan.Benchmarks list-bilans <grpc address> <session token> [pages=1000] [page size=100] [samples=50]
//     Keyset pagination check: walks ListBilans page by page, then times the first page and the last page reached
//     alternately, so that both see the same cache and load.
//   Bilan.Benchmarks dashboard <grpc address> <admin token> <consultant token> [samples=200] [warm-up=20]
//     What the back-office dashboard calls on every page view (SummarizeBilans, ListAlerts with the page size the
//     back-office asks), for an admin and for a consultant, each call timed alternately after a warm-up.
var mode = args.ElementAtOrDefault(0);
var address = args.ElementAtOrDefault(1) ?? "http://127.0.0.1:5001";
using var channel = GrpcChannel.ForAddress(address);
return mode switch
{
    "list-bilans" => await ListBilansAsync(channel, args[2], IntArg(3, 1000), IntArg(4, 100), IntArg(5, 50)),
    "dashboard" => await DashboardAsync(channel, args[2], args[3], IntArg(4, 200), IntArg(5, 20)),
    _ => Usage(),
};

int IntArg(int index, int fallback) =>
    args.ElementAtOrDefault(index) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

static int Usage()
{
    Console.Error.WriteLine("Usage: Bilan.Benchmarks list-bilans|dashboard <grpc address> <token>... (see Program.cs)");
    return 2;
}

static CallOptions As(string token) => new(new Metadata { { "authorization", $"Bearer {token}" } });

static async Task<int> ListBilansAsync(GrpcChannel channel, string token, int pages, int pageSize, int samples)
{
    var client = new BilanService.BilanServiceClient(channel);
    var options = As(token);
    var walk = Stopwatch.StartNew();
    var pageToken = "";
    var lastPageToken = "";
    for (var page = 1; page <= pages; page++)
    {
        lastPageToken = pageToken;
        var response = await client.ListBilansAsync(new ListBilansRequest { PageSize = pageSize, PageToken = pageToken }, options);
        if (response.NextPageToken.Length == 0 && page < pages)
        {
            Console.Error.WriteLine($"Only {page} pages of {pageSize} bilans: seed more (scripts/bench-list-bilans does).");
            return 1;
        }

        pageToken = response.NextPageToken;
    }

    walk.Stop();
    Console.WriteLine($"walked {pages} pages of {pageSize}: {walk.Elapsed.TotalSeconds:F1} s, {walk.Elapsed.TotalMilliseconds / pages:F2} ms a page on average");

    var first = new List<double>();
    var last = new List<double>();
    for (var i = 0; i < samples; i++)
    {
        first.Add(await TimeAsync(() => client.ListBilansAsync(new ListBilansRequest { PageSize = pageSize }, options).ResponseAsync));
        last.Add(await TimeAsync(() => client.ListBilansAsync(new ListBilansRequest { PageSize = pageSize, PageToken = lastPageToken }, options).ResponseAsync));
    }

    Console.WriteLine($"page 1:     {Figures(first)}");
    Console.WriteLine($"page {pages}: {Figures(last)}");
    Console.WriteLine($"page {pages} / page 1 (medians): {Median(last) / Median(first):F2}");
    return 0;
}

static async Task<int> DashboardAsync(GrpcChannel channel, string adminToken, string consultantToken, int samples, int warmUp)
{
    var bilans = new BilanService.BilanServiceClient(channel);
    var alerts = new AlertService.AlertServiceClient(channel);
    // What src/Bilan.BackOffice asks: AlertesModel.PageSize, Index's upcoming interviews for a consultant only.
    const int AlertPageSize = 50;
    foreach (var (who, token, upcoming) in new[] { ("admin", adminToken, 0), ("consultant", consultantToken, 10) })
    {
        var options = As(token);
        var summary = await bilans.SummarizeBilansAsync(new SummarizeBilansRequest { UpcomingInterviewCount = upcoming }, options);
        var list = await alerts.ListAlertsAsync(new ListAlertsRequest { PageSize = AlertPageSize }, options);
        Console.WriteLine($"{who}: {summary.StateCounts.Sum(count => count.BilanCount)} bilans, {summary.UpcomingInterviews.Count} upcoming interviews, "
            + $"{list.TotalSize} alerts ({string.Join(", ", list.Alerts.GroupBy(alert => alert.Kind).Select(kind => $"{kind.Key} {kind.Count()}"))} in the first {list.Alerts.Count})");

        var summarize = new List<double>();
        var listAlerts = new List<double>();
        for (var i = 0; i < warmUp + samples; i++)
        {
            var s = await TimeAsync(() => bilans.SummarizeBilansAsync(new SummarizeBilansRequest { UpcomingInterviewCount = upcoming }, options).ResponseAsync);
            var a = await TimeAsync(() => alerts.ListAlertsAsync(new ListAlertsRequest { PageSize = AlertPageSize }, options).ResponseAsync);
            if (i >= warmUp)
            {
                summarize.Add(s);
                listAlerts.Add(a);
            }
        }

        Console.WriteLine($"  SummarizeBilans: {Figures(summarize)}");
        Console.WriteLine($"  ListAlerts:      {Figures(listAlerts)}");
    }

    return 0;
}

static async Task<double> TimeAsync<T>(Func<Task<T>> call)
{
    var watch = Stopwatch.StartNew();
    await call();
    return watch.Elapsed.TotalMilliseconds;
}

static string Figures(List<double> values) =>
    $"median {Median(values):F2} ms, p90 {Percentile(values, 0.9):F2} ms ({values.Count} samples)";

static double Median(List<double> values) => Percentile(values, 0.5);

static double Percentile(List<double> values, double rank)
{
    var sorted = values.Order().ToList();
    return sorted[(int)Math.Round(rank * (sorted.Count - 1))];
}
