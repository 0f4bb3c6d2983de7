// Quickstart: a C# client of the Bilan gRPC API.
//   1. log in with AuthService/Login (the one call that needs no token);
//   2. send the session token with every call through CallCredentials;
//   3. list bilans;
//   4. send an invalid beneficiary and show the error's French messages (google.rpc.Status details).
// Usage: dotnet run --project tests/Bilan.Quickstart -- [ADDRESS] [EMAIL] [PASSWORD]
//        (default http://127.0.0.1:5001 and the demo admin of scripts/run)
using Bilan.Contracts.V1;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;

var address = args.ElementAtOrDefault(0) ?? "http://127.0.0.1:5001";
var email = args.ElementAtOrDefault(1) ?? "admin@example.org";
var password = args.ElementAtOrDefault(2) ?? "Demo-admin-2026";

// 1. Log in on a channel without credentials.
Console.WriteLine($"AuthService/Login as {email} on {address}");
string token;
using (var anonymous = GrpcChannel.ForAddress(address))
{
    token = (await new AuthService.AuthServiceClient(anonymous).LoginAsync(new LoginRequest { Email = email, Password = password })).Token;
}

Console.WriteLine($"  session token {token[..6]}…");

// 2. A channel that adds `authorization: Bearer <token>` to every call. gRPC sends call credentials only over
// TLS unless told otherwise: UnsafeUseInsecureChannelCallCredentials allows them on this h2c (cleartext)
// channel, which is acceptable on 127.0.0.1 only. Against a real installation use https:// and drop that flag.
var credentials = CallCredentials.FromInterceptor((_, metadata) =>
{
    metadata.Add("authorization", $"Bearer {token}");
    return Task.CompletedTask;
});
using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
{
    Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, credentials),
    UnsafeUseInsecureChannelCallCredentials = true,
});

// 3. List bilans.
var page = await new BilanService.BilanServiceClient(channel).ListBilansAsync(new ListBilansRequest { PageSize = 3 });
Console.WriteLine($"BilanService/ListBilans: {page.Bilans.Count} bilan(s) on the first page");
foreach (var bilan in page.Bilans)
{
    Console.WriteLine($"  {bilan.Name}  {bilan.State}");
}

// 4. A validation error: every bad field at once, each with a French message for staff.
try
{
    await new BeneficiaryService.BeneficiaryServiceClient(channel).CreateBeneficiaryAsync(
        new CreateBeneficiaryRequest { Beneficiary = new Beneficiary { Email = "not-an-email" } });
    Console.Error.WriteLine("The invalid beneficiary was accepted.");
    return 1;
}
catch (RpcException exception) when (exception.StatusCode == StatusCode.InvalidArgument)
{
    // GetRpcStatus (Grpc.StatusProto) decodes the grpc-status-details-bin trailer into a google.rpc.Status.
    var status = exception.GetRpcStatus()!;
    var info = status.GetDetail<ErrorInfo>()!;
    Console.WriteLine($"CreateBeneficiary with bad fields: {exception.StatusCode}, reason {info.Reason}, correlation id {info.Metadata["correlation_id"]}");
    var french = status.GetDetail<LocalizedMessage>()!;
    Console.WriteLine($"  {french.Locale}: {french.Message}");
    foreach (var violation in status.GetDetail<BadRequest>()!.FieldViolations)
    {
        Console.WriteLine($"  - {violation.Field}: {violation.LocalizedMessage.Message}");
    }
}

Console.WriteLine("C# quickstart: done");
return 0;
