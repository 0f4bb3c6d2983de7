using Bilan.BackOffice.Pages.Administration;
using Bilan.BackOffice.Pages.Administration.Utilisateurs;
using Bilan.BackOffice.Tests.TestSupport;
using Bilan.Contracts.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using IndexModel = Bilan.BackOffice.Pages.Administration.Utilisateurs.IndexModel;

namespace Bilan.BackOffice.Tests.Pages.Administration;

public sealed class UtilisateursPagesTests
{
    private const string UserId = "0193a3c4-0000-7000-8000-0000000000aa";

    private static User Jeanne(bool disabled = false) => new()
    {
        Name = $"users/{UserId}",
        Email = "jeanne.martin@example.fr",
        DisplayName = "Jeanne Martin",
        Role = StaffRole.Consultant,
        Disabled = disabled,
        Etag = "W/\"3\"",
    };

    private static UserService.UserServiceClient Users(params User[] users)
    {
        var client = Substitute.For<UserService.UserServiceClient>();
        var page = new ListUsersResponse();
        page.Users.AddRange(users);
        client.ListUsersAsync(Arg.Any<ListUsersRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(page));
        client.GetUserAsync(Arg.Any<GetUserRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(Jeanne()));
        return client;
    }

    [Fact]
    public async Task Index_Users_ShowsFrenchRolesAndStates()
    {
        var locked = Jeanne();
        locked.Email = "paul@example.fr";
        locked.Role = StaffRole.Admin;
        locked.LockedUntil = Timestamp.FromDateTimeOffset(new DateTimeOffset(2026, 11, 27, 9, 15, 0, TimeSpan.Zero));
        var support = Jeanne(disabled: true);
        support.Role = StaffRole.Support;
        var page = AdminPages.WithContext(new IndexModel(Users(Jeanne(), locked, support), NullLogger<IndexModel>.Instance));

        await page.OnGetAsync(CancellationToken.None);

        Assert.Null(page.ErrorMessage);
        Assert.Collection(
            page.Rows,
            row => Assert.Equal(("consultant", "actif", false, UserId), (row.Role, row.State, row.Disabled, row.Id)),
            row => Assert.Equal(("administrateur", "verrouillé jusqu’au 27/11/2026 10:15:00"), (row.Role, row.State)),
            row => Assert.Equal(("support", "désactivé", true), (row.Role, row.State, row.Disabled)));
    }

    [Fact]
    public async Task Index_ApiUnavailable_ShowsFrenchMessage()
    {
        var client = Substitute.For<UserService.UserServiceClient>();
        client.ListUsersAsync(Arg.Any<ListUsersRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<ListUsersResponse>(new RpcException(new Status(StatusCode.Unavailable, "down"))));
        var page = AdminPages.WithContext(new IndexModel(client, NullLogger<IndexModel>.Instance));

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal("Le service Bilan est momentanément injoignable : réessayez dans un instant.", page.ErrorMessage);
        Assert.Empty(page.Rows);
    }

