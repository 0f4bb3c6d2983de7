using Bilan.Contracts.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using NSubstitute;
using RpcStatus = Google.Rpc.Status;

namespace Bilan.BackOffice.Tests.TestSupport;

/// <summary>Canned calls and errors of the Bilan API's substituted clients.</summary>
public static class ApiCalls
{
    /// <summary>The session token the substituted login hands out.</summary>
    public const string Token = "bs_jeton-secret-de-test-0123456789";

    /// <summary>A successful unary call answering <paramref name="response"/>.</summary>
    public static AsyncUnaryCall<T> Answer<T>(T response) => Call(Task.FromResult(response));

    /// <summary>A unary call failing the way Grpc.Net.Client fails: a faulted call.</summary>
    public static AsyncUnaryCall<T> Fail<T>(RpcException exception) => Call(Task.FromException<T>(exception));

    /// <summary>An API error as RpcErrors builds it: ErrorInfo, the fr-FR LocalizedMessage, then any other detail.</summary>
    public static RpcException Error(StatusCode code, string? french, string reason = "", params IMessage[] details)
    {
        var status = new RpcStatus { Code = (int)code, Message = "English message for developers" };
        status.Details.Add(Any.Pack(new ErrorInfo { Reason = reason, Domain = "bilan.example" }));
        foreach (var detail in details)
        {
            status.Details.Add(Any.Pack(detail));
        }

        if (french is not null)
        {
            status.Details.Add(Any.Pack(new LocalizedMessage { Locale = "fr-FR", Message = french }));
        }

        var trailers = new Metadata { { "grpc-status-details-bin", status.ToByteArray() } };
        return new RpcException(new Grpc.Core.Status(code, status.Message), trailers);
    }

