using Bilan.Contracts.V1;
using Bilan.Server.Auth;
using Bilan.Server.Tests.TestSupport;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using V1Reflection = Grpc.Reflection.V1;
using V1AlphaReflection = Grpc.Reflection.V1Alpha;

namespace Bilan.Server.Tests.Access;

/// <summary>
/// Every RPC against every kind of caller, with the status each must get. A served method without a row here
/// fails <see cref="Rows_CoverEveryServedMethod"/>; a method without a row in the server's access table is
/// refused to everyone.
/// </summary>
public sealed class AccessMatrixTests(AccessWorld world) : IClassFixture<AccessWorld>
{
    private const StatusCode Ok = StatusCode.OK;
    private const StatusCode Unauthenticated = StatusCode.Unauthenticated;
    private const StatusCode Denied = StatusCode.PermissionDenied;
    private const StatusCode NotFound = StatusCode.NotFound;

    // Expected statuses, in the order of CallerKind: anonymous, API client of A, API client of B, the bilan's
    // consultant, another consultant, support, admin. Targets belong to organisation A and consultant X.
    private static readonly StatusCode[] Diagnostics = [Ok, Ok, Ok, Ok, Ok, Ok, Ok];
    private static readonly StatusCode[] AdminOnly = [Unauthenticated, Denied, Denied, Denied, Denied, Denied, Ok];
    private static readonly StatusCode[] StaffRead = [Unauthenticated, Denied, Denied, Ok, Ok, Ok, Ok];
    private static readonly StatusCode[] ScopedRead = [Unauthenticated, Ok, NotFound, Ok, Denied, Ok, Ok];
    private static readonly StatusCode[] AnyList = [Unauthenticated, Ok, Ok, Ok, Ok, Ok, Ok];
    private static readonly StatusCode[] PractitionerWrite = [Unauthenticated, Denied, Denied, Ok, Denied, Denied, Ok];
    private static readonly StatusCode[] OwnerWrite = [Unauthenticated, Ok, NotFound, Ok, Denied, Denied, Ok];
    private static readonly StatusCode[] Intake = [Unauthenticated, Ok, Ok, Denied, Denied, Denied, Ok];
    private static readonly StatusCode[] IntakeOfA = [Unauthenticated, Ok, NotFound, Denied, Denied, Denied, Ok];
    private static readonly StatusCode[] SupportRead = [Unauthenticated, Denied, Denied, Denied, Denied, Ok, Ok];
    private static readonly StatusCode[] PractitionerList = [Unauthenticated, Denied, Denied, Ok, Ok, Denied, Ok];

    private delegate Task Call(AccessWorld world, Target target, GrpcChannel channel, CallerKind caller);

    private sealed record Row(Stage Stage, StatusCode[] Expected, Call Invoke);

