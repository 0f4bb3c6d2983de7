namespace Bilan.Server.Auth;

/// <summary>
/// Who may call each method: one row per RPC, and a method without a row is refused to everyone (fail closed).
/// Rows say which kinds of callers may call; the handlers then scope what each sees (an API client its own
/// organisation, a consultant their own bilans).
/// </summary>
public static class AccessPolicy
{
    public static IReadOnlyDictionary<string, Callers> Rules { get; } = new Dictionary<string, Callers>
    {
        // Diagnostics: no credentials, so that support and load balancers reach them.
        ["/grpc.health.v1.Health/Check"] = Callers.Anonymous,
        ["/grpc.health.v1.Health/Watch"] = Callers.Anonymous,
        ["/grpc.reflection.v1.ServerReflection/ServerReflectionInfo"] = Callers.Anonymous,
        ["/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo"] = Callers.Anonymous,

        // Logging in needs no session. Logging out ends only the session whose token it carries, if any, so it
        // is safe for anyone and idempotent: a second logout with a token already ended still succeeds.
        ["/bilan.v1.AuthService/Login"] = Callers.Anonymous,
        ["/bilan.v1.AuthService/Logout"] = Callers.Anonymous,

        ["/bilan.v1.UserService/CreateUser"] = Callers.Admin,
        ["/bilan.v1.UserService/GetUser"] = Callers.Admin,
        ["/bilan.v1.UserService/ListUsers"] = Callers.Admin,
        ["/bilan.v1.UserService/DisableUser"] = Callers.Admin,
        ["/bilan.v1.UserService/EnableUser"] = Callers.Admin,
        ["/bilan.v1.UserService/ResetPassword"] = Callers.Admin,

        ["/bilan.v1.OrganizationService/CreateOrganization"] = Callers.Admin,
        ["/bilan.v1.OrganizationService/GetOrganization"] = Callers.Admin,
        ["/bilan.v1.OrganizationService/ListOrganizations"] = Callers.Admin,
        ["/bilan.v1.OrganizationService/UpdateOrganization"] = Callers.Admin,
        ["/bilan.v1.OrganizationService/CreateApiKey"] = Callers.Admin,
        ["/bilan.v1.OrganizationService/ListApiKeys"] = Callers.Admin,
        ["/bilan.v1.OrganizationService/RevokeApiKey"] = Callers.Admin,

        ["/bilan.v1.ConsultantService/CreateConsultant"] = Callers.Admin,
        ["/bilan.v1.ConsultantService/GetConsultant"] = Callers.Staff,
        ["/bilan.v1.ConsultantService/ListConsultants"] = Callers.Staff,
        ["/bilan.v1.ConsultantService/UpdateConsultant"] = Callers.Admin,

        // An HR client creates its employees' beneficiaries and bilans; a consultant keeps their beneficiaries' data.
        ["/bilan.v1.BeneficiaryService/CreateBeneficiary"] = Callers.Admin | Callers.ApiClient,
        ["/bilan.v1.BeneficiaryService/GetBeneficiary"] = Callers.Authenticated,
        ["/bilan.v1.BeneficiaryService/ListBeneficiaries"] = Callers.Authenticated,
        ["/bilan.v1.BeneficiaryService/UpdateBeneficiary"] = Callers.Practitioners | Callers.ApiClient,
        // GDPR requests (access and portability, erasure; answered within one month) are handled by administrators.
        ["/bilan.v1.BeneficiaryService/ExportBeneficiaryData"] = Callers.Admin,
        ["/bilan.v1.BeneficiaryService/EraseBeneficiary"] = Callers.Admin,

        ["/bilan.v1.BilanService/CreateBilan"] = Callers.Admin | Callers.ApiClient,
        ["/bilan.v1.BilanService/GetBilan"] = Callers.Authenticated,
        ["/bilan.v1.BilanService/ListBilans"] = Callers.Authenticated,
        ["/bilan.v1.BilanService/SummarizeBilans"] = Callers.Authenticated,
        ["/bilan.v1.BilanService/UpdateBilan"] = Callers.Practitioners,
        ["/bilan.v1.BilanService/DeleteBilan"] = Callers.Admin,
        ["/bilan.v1.BilanService/AssignConsultant"] = Callers.Admin,
        ["/bilan.v1.BilanService/ReassignConsultant"] = Callers.Admin,
        ["/bilan.v1.BilanService/StartBilan"] = Callers.Practitioners,
        ["/bilan.v1.BilanService/StartInvestigation"] = Callers.Practitioners,
        ["/bilan.v1.BilanService/StartConclusion"] = Callers.Practitioners,
        ["/bilan.v1.BilanService/CompleteBilan"] = Callers.Practitioners,
        ["/bilan.v1.BilanService/StartFollowUp"] = Callers.Practitioners,
        ["/bilan.v1.BilanService/CloseBilan"] = Callers.Practitioners,
        ["/bilan.v1.BilanService/AbandonBilan"] = Callers.Practitioners,
        ["/bilan.v1.BilanService/CancelBilan"] = Callers.Practitioners,
        ["/bilan.v1.BilanService/CheckEligibility"] = Callers.Authenticated,
        ["/bilan.v1.BilanService/ListBilanEvents"] = Callers.Authenticated,
        ["/bilan.v1.BilanService/WatchBilanEvents"] = Callers.Authenticated,

        ["/bilan.v1.InterviewService/ScheduleInterview"] = Callers.Practitioners,
        ["/bilan.v1.InterviewService/GetInterview"] = Callers.Authenticated,
        ["/bilan.v1.InterviewService/ListInterviews"] = Callers.Authenticated,
        ["/bilan.v1.InterviewService/RescheduleInterview"] = Callers.Practitioners,
        ["/bilan.v1.InterviewService/CancelInterview"] = Callers.Practitioners,
        ["/bilan.v1.InterviewService/RecordInterviewOutcome"] = Callers.Practitioners,

        // Consents (L6313-4): recorded and read by admins and the bilan's assigned consultant only.
        ["/bilan.v1.ConsentService/RecordBilanConsent"] = Callers.Practitioners,
        ["/bilan.v1.ConsentService/GetBilanConsent"] = Callers.Practitioners,
        ["/bilan.v1.ConsentService/RecordDisclosureConsent"] = Callers.Practitioners,
        ["/bilan.v1.ConsentService/RevokeDisclosureConsent"] = Callers.Practitioners,
        ["/bilan.v1.ConsentService/ListDisclosureConsents"] = Callers.Practitioners,

        // Read-only diagnostics for support and admins: server status, a bilan's metadata and history, error records.
        ["/bilan.v1.SupportService/GetServerStatus"] = Callers.Support | Callers.Admin,
        ["/bilan.v1.SupportService/GetBilanDiagnostics"] = Callers.Support | Callers.Admin,
        ["/bilan.v1.SupportService/LookupError"] = Callers.Support | Callers.Admin,

        // The synthesis and interview notes (L6313-4): written by admins and the bilan's consultant. Reads are open
        // in this table to the callers whom the handler answers precisely: support (CONFIDENTIAL_CONTENT), an API
        // client (the delivered synthesis only, under the beneficiary's disclosure consent). Every read is logged.
        ["/bilan.v1.SynthesisService/GetSynthesis"] = Callers.Authenticated,
        ["/bilan.v1.SynthesisService/UpdateSynthesis"] = Callers.Practitioners,
        ["/bilan.v1.SynthesisService/DeliverSynthesis"] = Callers.Practitioners,
        ["/bilan.v1.SynthesisService/ReviseSynthesis"] = Callers.Practitioners,
        ["/bilan.v1.SynthesisService/GetInterviewNotes"] = Callers.Staff,
        ["/bilan.v1.SynthesisService/UpdateInterviewNotes"] = Callers.Practitioners,
        ["/bilan.v1.SynthesisService/ListConfidentialAccesses"] = Callers.Admin,

        // Start and close conditions (R6313-8, D6323-4, R6313-4 3°): read by whoever sees the bilan (the employer's HR
        // software its organisation's), changed by admins and the bilan's consultant.
        ["/bilan.v1.ConventionService/GetConvention"] = Callers.Authenticated,
        ["/bilan.v1.ConventionService/UpdateConvention"] = Callers.Practitioners,
        ["/bilan.v1.ConventionService/SendConvention"] = Callers.Practitioners,
        ["/bilan.v1.ConventionService/SignConvention"] = Callers.Practitioners,
        ["/bilan.v1.ConventionService/RefuseConvention"] = Callers.Practitioners,
        ["/bilan.v1.WorkingTimeAuthorizationService/GetWorkingTimeAuthorization"] = Callers.Authenticated,
        ["/bilan.v1.WorkingTimeAuthorizationService/RequestWorkingTimeAuthorization"] = Callers.Practitioners,
        ["/bilan.v1.WorkingTimeAuthorizationService/RecordEmployerAnswer"] = Callers.Practitioners,
        ["/bilan.v1.FollowUpService/GetFollowUp"] = Callers.Authenticated,
        ["/bilan.v1.FollowUpService/UpdateFollowUp"] = Callers.Practitioners,
        ["/bilan.v1.FollowUpService/DeclineFollowUp"] = Callers.Practitioners,
        // Funding lines: read like bilans (each caller scoped by the handler), changed by admins and the bilan's
        // consultant; the CPF policy values are shown to staff.
        ["/bilan.v1.FundingService/CreateFunding"] = Callers.Practitioners,
        ["/bilan.v1.FundingService/GetFunding"] = Callers.Authenticated,
        ["/bilan.v1.FundingService/ListFundings"] = Callers.Authenticated,
        ["/bilan.v1.FundingService/UpdateFunding"] = Callers.Practitioners,
        ["/bilan.v1.FundingService/AcceptFunding"] = Callers.Practitioners,
        ["/bilan.v1.FundingService/RefuseFunding"] = Callers.Practitioners,
        ["/bilan.v1.FundingService/MarkFundingPaid"] = Callers.Practitioners,
        ["/bilan.v1.FundingService/TransitionEdofDossier"] = Callers.Practitioners,
        ["/bilan.v1.FundingService/GetCpfPolicy"] = Callers.Staff,

        // The BPF shows the provider's income across every bilan: administrators only (support diagnoses calls and
        // needs no financial figures; a consultant sees only their own bilans).
        ["/bilan.v1.ReportService/GetBpfReport"] = Callers.Admin,
        // Quality (Qualiopi). Surveys: recorded and read by admins and the bilan's consultant (the beneficiary's words).
        // Complaints: handled by admins (the quality referent). Indicators: provider-wide figures for admins and support.
        ["/bilan.v1.QualityService/RecordSatisfactionSurvey"] = Callers.Practitioners,
        ["/bilan.v1.QualityService/GetSatisfactionSurvey"] = Callers.Practitioners,
        ["/bilan.v1.QualityService/ListSatisfactionSurveys"] = Callers.Practitioners,
        ["/bilan.v1.QualityService/CreateComplaint"] = Callers.Admin,
        ["/bilan.v1.QualityService/GetComplaint"] = Callers.Admin,
        ["/bilan.v1.QualityService/ListComplaints"] = Callers.Admin,
        ["/bilan.v1.QualityService/UpdateComplaint"] = Callers.Admin,
        ["/bilan.v1.QualityService/AcknowledgeComplaint"] = Callers.Admin,
        ["/bilan.v1.QualityService/StartComplaintHandling"] = Callers.Admin,
        ["/bilan.v1.QualityService/ResolveComplaint"] = Callers.Admin,
        ["/bilan.v1.QualityService/RejectComplaint"] = Callers.Admin,
        ["/bilan.v1.QualityService/GetQualityIndicators"] = Callers.Admin | Callers.Support,

        // The dashboard's alerts, scoped by the handler: a consultant their bilans', support every bilan's, admins all.
        ["/bilan.v1.AlertService/ListAlerts"] = Callers.Staff,

        // The policy values in force: the provider's published rules, no personal data; staff and API clients.
        ["/bilan.v1.PolicyService/GetPolicy"] = Callers.Authenticated,
    };

    /// <summary>Who may call <paramref name="method"/> (<c>/package.Service/Method</c>); nobody when it has no row.</summary>
    public static Callers For(string method) => Rules.TryGetValue(method, out var callers) ? callers : Callers.None;
}
