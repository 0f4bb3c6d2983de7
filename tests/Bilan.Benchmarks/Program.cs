using System.Diagnostics;
using System.Globalization;
using Bilan.Contracts.V1;
using Grpc.Net.Client;

// Keyset pagination check: walks ListBilans page by page, then times the first page and the last page
// reached (page 1,000 by default) alternately, so that both see the same cache and load.
// Usage: Bilan.Benchmarks <grpc address> [pages=1000] [page size=100] [samples=50]
var address = args.ElementAtOrDefault(0) ?? "http://127.0.0.1:5001";
var pages = int.Parse(args.ElementAtOrDefault(1) ?? "1000", CultureInfo.InvariantCulture);
var pageSize = int.Parse(args.ElementAtOrDefault(2) ?? "100", CultureInfo.InvariantCulture);
var samples = int.Parse(args.ElementAtOrDefault(3) ?? "50", CultureInfo.InvariantCulture);

using var channel = GrpcChannel.ForAddress(address);
var client = new BilanService.BilanServiceClient(channel);

var walk = Stopwatch.StartNew();
var token = "";
var lastPageToken = "";
for (var page = 1; page <= pages; page++)
{
    lastPageToken = token;
    var response = await client.ListBilansAsync(new ListBilansRequest { PageSize = pageSize, PageToken = token });
    if (response.NextPageToken.Length == 0 && page < pages)
    {
        Console.Error.WriteLine($"Only {page} pages of {pageSize} bilans: seed more (scripts/bench-list-bilans does).");
        return 1;
    }

    token = response.NextPageToken;
}

walk.Stop();
Console.WriteLine($"walked {pages} pages of {pageSize}: {walk.Elapsed.TotalSeconds:F1} s, {walk.Elapsed.TotalMilliseconds / pages:F2} ms a page on average");

var first = new List<double>();
var last = new List<double>();
for (var i = 0; i < samples; i++)
{
    first.Add(await TimeAsync(""));
    last.Add(await TimeAsync(lastPageToken));
}

Console.WriteLine($"page 1:     median {Median(first):F2} ms, p90 {Percentile(first, 0.9):F2} ms ({samples} samples)");
Console.WriteLine($"page {pages}: median {Median(last):F2} ms, p90 {Percentile(last, 0.9):F2} ms ({samples} samples)");
Console.WriteLine($"page {pages} / page 1 (medians): {Median(last) / Median(first):F2}");
return 0;

async Task<double> TimeAsync(string pageToken)
{
    var watch = Stopwatch.StartNew();
    await client.ListBilansAsync(new ListBilansRequest { PageSize = pageSize, PageToken = pageToken });
    return watch.Elapsed.TotalMilliseconds;
}

static double Median(List<double> values) => Percentile(values, 0.5);

static double Percentile(List<double> values, double rank)
{
    var sorted = values.Order().ToList();
    return sorted[(int)Math.Round(rank * (sorted.Count - 1))];
}