    private static readonly Dictionary<string, Row> Rows = new()
    {
        ["/grpc.health.v1.Health/Check"] = new(Stage.Unassigned, Diagnostics, (_, _, c, _) =>
            new Health.HealthClient(c).CheckAsync(new HealthCheckRequest()).ResponseAsync),
        ["/grpc.health.v1.Health/Watch"] = new(Stage.Unassigned, Diagnostics, async (_, _, c, _) =>
        {
            using var watch = new Health.HealthClient(c).Watch(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(10));
            await watch.ResponseStream.MoveNext();
        }),
        ["/grpc.reflection.v1.ServerReflection/ServerReflectionInfo"] = new(Stage.Unassigned, Diagnostics, async (_, _, c, _) =>
        {
            using var call = new V1Reflection.ServerReflection.ServerReflectionClient(c).ServerReflectionInfo();
            await call.RequestStream.WriteAsync(new V1Reflection.ServerReflectionRequest { ListServices = "" });
            await call.RequestStream.CompleteAsync();
            await call.ResponseStream.MoveNext();
        }),
        ["/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo"] = new(Stage.Unassigned, Diagnostics, async (_, _, c, _) =>
        {
            using var call = new V1AlphaReflection.ServerReflection.ServerReflectionClient(c).ServerReflectionInfo();
            await call.RequestStream.WriteAsync(new V1AlphaReflection.ServerReflectionRequest { ListServices = "" });
            await call.RequestStream.CompleteAsync();
            await call.ResponseStream.MoveNext();
        }),

        ["/bilan.v1.AuthService/Login"] = new(Stage.Unassigned, Diagnostics, (w, _, c, _) =>
            new AuthService.AuthServiceClient(c).LoginAsync(new LoginRequest { Email = ApiServer.AdminEmail, Password = ApiServer.AdminPassword }).ResponseAsync),
        ["/bilan.v1.AuthService/Logout"] = new(Stage.Unassigned, Diagnostics, async (w, _, _, k) =>
            await new AuthService.AuthServiceClient(await w.FreshSessionAsync(k)).LogoutAsync(new LogoutRequest())),

        ["/bilan.v1.UserService/CreateUser"] = new(Stage.Unassigned, AdminOnly, (_, _, c, _) =>
            new UserService.UserServiceClient(c).CreateUserAsync(NewUser()).ResponseAsync),
        ["/bilan.v1.UserService/GetUser"] = new(Stage.Unassigned, AdminOnly, async (w, _, c, _) =>
            await new UserService.UserServiceClient(c).GetUserAsync(new GetUserRequest { Name = (await AdminCreatesUser(w)).Name })),
        ["/bilan.v1.UserService/ListUsers"] = new(Stage.Unassigned, AdminOnly, (_, _, c, _) =>
            new UserService.UserServiceClient(c).ListUsersAsync(new ListUsersRequest()).ResponseAsync),
        ["/bilan.v1.UserService/DisableUser"] = new(Stage.Unassigned, AdminOnly, async (w, _, c, _) =>
            await new UserService.UserServiceClient(c).DisableUserAsync(new DisableUserRequest { Name = (await AdminCreatesUser(w)).Name })),
        ["/bilan.v1.UserService/EnableUser"] = new(Stage.Unassigned, AdminOnly, async (w, _, c, _) =>
        {
            var user = await AdminCreatesUser(w);
            await new UserService.UserServiceClient(w.Server.Channel).DisableUserAsync(new DisableUserRequest { Name = user.Name });
            await new UserService.UserServiceClient(c).EnableUserAsync(new EnableUserRequest { Name = user.Name });
        }),
        ["/bilan.v1.UserService/ResetPassword"] = new(Stage.Unassigned, AdminOnly, async (w, _, c, _) =>
            await new UserService.UserServiceClient(c).ResetPasswordAsync(new ResetPasswordRequest { Name = (await AdminCreatesUser(w)).Name, NewPassword = "Another-password-2026" })),

        ["/bilan.v1.OrganizationService/CreateOrganization"] = new(Stage.Unassigned, AdminOnly, (_, _, c, _) =>
            new OrganizationService.OrganizationServiceClient(c).CreateOrganizationAsync(new CreateOrganizationRequest { Organization = new Organization { DisplayName = "Employeur C" } }).ResponseAsync),
        ["/bilan.v1.OrganizationService/GetOrganization"] = new(Stage.Unassigned, AdminOnly, (w, _, c, _) =>
            new OrganizationService.OrganizationServiceClient(c).GetOrganizationAsync(new GetOrganizationRequest { Name = w.OrganizationA.Name }).ResponseAsync),
        ["/bilan.v1.OrganizationService/ListOrganizations"] = new(Stage.Unassigned, AdminOnly, (_, _, c, _) =>
            new OrganizationService.OrganizationServiceClient(c).ListOrganizationsAsync(new ListOrganizationsRequest()).ResponseAsync),
        ["/bilan.v1.OrganizationService/UpdateOrganization"] = new(Stage.Unassigned, AdminOnly, (w, _, c, _) =>
            new OrganizationService.OrganizationServiceClient(c).UpdateOrganizationAsync(new UpdateOrganizationRequest
            {
                Organization = new Organization { Name = w.OrganizationA.Name, DisplayName = "Employeur A" },
            }).ResponseAsync),
        ["/bilan.v1.OrganizationService/CreateApiKey"] = new(Stage.Unassigned, AdminOnly, (w, _, c, _) =>
            new OrganizationService.OrganizationServiceClient(c).CreateApiKeyAsync(new CreateApiKeyRequest { Parent = w.OrganizationA.Name, ApiKey = new ApiKey { DisplayName = "Autre SIRH" } }).ResponseAsync),
        ["/bilan.v1.OrganizationService/ListApiKeys"] = new(Stage.Unassigned, AdminOnly, (w, _, c, _) =>
            new OrganizationService.OrganizationServiceClient(c).ListApiKeysAsync(new ListApiKeysRequest { Parent = w.OrganizationA.Name }).ResponseAsync),
        ["/bilan.v1.OrganizationService/RevokeApiKey"] = new(Stage.Unassigned, AdminOnly, async (w, _, c, _) =>
        {
            var key = await new OrganizationService.OrganizationServiceClient(w.Server.Channel).CreateApiKeyAsync(
                new CreateApiKeyRequest { Parent = w.OrganizationA.Name, ApiKey = new ApiKey { DisplayName = "À révoquer" } });
            await new OrganizationService.OrganizationServiceClient(c).RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = key.ApiKey.Name });
        }),

        ["/bilan.v1.ConsultantService/CreateConsultant"] = new(Stage.Unassigned, AdminOnly, (_, _, c, _) =>
            new ConsultantService.ConsultantServiceClient(c).CreateConsultantAsync(new CreateConsultantRequest
            {
                Consultant = new Consultant { DisplayName = "Nouveau consultant", Email = $"c.{Guid.NewGuid():N}@example.org" },
            }).ResponseAsync),
        ["/bilan.v1.ConsultantService/GetConsultant"] = new(Stage.Unassigned, StaffRead, (w, _, c, _) =>
            new ConsultantService.ConsultantServiceClient(c).GetConsultantAsync(new GetConsultantRequest { Name = w.ConsultantX.Name }).ResponseAsync),
        ["/bilan.v1.ConsultantService/ListConsultants"] = new(Stage.Unassigned, StaffRead, (_, _, c, _) =>
            new ConsultantService.ConsultantServiceClient(c).ListConsultantsAsync(new ListConsultantsRequest()).ResponseAsync),
        ["/bilan.v1.ConsultantService/UpdateConsultant"] = new(Stage.Unassigned, AdminOnly, (w, _, c, _) =>
            new ConsultantService.ConsultantServiceClient(c).UpdateConsultantAsync(new UpdateConsultantRequest
            {
                Consultant = new Consultant { Name = w.ConsultantY.Name, DisplayName = "Consultant Y" },
            }).ResponseAsync),

        ["/bilan.v1.BeneficiaryService/CreateBeneficiary"] = new(Stage.Unassigned, Intake, (_, _, c, _) =>
            new BeneficiaryService.BeneficiaryServiceClient(c).CreateBeneficiaryAsync(new CreateBeneficiaryRequest { Beneficiary = Requests.JobSeeker() }).ResponseAsync),
        ["/bilan.v1.BeneficiaryService/GetBeneficiary"] = new(Stage.Requested, ScopedRead, (_, t, c, _) =>
            new BeneficiaryService.BeneficiaryServiceClient(c).GetBeneficiaryAsync(new GetBeneficiaryRequest { Name = t.Beneficiary.Name }).ResponseAsync),
        ["/bilan.v1.BeneficiaryService/ListBeneficiaries"] = new(Stage.Requested, AnyList, (_, _, c, _) =>
            new BeneficiaryService.BeneficiaryServiceClient(c).ListBeneficiariesAsync(new ListBeneficiariesRequest()).ResponseAsync),
        ["/bilan.v1.BeneficiaryService/ExportBeneficiaryData"] = new(Stage.Requested, AdminOnly, (_, t, c, _) =>
            new BeneficiaryService.BeneficiaryServiceClient(c).ExportBeneficiaryDataAsync(new ExportBeneficiaryDataRequest { Name = t.Beneficiary.Name }).ResponseAsync),
        // Erasure needs a person with no bilan under way: a new one each time, created by an administrator.
        ["/bilan.v1.BeneficiaryService/EraseBeneficiary"] = new(Stage.Unassigned, AdminOnly, async (w, _, c, _) =>
        {
            var person = await new BeneficiaryService.BeneficiaryServiceClient(w.Server.Channel).CreateBeneficiaryAsync(new CreateBeneficiaryRequest { Beneficiary = Requests.JobSeeker() });
            await new BeneficiaryService.BeneficiaryServiceClient(c).EraseBeneficiaryAsync(new EraseBeneficiaryRequest { Name = person.Name });
        }),
        ["/bilan.v1.BeneficiaryService/UpdateBeneficiary"] = new(Stage.Requested, OwnerWrite, (_, t, c, _) =>
            new BeneficiaryService.BeneficiaryServiceClient(c).UpdateBeneficiaryAsync(new UpdateBeneficiaryRequest
            {
                Beneficiary = new Beneficiary { Name = t.Beneficiary.Name, Phone = "06 00 00 00 00" },
            }).ResponseAsync),

        ["/bilan.v1.BilanService/CreateBilan"] = new(Stage.Requested, IntakeOfA, (_, t, c, _) =>
            new BilanService.BilanServiceClient(c).CreateBilanAsync(new CreateBilanRequest { Bilan = Requests.Bilan(t.Beneficiary.Name) }).ResponseAsync),
        ["/bilan.v1.BilanService/GetBilan"] = new(Stage.Requested, ScopedRead, (_, t, c, _) =>
            new BilanService.BilanServiceClient(c).GetBilanAsync(new GetBilanRequest { Name = t.Bilan.Name }).ResponseAsync),
        ["/bilan.v1.BilanService/ListBilans"] = new(Stage.Requested, AnyList, (_, _, c, _) =>
            new BilanService.BilanServiceClient(c).ListBilansAsync(new ListBilansRequest()).ResponseAsync),
        ["/bilan.v1.BilanService/SummarizeBilans"] = new(Stage.Requested, AnyList, (_, _, c, _) =>
            new BilanService.BilanServiceClient(c).SummarizeBilansAsync(new SummarizeBilansRequest()).ResponseAsync),
        ["/bilan.v1.BilanService/UpdateBilan"] = new(Stage.Requested, PractitionerWrite, (_, t, c, _) =>
            new BilanService.BilanServiceClient(c).UpdateBilanAsync(new UpdateBilanRequest { Bilan = new Contracts.V1.Bilan { Name = t.Bilan.Name, PlannedHours = 20 } }).ResponseAsync),
        ["/bilan.v1.BilanService/DeleteBilan"] = new(Stage.Requested, AdminOnly, (_, t, c, _) =>
            new BilanService.BilanServiceClient(c).DeleteBilanAsync(new DeleteBilanRequest { Name = t.Bilan.Name }).ResponseAsync),
        ["/bilan.v1.BilanService/AssignConsultant"] = new(Stage.Unassigned, AdminOnly, (w, t, c, _) =>
            new BilanService.BilanServiceClient(c).AssignConsultantAsync(new AssignConsultantRequest { Name = t.Bilan.Name, Consultant = w.ConsultantX.Name }).ResponseAsync),
        ["/bilan.v1.BilanService/ReassignConsultant"] = new(Stage.Requested, AdminOnly, (w, t, c, _) =>
            new BilanService.BilanServiceClient(c).ReassignConsultantAsync(new ReassignConsultantRequest { Name = t.Bilan.Name, Consultant = w.ConsultantY.Name }).ResponseAsync),
        ["/bilan.v1.BilanService/StartBilan"] = new(Stage.Requested, PractitionerWrite, (_, t, c, _) =>
            new BilanService.BilanServiceClient(c).StartBilanAsync(new StartBilanRequest { Name = t.Bilan.Name }).ResponseAsync),
        ["/bilan.v1.BilanService/StartInvestigation"] = new(Stage.Preliminary, PractitionerWrite, (_, t, c, _) =>
            new BilanService.BilanServiceClient(c).StartInvestigationAsync(new StartInvestigationRequest { Name = t.Bilan.Name }).ResponseAsync),
        ["/bilan.v1.BilanService/StartConclusion"] = new(Stage.Investigation, PractitionerWrite, (_, t, c, _) =>
            new BilanService.BilanServiceClient(c).StartConclusionAsync(new StartConclusionRequest { Name = t.Bilan.Name }).ResponseAsync),
        ["/bilan.v1.BilanService/CompleteBilan"] = new(Stage.Conclusion, PractitionerWrite, async (w, t, c, _) =>
        {
            await w.Server.DeliverSynthesisAsync(t.Bilan.Name);
            await new BilanService.BilanServiceClient(c).CompleteBilanAsync(new CompleteBilanRequest { Name = t.Bilan.Name });
        }),
        ["/bilan.v1.BilanService/StartFollowUp"] = new(Stage.Completed, PractitionerWrite, (_, t, c, _) =>
            new BilanService.BilanServiceClient(c).StartFollowUpAsync(new StartFollowUpRequest { Name = t.Bilan.Name }).ResponseAsync),
        ["/bilan.v1.BilanService/CloseBilan"] = new(Stage.Completed, PractitionerWrite, async (w, t, c, _) =>
        {
            // CloseBilan needs the follow-up held or declined (R6313-4 3°): the admin records the decline first.
            await w.Server.DeclineFollowUpAsync(t.Bilan.Name);
            await new BilanService.BilanServiceClient(c).CloseBilanAsync(new CloseBilanRequest { Name = t.Bilan.Name });
        }),
        ["/bilan.v1.BilanService/AbandonBilan"] = new(Stage.Preliminary, PractitionerWrite, (_, t, c, _) =>
            new BilanService.BilanServiceClient(c).AbandonBilanAsync(new AbandonBilanRequest { Name = t.Bilan.Name, Reason = AbandonReason.Personal }).ResponseAsync),
        ["/bilan.v1.BilanService/CancelBilan"] = new(Stage.Requested, PractitionerWrite, (_, t, c, _) =>
            new BilanService.BilanServiceClient(c).CancelBilanAsync(new CancelBilanRequest { Name = t.Bilan.Name }).ResponseAsync),
        ["/bilan.v1.BilanService/CheckEligibility"] = new(Stage.Requested, ScopedRead, (_, t, c, _) =>
            new BilanService.BilanServiceClient(c).CheckEligibilityAsync(new CheckEligibilityRequest
            {
                Beneficiary = t.Beneficiary.Name,
                StartDate = new Google.Type.Date { Year = 2027, Month = 1, Day = 4 },
                EndDate = new Google.Type.Date { Year = 2027, Month = 3, Day = 31 },
            }).ResponseAsync),
        ["/bilan.v1.BilanService/ListBilanEvents"] = new(Stage.Requested, ScopedRead, (_, t, c, _) =>
            new BilanService.BilanServiceClient(c).ListBilanEventsAsync(new ListBilanEventsRequest { Parent = t.Bilan.Name }).ResponseAsync),
        // A stream scoped to what each caller sees, refused to no authenticated caller: the first message is a heartbeat.
        ["/bilan.v1.BilanService/WatchBilanEvents"] = new(Stage.Unassigned, AnyList, async (_, _, c, _) =>
        {
            using var watch = new BilanService.BilanServiceClient(c).WatchBilanEvents(
                new WatchBilanEventsRequest { HeartbeatSeconds = 1 }, deadline: DateTime.UtcNow.AddSeconds(10));
            await watch.ResponseStream.MoveNext();
        }),

        ["/bilan.v1.InterviewService/ScheduleInterview"] = new(Stage.Requested, PractitionerWrite, (w, t, c, _) =>
            new InterviewService.InterviewServiceClient(c).ScheduleInterviewAsync(new ScheduleInterviewRequest
            {
                Parent = t.Bilan.Name,
                Interview = new Interview { Phase = InterviewPhase.Preliminary, StartTime = w.NextSlot(), DurationMinutes = 60, Mode = InterviewMode.Remote },
            }).ResponseAsync),
        ["/bilan.v1.InterviewService/GetInterview"] = new(Stage.Requested, ScopedRead, (_, t, c, _) =>
            new InterviewService.InterviewServiceClient(c).GetInterviewAsync(new GetInterviewRequest { Name = t.Interview!.Name }).ResponseAsync),
        ["/bilan.v1.InterviewService/ListInterviews"] = new(Stage.Requested, ScopedRead, (_, t, c, _) =>
            new InterviewService.InterviewServiceClient(c).ListInterviewsAsync(new ListInterviewsRequest { Parent = t.Bilan.Name }).ResponseAsync),
        ["/bilan.v1.InterviewService/RescheduleInterview"] = new(Stage.Requested, PractitionerWrite, (w, t, c, _) =>
            new InterviewService.InterviewServiceClient(c).RescheduleInterviewAsync(new RescheduleInterviewRequest
            {
                Name = t.Interview!.Name,
                StartTime = w.NextSlot(),
                DurationMinutes = 90,
            }).ResponseAsync),
        ["/bilan.v1.InterviewService/CancelInterview"] = new(Stage.Requested, PractitionerWrite, (_, t, c, _) =>
            new InterviewService.InterviewServiceClient(c).CancelInterviewAsync(new CancelInterviewRequest { Name = t.Interview!.Name }).ResponseAsync),
        ["/bilan.v1.InterviewService/RecordInterviewOutcome"] = new(Stage.InterviewBegun, PractitionerWrite, (_, t, c, _) =>
            new InterviewService.InterviewServiceClient(c).RecordInterviewOutcomeAsync(new RecordInterviewOutcomeRequest
            {
                Name = t.Interview!.Name,
                Outcome = InterviewStatus.Held,
                HeldMinutes = 120,
            }).ResponseAsync),

        ["/bilan.v1.ConsentService/RecordBilanConsent"] = new(Stage.Requested, PractitionerWrite, (w, t, c, _) =>
            new ConsentService.ConsentServiceClient(c).RecordBilanConsentAsync(new RecordBilanConsentRequest
            {
                Name = t.Bilan.Name,
                ConsentDate = new Google.Type.Date { Year = 2026, Month = 1, Day = 5 },
                Method = ConsentMethod.Email,
            }).ResponseAsync),
        ["/bilan.v1.ConsentService/GetBilanConsent"] = new(Stage.Requested, PractitionerWrite, (_, t, c, _) =>
            new ConsentService.ConsentServiceClient(c).GetBilanConsentAsync(new GetBilanConsentRequest { Name = t.Bilan.Name }).ResponseAsync),
        ["/bilan.v1.ConsentService/RecordDisclosureConsent"] = new(Stage.Requested, PractitionerWrite, (_, t, c, _) =>
            new ConsentService.ConsentServiceClient(c).RecordDisclosureConsentAsync(new RecordDisclosureConsentRequest
            {
                Parent = t.Bilan.Name,
                DisclosureConsent = CepDisclosure(),
            }).ResponseAsync),
        // The consent revoked: one the admin records just before.
        ["/bilan.v1.ConsentService/RevokeDisclosureConsent"] = new(Stage.Requested, PractitionerWrite, async (w, t, c, _) =>
        {
            var recorded = await new ConsentService.ConsentServiceClient(w.Server.Channel).RecordDisclosureConsentAsync(
                new RecordDisclosureConsentRequest { Parent = t.Bilan.Name, DisclosureConsent = CepDisclosure() });
            await new ConsentService.ConsentServiceClient(c).RevokeDisclosureConsentAsync(new RevokeDisclosureConsentRequest { Name = recorded.Name });
        }),
        ["/bilan.v1.ConsentService/ListDisclosureConsents"] = new(Stage.Requested, PractitionerWrite, (_, t, c, _) =>
            new ConsentService.ConsentServiceClient(c).ListDisclosureConsentsAsync(new ListDisclosureConsentsRequest { Parent = t.Bilan.Name }).ResponseAsync),

        ["/bilan.v1.SupportService/GetServerStatus"] = new(Stage.Unassigned, SupportRead, (_, _, c, _) =>
            new SupportService.SupportServiceClient(c).GetServerStatusAsync(new GetServerStatusRequest()).ResponseAsync),
        ["/bilan.v1.SupportService/GetBilanDiagnostics"] = new(Stage.Requested, SupportRead, (_, t, c, _) =>
            new SupportService.SupportServiceClient(c).GetBilanDiagnosticsAsync(new GetBilanDiagnosticsRequest { Name = t.Bilan.Name }).ResponseAsync),
        // The error looked up: the admin's refused start of the target bilan (not yet assigned).
        ["/bilan.v1.SupportService/LookupError"] = new(Stage.Unassigned, SupportRead, async (w, t, c, _) =>
        {
            var refused = await Assert.ThrowsAsync<RpcException>(async () =>
                await new BilanService.BilanServiceClient(w.Server.Channel).StartBilanAsync(new StartBilanRequest { Name = t.Bilan.Name }));
            var correlationId = refused.GetRpcStatus()!.ErrorInfo().Metadata["correlation_id"];
            await new SupportService.SupportServiceClient(c).LookupErrorAsync(new LookupErrorRequest { CorrelationId = correlationId });
        }),

        // Confidential content: support and another consultant never read it; the API client of A has no disclosure
        // consent here (DISCLOSURE_CONSENT_MISSING), B does not see the bilan at all.
        ["/bilan.v1.SynthesisService/GetSynthesis"] = new(Stage.Completed, [Unauthenticated, Denied, NotFound, Ok, Denied, Denied, Ok], (_, t, c, _) =>
            new SynthesisService.SynthesisServiceClient(c).GetSynthesisAsync(new GetSynthesisRequest { Name = ConfidentialDocuments.SynthesisName(t.Bilan.Name) }).ResponseAsync),
        ["/bilan.v1.SynthesisService/UpdateSynthesis"] = new(Stage.Conclusion, PractitionerWrite, (_, t, c, _) =>
            new SynthesisService.SynthesisServiceClient(c).UpdateSynthesisAsync(new UpdateSynthesisRequest
            {
                Synthesis = new Synthesis { Name = ConfidentialDocuments.SynthesisName(t.Bilan.Name), Circumstances = "Circonstances." },
            }).ResponseAsync),
        ["/bilan.v1.SynthesisService/DeliverSynthesis"] = new(Stage.Conclusion, PractitionerWrite, async (w, t, c, _) =>
        {
            await w.Server.WriteSynthesisAsync(t.Bilan.Name);
            await new SynthesisService.SynthesisServiceClient(c).DeliverSynthesisAsync(new DeliverSynthesisRequest
            {
                Name = ConfidentialDocuments.SynthesisName(t.Bilan.Name),
                DeliverTime = Timestamp.FromDateTimeOffset(w.Server.Clock.GetUtcNow()),
                DeliveryMethod = DeliveryMethod.Remote,
            });
        }),
        ["/bilan.v1.SynthesisService/ReviseSynthesis"] = new(Stage.Completed, PractitionerWrite, (_, t, c, _) =>
            new SynthesisService.SynthesisServiceClient(c).ReviseSynthesisAsync(new ReviseSynthesisRequest
            {
                Name = ConfidentialDocuments.SynthesisName(t.Bilan.Name),
                Circumstances = "Révisé.",
                SkillsAndOptions = "Révisé.",
                ProjectAndSteps = "Révisé.",
            }).ResponseAsync),
        ["/bilan.v1.SynthesisService/GetInterviewNotes"] = new(Stage.Requested, PractitionerWrite, (_, t, c, _) =>
            new SynthesisService.SynthesisServiceClient(c).GetInterviewNotesAsync(new GetInterviewNotesRequest { Name = t.Interview!.Name + "/notes" }).ResponseAsync),
        ["/bilan.v1.SynthesisService/UpdateInterviewNotes"] = new(Stage.Requested, PractitionerWrite, (_, t, c, _) =>
            new SynthesisService.SynthesisServiceClient(c).UpdateInterviewNotesAsync(new UpdateInterviewNotesRequest
            {
                Notes = new InterviewNotes { Name = t.Interview!.Name + "/notes", Text = "Notes." },
            }).ResponseAsync),
        ["/bilan.v1.SynthesisService/ListConfidentialAccesses"] = new(Stage.Requested, AdminOnly, (_, t, c, _) =>
            new SynthesisService.SynthesisServiceClient(c).ListConfidentialAccessesAsync(new ListConfidentialAccessesRequest { Parent = t.Bilan.Name }).ResponseAsync),

        ["/bilan.v1.ConventionService/GetConvention"] = new(Stage.Requested, ScopedRead, async (w, t, c, _) =>
        {
            await DraftConventionAsync(w, t);
            await new ConventionService.ConventionServiceClient(c).GetConventionAsync(new GetConventionRequest { Name = t.Bilan.Name + "/convention" });
        }),
        ["/bilan.v1.ConventionService/UpdateConvention"] = new(Stage.Requested, PractitionerWrite, (_, t, c, _) =>
            new ConventionService.ConventionServiceClient(c).UpdateConventionAsync(new UpdateConventionRequest
            {
                Convention = StartConditions.CompleteConvention(t.Bilan.Name),
            }).ResponseAsync),
        ["/bilan.v1.ConventionService/SendConvention"] = new(Stage.Requested, PractitionerWrite, async (w, t, c, _) =>
        {
            await DraftConventionAsync(w, t);
            await new ConventionService.ConventionServiceClient(c).SendConventionAsync(new SendConventionRequest
            {
                Name = t.Bilan.Name + "/convention",
                SentDate = w.Server.Day(),
                ReceivedDate = w.Server.Day(),
            });
        }),
        ["/bilan.v1.ConventionService/SignConvention"] = new(Stage.Requested, PractitionerWrite, async (w, t, c, _) =>
        {
            await DraftConventionAsync(w, t);
            await new ConventionService.ConventionServiceClient(c).SignConventionAsync(new SignConventionRequest
            {
                Name = t.Bilan.Name + "/convention",
                Party = ConventionParty.Provider,
                SignedDate = w.Server.Day(),
            });
        }),
        ["/bilan.v1.ConventionService/RefuseConvention"] = new(Stage.Requested, PractitionerWrite, async (w, t, c, _) =>
        {
            await DraftConventionAsync(w, t);
            await w.Server.ConventionsClient().SendConventionAsync(new SendConventionRequest
            {
                Name = t.Bilan.Name + "/convention",
                SentDate = w.Server.Day(),
                ReceivedDate = w.Server.Day(),
            });
            await new ConventionService.ConventionServiceClient(c).RefuseConventionAsync(new RefuseConventionRequest
            {
                Name = t.Bilan.Name + "/convention",
                RefusedDate = w.Server.Day(),
            });
        }),
        ["/bilan.v1.WorkingTimeAuthorizationService/GetWorkingTimeAuthorization"] = new(Stage.Requested, ScopedRead, (_, t, c, _) =>
            new WorkingTimeAuthorizationService.WorkingTimeAuthorizationServiceClient(c).GetWorkingTimeAuthorizationAsync(
                new GetWorkingTimeAuthorizationRequest { Name = t.Bilan.Name + "/workingTimeAuthorization" }).ResponseAsync),
        ["/bilan.v1.WorkingTimeAuthorizationService/RequestWorkingTimeAuthorization"] = new(Stage.Requested, PractitionerWrite, async (w, _, c, _) =>
        {
            var bilan = await CpfWorkingTimeBilanAsync(w);
            await new WorkingTimeAuthorizationService.WorkingTimeAuthorizationServiceClient(c).RequestWorkingTimeAuthorizationAsync(
                new RequestWorkingTimeAuthorizationRequest { Name = bilan + "/workingTimeAuthorization", RequestDate = w.Server.Day() });
        }),
        ["/bilan.v1.WorkingTimeAuthorizationService/RecordEmployerAnswer"] = new(Stage.Requested, PractitionerWrite, async (w, _, c, _) =>
        {
            var bilan = await CpfWorkingTimeBilanAsync(w);
            await w.Server.AuthorizationsClient().RequestWorkingTimeAuthorizationAsync(
                new RequestWorkingTimeAuthorizationRequest { Name = bilan + "/workingTimeAuthorization", RequestDate = w.Server.Day() });
            await new WorkingTimeAuthorizationService.WorkingTimeAuthorizationServiceClient(c).RecordEmployerAnswerAsync(new RecordEmployerAnswerRequest
            {
                Name = bilan + "/workingTimeAuthorization",
                Answer = EmployerAnswer.Granted,
                AnswerDate = w.Server.Day(),
            });
        }),
        ["/bilan.v1.FollowUpService/GetFollowUp"] = new(Stage.Completed, ScopedRead, (_, t, c, _) =>
            new FollowUpService.FollowUpServiceClient(c).GetFollowUpAsync(new GetFollowUpRequest { Name = t.Bilan.Name + "/followUp" }).ResponseAsync),
        ["/bilan.v1.FollowUpService/UpdateFollowUp"] = new(Stage.Completed, PractitionerWrite, (_, t, c, _) =>
            new FollowUpService.FollowUpServiceClient(c).UpdateFollowUpAsync(new UpdateFollowUpRequest
            {
                FollowUp = new FollowUp { Name = t.Bilan.Name + "/followUp", DelayMonths = 4 },
            }).ResponseAsync),
        ["/bilan.v1.FollowUpService/DeclineFollowUp"] = new(Stage.Completed, PractitionerWrite, (w, t, c, _) =>
            new FollowUpService.FollowUpServiceClient(c).DeclineFollowUpAsync(new DeclineFollowUpRequest
            {
                Name = t.Bilan.Name + "/followUp",
                DeclinedDate = w.Server.Day(),
            }).ResponseAsync),
        ["/bilan.v1.FundingService/CreateFunding"] = new(Stage.Requested, PractitionerWrite, (_, t, c, _) =>
            new FundingService.FundingServiceClient(c).CreateFundingAsync(new CreateFundingRequest { Parent = t.Bilan.Name, Funding = Fundings.Opco() }).ResponseAsync),
        ["/bilan.v1.FundingService/GetFunding"] = new(Stage.Requested, ScopedRead, async (w, t, c, _) =>
            await new FundingService.FundingServiceClient(c).GetFundingAsync(new GetFundingRequest { Name = (await w.Server.AddFundingAsync(t.Bilan.Name, Fundings.Opco())).Name })),
        ["/bilan.v1.FundingService/ListFundings"] = new(Stage.Requested, ScopedRead, (_, t, c, _) =>
            new FundingService.FundingServiceClient(c).ListFundingsAsync(new ListFundingsRequest { Parent = t.Bilan.Name }).ResponseAsync),
        ["/bilan.v1.FundingService/UpdateFunding"] = new(Stage.Requested, PractitionerWrite, async (w, t, c, _) =>
            await new FundingService.FundingServiceClient(c).UpdateFundingAsync(new UpdateFundingRequest
            {
                Funding = new Funding { Name = (await w.Server.AddFundingAsync(t.Bilan.Name, Fundings.Opco())).Name, Reference = "PEC-2026-1" },
            })),
        ["/bilan.v1.FundingService/AcceptFunding"] = new(Stage.Requested, PractitionerWrite, async (w, t, c, _) =>
            await new FundingService.FundingServiceClient(c).AcceptFundingAsync(new AcceptFundingRequest { Name = (await w.Server.AddFundingAsync(t.Bilan.Name, Fundings.Opco())).Name })),
        ["/bilan.v1.FundingService/RefuseFunding"] = new(Stage.Requested, PractitionerWrite, async (w, t, c, _) =>
            await new FundingService.FundingServiceClient(c).RefuseFundingAsync(new RefuseFundingRequest
            {
                Name = (await w.Server.AddFundingAsync(t.Bilan.Name, Fundings.Opco())).Name,
                Reason = "Budget épuisé",
            })),
        ["/bilan.v1.FundingService/MarkFundingPaid"] = new(Stage.Requested, PractitionerWrite, async (w, t, c, _) =>
        {
            var funding = await w.Server.AddFundingAsync(t.Bilan.Name, Fundings.Opco());
            await w.Server.FundingClient().AcceptFundingAsync(new AcceptFundingRequest { Name = funding.Name });
            await new FundingService.FundingServiceClient(c).MarkFundingPaidAsync(new MarkFundingPaidRequest { Name = funding.Name });
        }),
        ["/bilan.v1.FundingService/TransitionEdofDossier"] = new(Stage.Requested, PractitionerWrite, async (w, t, c, _) =>
            await new FundingService.FundingServiceClient(c).TransitionEdofDossierAsync(new TransitionEdofDossierRequest
            {
                Name = (await w.Server.AddFundingAsync(t.Bilan.Name, Fundings.Cpf(withDossier: true))).Name,
                State = EdofState.RefusedByProvider,
                Reason = "Session complète",
            })),
        ["/bilan.v1.FundingService/GetCpfPolicy"] = new(Stage.Unassigned, StaffRead, (_, _, c, _) =>
            new FundingService.FundingServiceClient(c).GetCpfPolicyAsync(new GetCpfPolicyRequest()).ResponseAsync),

        ["/bilan.v1.ReportService/GetBpfReport"] = new(Stage.Unassigned, AdminOnly, (_, _, c, _) =>
            new ReportService.ReportServiceClient(c).GetBpfReportAsync(new GetBpfReportRequest { Year = 2026 }).ResponseAsync),
        ["/bilan.v1.QualityService/RecordSatisfactionSurvey"] = new(Stage.Completed, PractitionerWrite, (w, t, c, _) =>
            new QualityService.QualityServiceClient(c).RecordSatisfactionSurveyAsync(Survey(w, t)).ResponseAsync),
        ["/bilan.v1.QualityService/GetSatisfactionSurvey"] = new(Stage.Completed, PractitionerWrite, async (w, t, c, _) =>
        {
            await new QualityService.QualityServiceClient(w.Server.Channel).RecordSatisfactionSurveyAsync(Survey(w, t));
            await new QualityService.QualityServiceClient(c).GetSatisfactionSurveyAsync(new GetSatisfactionSurveyRequest { Name = $"{t.Bilan.Name}/satisfactionSurvey" });
        }),
        ["/bilan.v1.QualityService/ListSatisfactionSurveys"] = new(Stage.Unassigned, PractitionerList, (_, _, c, _) =>
            new QualityService.QualityServiceClient(c).ListSatisfactionSurveysAsync(new ListSatisfactionSurveysRequest()).ResponseAsync),
        ["/bilan.v1.QualityService/CreateComplaint"] = new(Stage.Unassigned, AdminOnly, (w, _, c, _) =>
            new QualityService.QualityServiceClient(c).CreateComplaintAsync(new CreateComplaintRequest { Complaint = NewComplaint(w) }).ResponseAsync),
        ["/bilan.v1.QualityService/GetComplaint"] = new(Stage.Unassigned, AdminOnly, async (w, _, c, _) =>
            await new QualityService.QualityServiceClient(c).GetComplaintAsync(new GetComplaintRequest { Name = (await AdminCreatesComplaint(w)).Name })),
        ["/bilan.v1.QualityService/ListComplaints"] = new(Stage.Unassigned, AdminOnly, (_, _, c, _) =>
            new QualityService.QualityServiceClient(c).ListComplaintsAsync(new ListComplaintsRequest()).ResponseAsync),
        ["/bilan.v1.QualityService/UpdateComplaint"] = new(Stage.Unassigned, AdminOnly, async (w, _, c, _) =>
            await new QualityService.QualityServiceClient(c).UpdateComplaintAsync(new UpdateComplaintRequest
            {
                Complaint = new Complaint { Name = (await AdminCreatesComplaint(w)).Name, Subject = "Objet corrigé" },
            })),
        ["/bilan.v1.QualityService/AcknowledgeComplaint"] = new(Stage.Unassigned, AdminOnly, async (w, _, c, _) =>
            await new QualityService.QualityServiceClient(c).AcknowledgeComplaintAsync(new AcknowledgeComplaintRequest { Name = (await AdminCreatesComplaint(w)).Name })),
        ["/bilan.v1.QualityService/StartComplaintHandling"] = new(Stage.Unassigned, AdminOnly, async (w, _, c, _) =>
            await new QualityService.QualityServiceClient(c).StartComplaintHandlingAsync(new StartComplaintHandlingRequest { Name = (await AdminCreatesComplaint(w, acknowledged: true)).Name })),
        ["/bilan.v1.QualityService/ResolveComplaint"] = new(Stage.Unassigned, AdminOnly, async (w, _, c, _) =>
            await new QualityService.QualityServiceClient(c).ResolveComplaintAsync(new ResolveComplaintRequest { Name = (await AdminCreatesComplaint(w, acknowledged: true)).Name, Answer = "Réponse." })),
        ["/bilan.v1.QualityService/RejectComplaint"] = new(Stage.Unassigned, AdminOnly, async (w, _, c, _) =>
            await new QualityService.QualityServiceClient(c).RejectComplaintAsync(new RejectComplaintRequest { Name = (await AdminCreatesComplaint(w, acknowledged: true)).Name, Answer = "Non fondée." })),
        ["/bilan.v1.QualityService/GetQualityIndicators"] = new(Stage.Unassigned, SupportRead, (_, _, c, _) =>
            new QualityService.QualityServiceClient(c).GetQualityIndicatorsAsync(new GetQualityIndicatorsRequest
            {
                StartDate = new Google.Type.Date { Year = 2026, Month = 1, Day = 1 },
                EndDate = new Google.Type.Date { Year = 2026, Month = 12, Day = 31 },
            }).ResponseAsync),

        // Alerts: every staff role, each scoped by the handler; not for API clients.
        ["/bilan.v1.AlertService/ListAlerts"] = new(Stage.Unassigned, StaffRead, (_, _, c, _) =>
            new AlertService.AlertServiceClient(c).ListAlertsAsync(new ListAlertsRequest()).ResponseAsync),

        // Policy values: every authenticated caller.
        ["/bilan.v1.PolicyService/GetPolicy"] = new(Stage.Unassigned, AnyList, (_, _, c, _) =>
            new PolicyService.PolicyServiceClient(c).GetPolicyAsync(new GetPolicyRequest()).ResponseAsync),
    };

    private static Task<Convention> DraftConventionAsync(AccessWorld world, Target target) =>
        world.Server.ConventionsClient().UpdateConventionAsync(new UpdateConventionRequest
        {
            Convention = StartConditions.CompleteConvention(target.Bilan.Name),
        }).ResponseAsync;

    /// <summary>A bilan of an employee of organisation A, by consultant X, funded by the CPF on working time, starting in 90 days.</summary>
    private static async Task<string> CpfWorkingTimeBilanAsync(AccessWorld world)
    {
        var employee = Requests.Employee();
        employee.Organization = world.OrganizationA.Name;
        var beneficiary = await world.Server.Beneficiaries.CreateAsync(employee);
        var request = Requests.Bilan(beneficiary.Name);
        request.WorkingTime = WorkingTime.During;
        request.PlannedStartDate = world.Server.Day(90);
        request.PlannedEndDate = world.Server.Day(180);
        var bilan = await world.Server.Bilans.CreateBilanAsync(new CreateBilanRequest { Bilan = request });
        await world.Server.Bilans.AssignConsultantAsync(new AssignConsultantRequest { Name = bilan.Name, Consultant = world.ConsultantX.Name });
        return bilan.Name;
    }

    public static TheoryData<string, CallerKind> Cases()
    {
        var cases = new TheoryData<string, CallerKind>();
        foreach (var method in Rows.Keys)
        {
            foreach (var caller in System.Enum.GetValues<CallerKind>())
            {
                cases.Add(method, caller);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Call_ByEachKindOfCaller_GetsTheExpectedStatus(string method, CallerKind caller)
    {
        var row = Rows[method];
        var target = await world.TargetAsync(row.Stage);

        var status = await StatusOf(() => row.Invoke(world, target, world.ChannelOf(caller), caller));

        Assert.Equal(row.Expected[(int)caller], status);
    }

    [Fact]
    public void Rows_CoverEveryServedMethod()
    {
        var served = ServedMethods().ToHashSet();

        Assert.Empty(served.Except(Rows.Keys));
        Assert.Empty(Rows.Keys.Except(served));
        Assert.Equal(served.Order(), AccessPolicy.Rules.Keys.Order());
    }

    [Fact]
    public async Task MethodWithoutAccessRule_RefusedToEveryone()
    {
        // A method the server does not serve is not in the table: the access check refuses it before routing.
        var status = await StatusOf(() => world.Server.Channel.CreateCallInvoker().AsyncUnaryCall(
            new Method<Empty, Empty>(MethodType.Unary, "bilan.v1.BilanService", "Unlisted", Marshallers.Create(_ => [], _ => new Empty()), Marshallers.Create(_ => [], _ => new Empty())),
            null, new CallOptions(), new Empty()).ResponseAsync);

        Assert.Equal(StatusCode.Unimplemented, status);
        Assert.Equal(Callers.None, AccessPolicy.For("/bilan.v1.BilanService/Unlisted"));
    }

    /// <summary>The methods of every service the server exposes, as gRPC names them.</summary>
    private static IEnumerable<string> ServedMethods() =>
        new[]
        {
            AuthService.Descriptor, UserService.Descriptor, OrganizationService.Descriptor, ConsultantService.Descriptor,
            BeneficiaryService.Descriptor, BilanService.Descriptor, InterviewService.Descriptor, ConsentService.Descriptor, SynthesisService.Descriptor, SupportService.Descriptor, Health.Descriptor,
            ConventionService.Descriptor, WorkingTimeAuthorizationService.Descriptor, FollowUpService.Descriptor,
            FundingService.Descriptor, ReportService.Descriptor,
            QualityService.Descriptor, AlertService.Descriptor,
            PolicyService.Descriptor,
            V1Reflection.ServerReflection.Descriptor, V1AlphaReflection.ServerReflection.Descriptor,
        }.SelectMany(service => service.Methods.Select(m => $"/{service.FullName}/{m.Name}"));

    private static DisclosureConsent CepDisclosure() => new()
    {
        CepOperator = "Apec Île-de-France",
        Scope = DisclosureScope.Synthesis,
        Evidence = "Accord écrit signé le 05/01/2026",
        ConsentDate = new Google.Type.Date { Year = 2026, Month = 1, Day = 5 },
    };

    private static CreateUserRequest NewUser() => new()
    {
        User = new User { Email = $"u.{Guid.NewGuid():N}@example.org", DisplayName = "Nouvel utilisateur", Role = Contracts.V1.StaffRole.Support },
        Password = "User-password-2026",
    };

    private static RecordSatisfactionSurveyRequest Survey(AccessWorld world, Target target) => new()
    {
        Parent = target.Bilan.Name,
        Survey = new SatisfactionSurvey { OverallScore = 4, AnswerDate = TodayOf(world) },
    };

    private static Complaint NewComplaint(AccessWorld world) => new()
    {
        ReceivedDate = TodayOf(world),
        Channel = ComplaintChannel.Phone,
        Complainant = Complainant.Employer,
        Subject = "Convention non reçue",
        Description = "La convention n'a pas été envoyée.",
    };

    private static async Task<Complaint> AdminCreatesComplaint(AccessWorld world, bool acknowledged = false)
    {
        var quality = new QualityService.QualityServiceClient(world.Server.Channel);
        var complaint = await quality.CreateComplaintAsync(new CreateComplaintRequest { Complaint = NewComplaint(world) });
        return acknowledged ? await quality.AcknowledgeComplaintAsync(new AcknowledgeComplaintRequest { Name = complaint.Name }) : complaint;
    }

    private static Google.Type.Date TodayOf(AccessWorld world)
    {
        var today = Domain.FrenchCalendar.DateOf(world.Server.Clock.GetUtcNow());
        return new Google.Type.Date { Year = today.Year, Month = today.Month, Day = today.Day };
    }

    private static async Task<User> AdminCreatesUser(AccessWorld world) =>
        await new UserService.UserServiceClient(world.Server.Channel).CreateUserAsync(NewUser());

    private static async Task<StatusCode> StatusOf(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException exception)
        {
            return exception.StatusCode;
        }
    }
}