    /// <summary>A successful login of Jeanne Martin with <paramref name="role"/>.</summary>
    public static LoginResponse Login(StaffRole role = StaffRole.Consultant) => new()
    {
        Token = Token,
        ExpireTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(12)),
        IdleTimeout = Duration.FromTimeSpan(TimeSpan.FromMinutes(30)),
        User = new User
        {
            Name = "users/0193a3c4-0000-7000-8000-000000000001",
            Email = "jeanne.martin@example.fr",
            DisplayName = "Jeanne Martin",
            Role = role,
            Consultant = role == StaffRole.Consultant ? "consultants/42" : string.Empty,
        },
    };

    /// <summary>An auth client whose logins all succeed with <paramref name="role"/> and whose logouts succeed.</summary>
    public static AuthService.AuthServiceClient AuthAccepting(StaffRole role = StaffRole.Consultant)
    {
        var client = Substitute.For<AuthService.AuthServiceClient>();
        client.LoginAsync(Arg.Any<LoginRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => Answer(Login(role)));
        client.LogoutAsync(Arg.Any<LogoutRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => Answer(new Empty()));
        return client;
    }

    /// <summary>A bilan client whose every list answers <paramref name="response"/> (and whose summary is empty).</summary>
    public static BilanService.BilanServiceClient Listing(ListBilansResponse response)
    {
        var client = Substitute.For<BilanService.BilanServiceClient>();
        client.ListBilansAsync(Arg.Any<ListBilansRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => Answer(response));
        client.SummarizeBilansAsync(Arg.Any<SummarizeBilansRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => Answer(new SummarizeBilansResponse()));
        return client;
    }

    /// <summary>A consultant client listing <paramref name="consultants"/>.</summary>
    public static ConsultantService.ConsultantServiceClient Consultants(params Consultant[] consultants)
    {
        var client = Substitute.For<ConsultantService.ConsultantServiceClient>();
        var response = new ListConsultantsResponse();
        response.Consultants.AddRange(consultants);
        client.ListConsultantsAsync(Arg.Any<ListConsultantsRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => Answer(response));
        return client;
    }

    /// <summary>A beneficiary client that knows <paramref name="beneficiaries"/> (any other name is NOT_FOUND).</summary>
    public static BeneficiaryService.BeneficiaryServiceClient Beneficiaries(params Beneficiary[] beneficiaries)
    {
        var client = Substitute.For<BeneficiaryService.BeneficiaryServiceClient>();
        var response = new ListBeneficiariesResponse();
        response.Beneficiaries.AddRange(beneficiaries);
        client.ListBeneficiariesAsync(Arg.Any<ListBeneficiariesRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => Answer(response));
        client.GetBeneficiaryAsync(Arg.Any<GetBeneficiaryRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(call => beneficiaries.FirstOrDefault(b => b.Name == call.Arg<GetBeneficiaryRequest>().Name) is { } found
                ? Answer(found)
                : Fail<Beneficiary>(Error(StatusCode.NotFound, "Ce bénéficiaire n'existe pas.", "RESOURCE_NOT_FOUND")));
        return client;
    }

    /// <summary>An organisation client listing <paramref name="organizations"/>.</summary>
    public static OrganizationService.OrganizationServiceClient Organizations(params Organization[] organizations)
    {
        var client = Substitute.For<OrganizationService.OrganizationServiceClient>();
        var response = new ListOrganizationsResponse();
        response.Organizations.AddRange(organizations);
        client.ListOrganizationsAsync(Arg.Any<ListOrganizationsRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => Answer(response));
        return client;
    }

    /// <summary>An interview client listing <paramref name="interviews"/> for any bilan.</summary>
    public static InterviewService.InterviewServiceClient Interviews(params Interview[] interviews)
    {
        var client = Substitute.For<InterviewService.InterviewServiceClient>();
        var response = new ListInterviewsResponse();
        response.Interviews.AddRange(interviews);
        client.ListInterviewsAsync(Arg.Any<ListInterviewsRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => Answer(response));
        return client;
    }

    /// <summary>An alert client answering <paramref name="alerts"/> (none by default) to ListAlerts.</summary>
    public static AlertService.AlertServiceClient Alerts(params Alert[] alerts)
    {
        var client = Substitute.For<AlertService.AlertServiceClient>();
        var response = new ListAlertsResponse { TotalSize = alerts.Length };
        response.Alerts.AddRange(alerts);
        client.ListAlertsAsync(Arg.Any<ListAlertsRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => Answer(response));
        return client;
    }

    /// <summary>A policy client answering <paramref name="policy"/> (the defaults when null) to GetPolicy.</summary>
    public static PolicyService.PolicyServiceClient Policies(Policy? policy = null)
    {
        var client = Substitute.For<PolicyService.PolicyServiceClient>();
        var response = policy ?? DefaultPolicy();
        client.GetPolicyAsync(Arg.Any<GetPolicyRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => Answer(response));
        return client;
    }

    /// <summary>A policy client whose GetPolicy fails with <paramref name="exception"/>.</summary>
    public static PolicyService.PolicyServiceClient PoliciesFail(RpcException exception)
    {
        var client = Substitute.For<PolicyService.PolicyServiceClient>();
        client.GetPolicyAsync(Arg.Any<GetPolicyRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => Fail<Policy>(exception));
        return client;
    }

    /// <summary>The policy values a server without settings answers (BilanPolicy, QualityPolicy, AlertPolicy defaults).</summary>
    public static Policy DefaultPolicy() => new()
    {
        Name = "policy",
        MinimumEffectiveHours = 13,
        MaximumHours = 24,
        RequireDoctorAgreementDuringSickLeave = true,
        MinimumInterviewMinutes = 15,
        MaximumInterviewMinutes = 480,
        RetentionYears = 3,
        FollowUpDelayMonths = 6,
        ComplaintAcknowledgeWithinDays = 7,
        ComplaintAnswerWithinDays = 30,
        AlertUpcomingWindowDays = 7,
        AlertPlannedHoursThreshold = 20,
        AlertIdleDays = 21,
    };

    /// <summary>An alert client whose ListAlerts fails with <paramref name="exception"/>.</summary>
    public static AlertService.AlertServiceClient AlertsFail(RpcException exception)
    {
        var client = Substitute.For<AlertService.AlertServiceClient>();
        client.ListAlertsAsync(Arg.Any<ListAlertsRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => Fail<ListAlertsResponse>(exception));
        return client;
    }

    /// <summary>A bilan client whose every list fails with <paramref name="exception"/>.</summary>
    public static BilanService.BilanServiceClient ListingFails(RpcException exception)
    {
        var client = Substitute.For<BilanService.BilanServiceClient>();
        client.ListBilansAsync(Arg.Any<ListBilansRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => Fail<ListBilansResponse>(exception));
        return client;
    }

    private static AsyncUnaryCall<T> Call<T>(Task<T> response) =>
        new(response, Task.FromResult(new Metadata()), () => Grpc.Core.Status.DefaultSuccess, () => [], () => { });
}
