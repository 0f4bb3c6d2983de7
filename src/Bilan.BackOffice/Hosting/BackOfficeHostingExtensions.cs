using System.Text.Encodings.Web;
using System.Text.Unicode;
using Bilan.BackOffice.Api;
using Bilan.BackOffice.Security;
using Microsoft.Extensions.WebEncoders;

namespace Bilan.BackOffice.Hosting;

/// <summary>Service registration and request pipeline of the back-office, kept out of Program.cs.</summary>
public static class BackOfficeHostingExtensions
{
    /// <summary>Registers Razor Pages, the French-friendly HTML encoder and the gRPC clients of the Bilan API.</summary>
    public static WebApplicationBuilder AddBackOffice(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        // Run from its build output (scripts/run, the browser tests) outside Development, the back-office must still
        // find wwwroot and the compressed copies of its files, which only the build's static web assets manifest
        // locates: without it a browser asking for gzip or br got an empty stylesheet. No effect once published.
        builder.WebHost.UseStaticWebAssets();

        builder.Services.AddBackOfficeForwardedHeaders(builder.Configuration);
        builder.Services.AddBackOfficeDataProtection(builder.Configuration);
        builder.Services.AddBackOfficeAuthentication();
        builder.Services.AddRazorPages(options =>
        {
            options.Conventions.ConfigureFilter(new SessionExpiredFilter());
            // Every administration page is for administrators, whatever its page model says.
            options.Conventions.AuthorizeFolder("/Administration", SessionClaims.AdminPolicy);
        });
        // Razor encodes every non-ASCII character by default ("&#xE9;" for "é"): let French text through as is.
        builder.Services.Configure<WebEncoderOptions>(
            options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddBilanApi(builder.Configuration);

        return builder;
    }

    /// <summary>
    /// Builds the request pipeline: a trusted proxy's scheme first (everything after, cookies included, must see
    /// HTTPS), then the security headers, so that every response carries them.
    /// </summary>
    public static WebApplication UseBackOffice(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/Error/{0}");

        app.UseAuthentication();
        app.UseAuthorization();

        // Stylesheet and icon are public: the login page needs them before anyone signs in.
        app.MapStaticAssets()
            .AllowAnonymous();
        app.MapRazorPages()
            .WithStaticAssets();

        return app;
    }
}
