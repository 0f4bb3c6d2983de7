using Bilan.Contracts.V1;
using Grpc.Core;
using NSubstitute;
using State = Bilan.Contracts.V1.Bilan.Types.State;

namespace Bilan.BackOffice.Tests.TestSupport;

/// <summary>
/// The bilan and beneficiary clients behind the heading of a bilan's dossier pages (« Bilan de Sophie Lefèvre ·
/// phase de conclusion »): GetBilan answers a bilan of Sophie Lefèvre, or fails.
/// </summary>
public static class BilanHeadings
{
    /// <summary>The beneficiary of the bilan.</summary>
    public const string BeneficiaryName = "beneficiaries/0193a3c4-0000-7000-8000-0000000000a7";

    /// <summary>A bilan client whose GetBilan answers a bilan of Sophie Lefèvre in <paramref name="state"/>.</summary>
    public static BilanService.BilanServiceClient Bilan(string id, State state = State.Conclusion)
    {
        var client = Substitute.For<BilanService.BilanServiceClient>();
        AnswerBilan(client, id, state);
        return client;
    }

    /// <summary>Makes GetBilan of <paramref name="client"/> answer a bilan of Sophie Lefèvre in <paramref name="state"/> (any other bilan is NOT_FOUND).</summary>
    public static void AnswerBilan(BilanService.BilanServiceClient client, string id, State state = State.Conclusion) =>
        client.GetBilanAsync(Arg.Any<GetBilanRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(call => call.Arg<GetBilanRequest>().Name == $"bilans/{id}"
                ? ApiCalls.Answer(new Contracts.V1.Bilan { Name = $"bilans/{id}", Beneficiary = BeneficiaryName, State = state, Etag = "W/\"7\"" })
                : ApiCalls.Fail<Contracts.V1.Bilan>(ApiCalls.Error(StatusCode.NotFound, "Ce bilan n'existe pas.", "RESOURCE_NOT_FOUND")));

    /// <summary>A bilan client whose GetBilan fails with <paramref name="exception"/> (UNAVAILABLE by default).</summary>
    public static BilanService.BilanServiceClient BilanFails(RpcException? exception = null)
    {
        var client = Substitute.For<BilanService.BilanServiceClient>();
        client.GetBilanAsync(Arg.Any<GetBilanRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<Contracts.V1.Bilan>(exception ?? new RpcException(new Status(StatusCode.Unavailable, "down"))));
        return client;
    }

    /// <summary>A beneficiary client that knows Sophie Lefèvre.</summary>
    public static BeneficiaryService.BeneficiaryServiceClient Beneficiaries() =>
        ApiCalls.Beneficiaries(new Beneficiary { Name = BeneficiaryName, GivenName = "Sophie", FamilyName = "Lefèvre" });
}
