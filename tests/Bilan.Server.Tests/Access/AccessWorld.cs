using Bilan.Contracts.V1;
using Bilan.Server.Tests.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;
using BilanResource = Bilan.Contracts.V1.Bilan;
using StaffRole = Bilan.Server.Auth.StaffRole;

namespace Bilan.Server.Tests.Access;

/// <summary>The callers of the access table test.</summary>
public enum CallerKind
{
    Anonymous,
    ApiClientOfA,
    ApiClientOfB,
    ConsultantOfBilan,
    OtherConsultant,
    Support,
    Admin,
}

/// <summary>
/// Two employer organisations with an API key each, two consultants, a support user and the admin, all real
/// accounts logged in through the API; and, per test case, a fresh bilan of organisation A carried out by the first
/// consultant, brought by the admin to the stage the call needs.
/// </summary>
public sealed class AccessWorld : IAsyncLifetime
{
    private const string Password = "Access-password-2026";
    private readonly Dictionary<CallerKind, GrpcChannel> _channels = [];
    private int _slots;

    public ApiServer Server { get; private set; } = null!;

    public Organization OrganizationA { get; private set; } = null!;

    public Consultant ConsultantX { get; private set; } = null!;

    public Consultant ConsultantY { get; private set; } = null!;

    public string SupportEmail { get; } = "support.access@example.org";

    public GrpcChannel ChannelOf(CallerKind caller) => _channels[caller];

    public async Task InitializeAsync()
    {
        Server = await ApiServer.StartAsync();
        var organizations = new OrganizationService.OrganizationServiceClient(Server.Channel);
        OrganizationA = await organizations.CreateOrganizationAsync(new CreateOrganizationRequest { Organization = new Organization { DisplayName = "Employeur A" } });
        var organizationB = await organizations.CreateOrganizationAsync(new CreateOrganizationRequest { Organization = new Organization { DisplayName = "Employeur B" } });
        ConsultantX = await Server.NewConsultantAsync("Consultant X");
        ConsultantY = await Server.NewConsultantAsync("Consultant Y");

        _channels[CallerKind.Anonymous] = Server.AnonymousChannel;
        _channels[CallerKind.Admin] = Server.Channel;
        _channels[CallerKind.ApiClientOfA] = Server.ChannelFor(await NewApiKeyAsync(OrganizationA.Name));
        _channels[CallerKind.ApiClientOfB] = Server.ChannelFor(await NewApiKeyAsync(organizationB.Name));
        _channels[CallerKind.ConsultantOfBilan] = await StaffChannelAsync("x.access@example.org", StaffRole.Consultant, ConsultantX);
        _channels[CallerKind.OtherConsultant] = await StaffChannelAsync("y.access@example.org", StaffRole.Consultant, ConsultantY);
        _channels[CallerKind.Support] = await StaffChannelAsync(SupportEmail, StaffRole.Support, null);
    }

    public async Task DisposeAsync()
    {
        foreach (var channel in _channels.Values.Distinct().Where(c => c != Server.Channel && c != Server.AnonymousChannel))
        {
            channel.Dispose();
        }

        await Server.DisposeAsync();
    }

    /// <summary>A fresh session of the staff user behind <paramref name="caller"/>, for calls that end it.</summary>
    public async Task<GrpcChannel> FreshSessionAsync(CallerKind caller) => caller switch
    {
        CallerKind.Admin => Server.ChannelFor(await Server.LoginAsync(ApiServer.AdminEmail, ApiServer.AdminPassword)),
        CallerKind.ConsultantOfBilan => Server.ChannelFor(await Server.LoginAsync("x.access@example.org", Password)),
        CallerKind.OtherConsultant => Server.ChannelFor(await Server.LoginAsync("y.access@example.org", Password)),
        CallerKind.Support => Server.ChannelFor(await Server.LoginAsync(SupportEmail, Password)),
        _ => ChannelOf(caller),
    };

