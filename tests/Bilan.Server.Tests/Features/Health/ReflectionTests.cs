using Bilan.Server.Tests.TestSupport;
using Google.Protobuf.Reflection;
using V1 = Grpc.Reflection.V1;
using V1Alpha = Grpc.Reflection.V1Alpha;

namespace Bilan.Server.Tests.Features.Health;

/// <summary>What grpcurl and buf curl rely on: server reflection, in both protocol versions, without credentials (anonymous channel).</summary>
[Collection(ApiTests.Name)]
public sealed class ReflectionTests(ApiFixture fixture)
{
    private static readonly string[] ExpectedServices =
    [
        "bilan.v1.AlertService",
        "bilan.v1.AuthService",
        "bilan.v1.BeneficiaryService",
        "bilan.v1.BilanService",
        "bilan.v1.ConsentService",
        "bilan.v1.ConsultantService",
        "bilan.v1.ConventionService",
        "bilan.v1.FollowUpService",
        "bilan.v1.FundingService",
        "bilan.v1.InterviewService",
        "bilan.v1.OrganizationService",
        "bilan.v1.PolicyService",
        "bilan.v1.QualityService",
        "bilan.v1.ReportService",
        "bilan.v1.SupportService",
        "bilan.v1.SynthesisService",
        "bilan.v1.UserService",
        "bilan.v1.WorkingTimeAuthorizationService",
        "grpc.health.v1.Health",
        "grpc.reflection.v1.ServerReflection",
        "grpc.reflection.v1alpha.ServerReflection",
    ];

    [Fact]
    public async Task ListServices_V1_EveryServiceOfTheApi()
    {
        var response = await AskV1(new V1.ServerReflectionRequest { ListServices = "" });

        Assert.Equal(ExpectedServices, response.ListServicesResponse.Service.Select(s => s.Name).Order());
    }

    [Fact]
    public async Task ListServices_V1Alpha_EveryServiceOfTheApi()
    {
        using var call = new V1Alpha.ServerReflection.ServerReflectionClient(fixture.Server.AnonymousChannel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new V1Alpha.ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(ExpectedServices, call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).Order());
    }

    [Theory]
    [InlineData("google.rpc.BadRequest")]
    [InlineData("google.rpc.ErrorInfo")]
    [InlineData("google.rpc.LocalizedMessage")]
    public async Task FileContainingSymbol_ErrorDetailType_Known(string symbol)
    {
        var response = await AskV1(new V1.ServerReflectionRequest { FileContainingSymbol = symbol });

        var files = response.FileDescriptorResponse.FileDescriptorProto.Select(bytes => FileDescriptorProto.Parser.ParseFrom(bytes));
        Assert.Contains(files, file => file.Name == "google/rpc/error_details.proto");
    }

    [Fact]
    public async Task FileContainingSymbol_BilanService_CarriesItsDocumentation()
    {
        var response = await AskV1(new V1.ServerReflectionRequest { FileContainingSymbol = "bilan.v1.BilanService" });

        var file = response.FileDescriptorResponse.FileDescriptorProto
            .Select(bytes => FileDescriptorProto.Parser.ParseFrom(bytes))
            .Single(f => f.Name == "bilan/v1/bilan_service.proto");
        Assert.Contains(file.Service, s => s.Name == "BilanService" && s.Method.Any(m => m.Name == "ListBilans"));
    }

    private async Task<V1.ServerReflectionResponse> AskV1(V1.ServerReflectionRequest request)
    {
        using var call = new V1.ServerReflection.ServerReflectionClient(fixture.Server.AnonymousChannel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(request);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        return call.ResponseStream.Current;
    }
}

/// <summary>An installation may switch reflection off; the API itself is unchanged.</summary>
public sealed class ReflectionSwitchedOffTests
{
    [Fact]
    public async Task ListServices_ReflectionDisabled_Unimplemented()
    {
        await using var server = await ApiServer.StartAsync(new Dictionary<string, string?> { ["Bilan:Reflection:Enabled"] = "false" });
        using var call = new V1.ServerReflection.ServerReflectionClient(server.AnonymousChannel).ServerReflectionInfo();

        var exception = await Assert.ThrowsAsync<Grpc.Core.RpcException>(async () =>
        {
            await call.RequestStream.WriteAsync(new V1.ServerReflectionRequest { ListServices = "" });
            await call.ResponseStream.MoveNext(CancellationToken.None);
        });

        Assert.Equal(Grpc.Core.StatusCode.Unimplemented, exception.StatusCode);
    }
}