    [Fact]
    public async Task Disable_Accepted_SendsNameAndEtagThenRedirectsWithConfirmation()
    {
        var client = Users(Jeanne());
        client.DisableUserAsync(Arg.Any<DisableUserRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(Jeanne(disabled: true)));
        var page = AdminPages.WithContext(new IndexModel(client, NullLogger<IndexModel>.Instance));

        var result = await page.OnPostDesactiverAsync(UserId, "W/\"3\"", null, CancellationToken.None);

        Assert.IsType<RedirectToPageResult>(result);
        Assert.Equal("Le compte de Jeanne Martin (jeanne.martin@example.fr) est désactivé : ses sessions en cours sont terminées.", page.Confirmation);
        _ = client.Received(1).DisableUserAsync(
            Arg.Is<DisableUserRequest>(r => r.Name == $"users/{UserId}" && r.Etag == "W/\"3\"" && AdminPages.IsUuid(r.RequestId)),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Disable_StaleEtag_SaysSomeoneElseChangedItAndShowsListAgain()
    {
        var client = Users(Jeanne());
        client.DisableUserAsync(Arg.Any<DisableUserRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<User>(AdminPages.Stale()));
        var page = AdminPages.WithContext(new IndexModel(client, NullLogger<IndexModel>.Instance));

        var result = await page.OnPostDesactiverAsync(UserId, "W/\"2\"", null, CancellationToken.None);

        Assert.IsType<PageResult>(result);
        Assert.True(page.IsStale);
        Assert.Equal(AdministrationPageModel.StaleMessage, page.ErrorMessage);
        Assert.Single(page.Rows);
        Assert.Null(page.Confirmation);
    }

    [Fact]
    public async Task Enable_NotDisabled_ShowsApiFrenchMessage()
    {
        var client = Users(Jeanne());
        client.EnableUserAsync(Arg.Any<EnableUserRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<User>(ApiCalls.Error(StatusCode.FailedPrecondition, "Cet utilisateur n'est pas désactivé.", "USER_NOT_DISABLED")));
        var page = AdminPages.WithContext(new IndexModel(client, NullLogger<IndexModel>.Instance));

        var result = await page.OnPostReactiverAsync(UserId, "W/\"3\"", null, CancellationToken.None);

        Assert.IsType<PageResult>(result);
        Assert.False(page.IsStale);
        Assert.Equal("Cet utilisateur n'est pas désactivé.", page.ErrorMessage);
    }

    private static ConsultantService.ConsultantServiceClient ActiveConsultants()
    {
        var client = Substitute.For<ConsultantService.ConsultantServiceClient>();
        var page = new ListConsultantsResponse();
        page.Consultants.Add(new Consultant { Name = "consultants/c1", DisplayName = "Claire Dupont", Email = "claire@example.fr", Active = true });
        client.ListConsultantsAsync(Arg.Any<ListConsultantsRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(page));
        return client;
    }

    private static NouveauModel NewUserPage(UserService.UserServiceClient users, string role = "consultant") =>
        AdminPages.WithContext(new NouveauModel(users, ActiveConsultants(), NullLogger<NouveauModel>.Instance)
        {
            Saisie = new UserInput
            {
                Email = " claire@example.fr ",
                NomAffiche = "Claire Dupont",
                Role = role,
                Consultant = "c1",
                MotDePasse = "Mot-de-passe-2026",
                RequestId = "5b0e7f8e-5d7c-4d8e-9a51-3a3b7a0c1d2e",
            },
        });

    [Fact]
    public async Task NewUser_Get_OffersActiveConsultantsAndARequestId()
    {
        var page = AdminPages.WithContext(new NouveauModel(Users(), ActiveConsultants(), NullLogger<NouveauModel>.Instance));

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal(new ConsultantOption("c1", "Claire Dupont (claire@example.fr)"), Assert.Single(page.Consultants));
        Assert.True(Guid.TryParse(page.Saisie.RequestId, out _));
    }

    [Fact]
    public async Task NewUser_Accepted_SendsRoleConsultantAndPasswordThenRedirects()
    {
        var client = Users();
        client.CreateUserAsync(Arg.Any<CreateUserRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(call => ApiCalls.Answer(call.Arg<CreateUserRequest>().User));
        var page = NewUserPage(client);

        var result = await page.OnPostAsync(CancellationToken.None);

        var redirect = Assert.IsType<RedirectToPageResult>(result);
        Assert.Equal("/Administration/Utilisateurs/Index", redirect.PageName);
        Assert.Equal("Le compte de Claire Dupont (claire@example.fr) est créé, avec le rôle consultant.", page.Confirmation);
        _ = client.Received(1).CreateUserAsync(
            Arg.Is<CreateUserRequest>(r => r.User.Email == "claire@example.fr" && r.User.Role == StaffRole.Consultant
                && r.User.Consultant == "consultants/c1" && r.Password == "Mot-de-passe-2026"
                && r.RequestId == "5b0e7f8e-5d7c-4d8e-9a51-3a3b7a0c1d2e"),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task NewUser_AdminRole_SendsNoConsultant()
    {
        var client = Users();
        client.CreateUserAsync(Arg.Any<CreateUserRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(call => ApiCalls.Answer(call.Arg<CreateUserRequest>().User));
        var page = NewUserPage(client, role: "admin");

        await page.OnPostAsync(CancellationToken.None);

        _ = client.Received(1).CreateUserAsync(
            Arg.Is<CreateUserRequest>(r => r.User.Role == StaffRole.Admin && r.User.Consultant == string.Empty),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task NewUser_WeakPassword_ShowsFrenchMessageNextToFieldKeepsWhatWasTypedButThePassword()
    {
        var client = Users();
        client.CreateUserAsync(Arg.Any<CreateUserRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<User>(AdminPages.Invalid("password", "Le mot de passe doit compter au moins 12 caractères.")));
        var page = NewUserPage(client);

        var result = await page.OnPostAsync(CancellationToken.None);

        Assert.IsType<PageResult>(result);
        Assert.Equal(["Le mot de passe doit compter au moins 12 caractères."], AdminPages.Errors(page, "Saisie.MotDePasse"));
        Assert.Equal("Certaines informations sont invalides.", page.ErrorMessage);
        Assert.Equal(" claire@example.fr ", page.Saisie.Email);
        Assert.Equal("consultant", page.Saisie.Role);
        Assert.Null(page.Saisie.MotDePasse);
        Assert.Single(page.Consultants);
    }

    [Fact]
    public async Task NewUser_EmailTaken_ShowsApiMessage()
    {
        var client = Users();
        client.CreateUserAsync(Arg.Any<CreateUserRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<User>(ApiCalls.Error(StatusCode.AlreadyExists, "Un utilisateur a déjà cette adresse e-mail.", "ALREADY_EXISTS")));
        var page = NewUserPage(client);

        await page.OnPostAsync(CancellationToken.None);

        Assert.Equal("Un utilisateur a déjà cette adresse e-mail.", page.ErrorMessage);
    }

    [Fact]
    public async Task NewUser_UnknownRole_RefusedWithoutCallingApi()
    {
        var client = Users();
        var page = NewUserPage(client, role: "superadmin");

        var result = await page.OnPostAsync(CancellationToken.None);

        Assert.IsType<PageResult>(result);
        Assert.Equal(["Choisissez un rôle dans la liste."], AdminPages.Errors(page, "Saisie.Role"));
        _ = client.DidNotReceiveWithAnyArgs().CreateUserAsync(default!, default(Metadata), default, default);
    }

    [Fact]
    public async Task ResetPassword_Get_ReadsUserAndEtag()
    {
        var page = AdminPages.WithContext(new MotDePasseModel(Users(), NullLogger<MotDePasseModel>.Instance) { Id = UserId });

        await page.OnGetAsync(CancellationToken.None);

        Assert.Equal("jeanne.martin@example.fr", page.Utilisateur?.Email);
        Assert.Equal("W/\"3\"", page.Etag);
    }

    [Fact]
    public async Task ResetPassword_Accepted_SendsPasswordAndEtagThenRedirects()
    {
        var client = Users();
        client.ResetPasswordAsync(Arg.Any<ResetPasswordRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(Jeanne()));
        var page = AdminPages.WithContext(new MotDePasseModel(client, NullLogger<MotDePasseModel>.Instance)
        {
            Id = UserId,
            Etag = "W/\"3\"",
            NouveauMotDePasse = "Nouveau-mot-de-passe-7",
        });

        var result = await page.OnPostAsync(CancellationToken.None);

        Assert.IsType<RedirectToPageResult>(result);
        Assert.StartsWith("Le mot de passe de Jeanne Martin (jeanne.martin@example.fr) est réinitialisé", page.Confirmation, StringComparison.Ordinal);
        _ = client.Received(1).ResetPasswordAsync(
            Arg.Is<ResetPasswordRequest>(r => r.Name == $"users/{UserId}" && r.NewPassword == "Nouveau-mot-de-passe-7" && r.Etag == "W/\"3\""),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task ResetPassword_Stale_OffersReloadAndForgetsPassword()
    {
        var client = Users();
        client.ResetPasswordAsync(Arg.Any<ResetPasswordRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<User>(AdminPages.Stale()));
        var page = AdminPages.WithContext(new MotDePasseModel(client, NullLogger<MotDePasseModel>.Instance)
        {
            Id = UserId,
            Etag = "W/\"1\"",
            NouveauMotDePasse = "Nouveau-mot-de-passe-7",
        });

        var result = await page.OnPostAsync(CancellationToken.None);

        Assert.IsType<PageResult>(result);
        Assert.True(page.IsStale);
        Assert.Null(page.NouveauMotDePasse);
        Assert.NotNull(page.Utilisateur);
    }

    [Fact]
    public async Task ResetPassword_WeakPassword_ShowsMessageNextToField()
    {
        var client = Users();
        client.ResetPasswordAsync(Arg.Any<ResetPasswordRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<User>(AdminPages.Invalid("new_password", "Le mot de passe doit contenir autre chose que des lettres.")));
        var page = AdminPages.WithContext(new MotDePasseModel(client, NullLogger<MotDePasseModel>.Instance) { Id = UserId, NouveauMotDePasse = "seulementdeslettres" });

        await page.OnPostAsync(CancellationToken.None);

        Assert.Equal(["Le mot de passe doit contenir autre chose que des lettres."], AdminPages.Errors(page, nameof(MotDePasseModel.NouveauMotDePasse)));
    }
    [Fact]
    public async Task ResetPassword_Generate_SendsAStrongPasswordAndShowsItOnceUncached()
    {
        var client = Users();
        client.ResetPasswordAsync(Arg.Any<ResetPasswordRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Answer(Jeanne()));
        var page = AdminPages.WithContext(new MotDePasseModel(client, NullLogger<MotDePasseModel>.Instance) { Id = UserId, Etag = "W/\"3\"" });

        var result = await page.OnPostGenererAsync(CancellationToken.None);

        Assert.IsType<PageResult>(result);
        var generated = Assert.IsType<string>(page.MotDePasseTemporaire);
        Assert.Matches("^[a-zA-Z2-9]{5}(-[a-zA-Z2-9]{5}){3}$", generated);
        Assert.Null(page.Confirmation);
        Assert.Equal("no-store", page.Response.Headers.CacheControl.ToString());
        _ = client.Received(1).ResetPasswordAsync(
            Arg.Is<ResetPasswordRequest>(r => r.NewPassword == generated && r.Etag == "W/\"3\""),
            Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task ResetPassword_Generate_Stale_ShowsNoPassword()
    {
        var client = Users();
        client.ResetPasswordAsync(Arg.Any<ResetPasswordRequest>(), Arg.Any<Metadata>(), Arg.Any<DateTime?>(), Arg.Any<CancellationToken>())
            .Returns(_ => ApiCalls.Fail<User>(AdminPages.Stale()));
        var page = AdminPages.WithContext(new MotDePasseModel(client, NullLogger<MotDePasseModel>.Instance) { Id = UserId, Etag = "W/\"1\"" });

        await page.OnPostGenererAsync(CancellationToken.None);

        Assert.Null(page.MotDePasseTemporaire);
        Assert.True(page.IsStale);
    }

    [Fact]
    public void TemporaryPassword_IsDifferentEachTime()
    {
        Assert.NotEqual(MotDePasseModel.TemporaryPassword(), MotDePasseModel.TemporaryPassword());
    }
}
