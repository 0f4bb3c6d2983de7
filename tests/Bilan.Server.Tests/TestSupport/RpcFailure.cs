using Google.Rpc;
using Grpc.Core;
using RpcStatus = Google.Rpc.Status;

namespace Bilan.Server.Tests.TestSupport;

/// <summary>Runs a call that must fail, and reads back the rich status the API answered.</summary>
public static class RpcFailure
{
    public static async Task<RpcStatus> Of(StatusCode expected, Func<Task> call)
    {
        var exception = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(expected, exception.StatusCode);
        return exception.GetRpcStatus() ?? throw new Xunit.Sdk.XunitException("The error carries no google.rpc.Status details.");
    }

    public static Task<RpcStatus> Of<T>(StatusCode expected, Func<AsyncUnaryCall<T>> call) =>
        Of(expected, async () => await call());

    public static ErrorInfo ErrorInfo(this RpcStatus status) =>
        status.GetDetail<ErrorInfo>() ?? throw new Xunit.Sdk.XunitException("No ErrorInfo in the status.");

    /// <summary>The fields a BadRequest names, in order.</summary>
    public static IReadOnlyList<string> BadFields(this RpcStatus status) =>
        (status.GetDetail<BadRequest>() ?? throw new Xunit.Sdk.XunitException("No BadRequest in the status."))
            .FieldViolations.Select(v => v.Field).ToList();

    public static string FrenchMessage(this RpcStatus status) =>
        status.GetDetail<LocalizedMessage>()?.Message ?? throw new Xunit.Sdk.XunitException("No LocalizedMessage in the status.");
}
