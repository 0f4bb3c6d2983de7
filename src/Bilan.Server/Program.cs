using Bilan.Server;
using Bilan.Server.Features.Identity;

// Settings are read beside the binary, wherever it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.WebHost.UseHttp2Only();
builder.Services.AddBilanServer(builder.Configuration);

var app = builder.Build();
// `create-admin` creates the first administrator of a real installation, then exits.
if (await CreateAdminCommand.TryRunAsync(args, app.Services, Console.In, Console.Out, Console.Error) is { } exitCode)
{
    Environment.ExitCode = exitCode;
    return;
}

await app.PrepareDatabaseAsync();
app.MapBilanServer();
app.Run();

/// <summary>The gRPC host; public so that integration tests can start it.</summary>
public partial class Program;