    /// <summary>A new bilan of a new beneficiary of organisation A, made by the admin and taken to <paramref name="stage"/>.</summary>
    public async Task<Target> TargetAsync(Stage stage)
    {
        var beneficiaryRequest = Requests.JobSeeker();
        beneficiaryRequest.Organization = OrganizationA.Name;
        var beneficiary = await Server.Beneficiaries.CreateAsync(beneficiaryRequest);
        var bilan = await Server.Bilans.CreateBilanAsync(new CreateBilanRequest { Bilan = Requests.Bilan(beneficiary.Name) });
        if (stage == Stage.Unassigned)
        {
            return new Target(beneficiary, bilan, null);
        }

        bilan = await Server.Bilans.AssignConsultantAsync(new AssignConsultantRequest { Name = bilan.Name, Consultant = ConsultantX.Name });
        await Server.RecordConsentAsync(bilan.Name);
        var interview = await ScheduleAsync(bilan.Name, InterviewPhase.Preliminary, 120);
        if (stage >= Stage.Preliminary)
        {
            await HoldAsync(interview);
            await Server.Bilans.StartBilanAsync(new StartBilanRequest { Name = bilan.Name });
            interview = await ScheduleAsync(bilan.Name, InterviewPhase.Investigation, 60);
        }

        if (stage >= Stage.Investigation)
        {
            await Server.Bilans.StartInvestigationAsync(new StartInvestigationRequest { Name = bilan.Name });
            await HoldAsync(await ScheduleAsync(bilan.Name, InterviewPhase.Investigation, 480));
        }

        if (stage >= Stage.Conclusion)
        {
            await Server.Bilans.StartConclusionAsync(new StartConclusionRequest { Name = bilan.Name });
            await HoldAsync(await ScheduleAsync(bilan.Name, InterviewPhase.Conclusion, 300));
        }

        if (stage >= Stage.Completed)
        {
            await Server.DeliverSynthesisAsync(bilan.Name);
            await Server.Bilans.CompleteBilanAsync(new CompleteBilanRequest { Name = bilan.Name });
        }

        if (stage == Stage.InterviewBegun)
        {
            Server.Clock.SetUtcNow(interview.StartTime.ToDateTimeOffset().AddMinutes(5));
        }

        return new Target(beneficiary, await Server.Bilans.GetBilanAsync(new GetBilanRequest { Name = bilan.Name }), interview);
    }

    /// <summary>A slot of consultant X that no other case uses: every case shares that consultant.</summary>
    public Timestamp NextSlot() =>
        Timestamp.FromDateTimeOffset(Server.Clock.GetUtcNow().AddDays(1).AddHours(9 * Interlocked.Increment(ref _slots)));

    private async Task<Interview> ScheduleAsync(string bilan, InterviewPhase phase, int minutes) =>
        await Server.Interviews.ScheduleInterviewAsync(new ScheduleInterviewRequest
        {
            Parent = bilan,
            Interview = new Interview { Phase = phase, StartTime = NextSlot(), DurationMinutes = minutes, Mode = InterviewMode.OnSite },
        });

    private Task<Interview> HoldAsync(Interview interview) => Server.HoldAsync(interview);

    private async Task<string> NewApiKeyAsync(string organization) =>
        (await new OrganizationService.OrganizationServiceClient(Server.Channel).CreateApiKeyAsync(new CreateApiKeyRequest
        {
            Parent = organization,
            ApiKey = new ApiKey { DisplayName = "SIRH" },
        })).Secret;

    private async Task<GrpcChannel> StaffChannelAsync(string email, StaffRole role, Consultant? consultant)
    {
        Guid? consultantId = consultant is null ? null : Guid.Parse(consultant.Name["consultants/".Length..]);
        await TestUsers.InsertAsync(Server.Database, email, Password, email, role, consultantId);
        return Server.ChannelAs(email, Password);
    }
}

/// <summary>How far the admin takes the case's bilan before the call.</summary>
public enum Stage
{
    Unassigned,
    Requested,
    InterviewBegun,
    Preliminary,
    Investigation,
    Conclusion,
    Completed,
}

/// <summary>The resources a case calls on: all of organisation A, the bilan carried out by consultant X.</summary>
public sealed record Target(Beneficiary Beneficiary, BilanResource Bilan, Interview? Interview);
