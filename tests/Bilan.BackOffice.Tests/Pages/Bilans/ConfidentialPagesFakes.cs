using Bilan.BackOffice.Tests.TestSupport;
using Bilan.Contracts.V1;
using Grpc.Core;
using NSubstitute;
using State = Bilan.Contracts.V1.Bilan.Types.State;

namespace Bilan.BackOffice.Tests.Pages.Bilans;

/// <summary>The substituted clients behind the bilan's confidential pages, with a bilan of Camille Martin.</summary>
public sealed class ConfidentialPagesFakes
{
    public const string BilanId = "0193a3c4-0000-7000-8000-0000000000b1";

    public const string InterviewId = "0193a3c4-0000-7000-8000-0000000000e1";

    public const string OrganizationName = "organizations/0193a3c4-0000-7000-8000-0000000000c1";

    /// <summary>A marker standing for confidential text: it must never reach a log or an address.</summary>
    public const string Secret = "MARQUEUR-CONFIDENTIEL-7f3a";

    public ConfidentialPagesFakes(State state = State.Conclusion)
    {
        Bilans.GetBilanAsync(Arg.Any<GetBilanRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new Contracts.V1.Bilan
            {
                Name = $"bilans/{BilanId}",
                Beneficiary = "beneficiaries/0193a3c4-0000-7000-8000-000000000007",
                State = state,
                Organization = OrganizationName,
            }));
        Beneficiaries.GetBeneficiaryAsync(Arg.Any<GetBeneficiaryRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new Beneficiary { GivenName = "Camille", FamilyName = "Martin" }));
        Interviews.ListInterviewsAsync(Arg.Any<ListInterviewsRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(new ListInterviewsResponse()));
    }

    public BilanService.BilanServiceClient Bilans { get; } = Substitute.For<BilanService.BilanServiceClient>();

    public BeneficiaryService.BeneficiaryServiceClient Beneficiaries { get; } = Substitute.For<BeneficiaryService.BeneficiaryServiceClient>();

    public ConsentService.ConsentServiceClient Consents { get; } = Substitute.For<ConsentService.ConsentServiceClient>();

    public SynthesisService.SynthesisServiceClient Syntheses { get; } = Substitute.For<SynthesisService.SynthesisServiceClient>();

    public InterviewService.InterviewServiceClient Interviews { get; } = Substitute.For<InterviewService.InterviewServiceClient>();

    public OrganizationService.OrganizationServiceClient Organizations { get; } = Substitute.For<OrganizationService.OrganizationServiceClient>();

    public UserService.UserServiceClient Users { get; } = Substitute.For<UserService.UserServiceClient>();

    /// <summary>GetSynthesis answers <paramref name="synthesis"/>.</summary>
    public void SynthesisIs(Synthesis synthesis) =>
        Syntheses.GetSynthesisAsync(Arg.Any<GetSynthesisRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(synthesis));

    /// <summary>GetSynthesis fails with <paramref name="exception"/>.</summary>
    public void SynthesisFails(RpcException exception) =>
        Syntheses.GetSynthesisAsync(Arg.Any<GetSynthesisRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<Synthesis>(exception));

    /// <summary>A synthesis whose every section holds the <see cref="Secret"/> marker.</summary>
    public static Synthesis Written(Synthesis.Types.State state = Synthesis.Types.State.Draft, int version = 1) => new()
    {
        Name = $"bilans/{BilanId}/synthesis",
        Circumstances = $"Circonstances {Secret}",
        SkillsAndOptions = $"Compétences {Secret}",
        ProjectAndSteps = $"Projet {Secret}",
        BeneficiaryObservations = string.Empty,
        Version = version,
        State = state,
        Etag = "W/\"5\"",
    };
}
