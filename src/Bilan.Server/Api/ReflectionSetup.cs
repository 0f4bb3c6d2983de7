using System.Reflection;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server;
using Grpc.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Bilan.Server.Api;

/// <summary>
/// Server reflection (v1 and v1alpha) that also knows the <c>google.rpc</c> error detail types, so that
/// grpcurl and buf curl print an error's ErrorInfo, BadRequest and LocalizedMessage as readable JSON
/// instead of bytes. The services listed are those mapped as gRPC endpoints, as the stock registration does.
/// </summary>
public static class ReflectionSetup
{
    private static readonly FileDescriptor[] ErrorDetailFiles =
    [
        Google.Rpc.ErrorDetailsReflection.Descriptor,
        Google.Rpc.StatusReflection.Descriptor,
    ];

    public static IServiceCollection AddBilanReflection(this IServiceCollection services)
    {
        // Registered before AddGrpcReflection, whose own registrations only apply when none exists.
        services.AddSingleton(provider => new ReflectionServiceImpl(ServiceNames(provider), Registry(provider)));
        services.AddSingleton(provider => new ReflectionV1ServiceImpl(ServiceNames(provider), Registry(provider)));
        services.AddGrpcReflection();
        return services;
    }

    private static List<string> ServiceNames(IServiceProvider provider) =>
        MappedServices(provider).Select(s => s.FullName).ToList();

    private static SymbolRegistry Registry(IServiceProvider provider) =>
        SymbolRegistry.FromFiles(MappedServices(provider).Select(s => s.File).Concat(ErrorDetailFiles));

    private static List<ServiceDescriptor> MappedServices(IServiceProvider provider) =>
        provider.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(endpoint => endpoint.Metadata.GetMetadata<GrpcMethodMetadata>()?.ServiceType)
            .OfType<Type>()
            .Distinct()
            .Select(DescriptorOf)
            .OfType<ServiceDescriptor>()
            .ToList();

    /// <summary>The generated <c>Foo.Descriptor</c> of a service deriving from <c>Foo.FooBase</c>.</summary>
    private static ServiceDescriptor? DescriptorOf(Type serviceType)
    {
        var baseType = serviceType.BaseType;
        while (baseType?.BaseType?.BaseType is not null)
        {
            baseType = baseType.BaseType;
        }

        return baseType?.DeclaringType?.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as ServiceDescriptor;
    }
}
