using FormEngine.AspNetCore;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace EmbeddingSample;

/// <summary>
/// A small case-working application built on FormEngine.AspNetCore and FormEngine.Records: sign-in, a list of cases,
/// the assessment form in the GOV.UK theme, every save kept as a revision, the case's history, the PDF record, and a
/// JSON API. See README.md.
/// </summary>
public static class SampleApp
{
    public static void Main(string[] args) => Build(args).Run();

    /// <summary>
    /// Builds the application. Settings: <c>Templates</c> (folder of template folders, default <c>examples/</c>),
    /// <c>Records:Provider</c> and <c>ConnectionStrings:Records</c> (see <see cref="CaseRecords.OpenStoreAsync"/>).
    /// </summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var root = builder.Environment.ContentRootPath;
        var webRoot = Path.GetFullPath(builder.Configuration["WebRoot"] ?? Path.Combine(root, "wwwroot"));
        var govukFrontend = GovukFrontend.Find(webRoot);
        builder.Services.AddFormEngine(options =>
        {
            options.TemplatesPath = Path.GetFullPath(builder.Configuration["Templates"] ?? Path.Combine(root, ".."));
            govukFrontend?.LinkFrom(options);
        });
        builder.Services.AddAntiforgery();
        builder.Services.AddSingleton(new DemoUsers(builder.Environment.IsDevelopment() ? DemoUsers.Development : []));
        builder.Services.AddSingleton<IFormReaderPolicy, RoleReaderPolicy>();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = "/sign-in";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
            })
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, BasicAuthentication>(BasicAuthentication.SchemeName, null);
        builder.Services.AddAuthorization();

        // The store is opened once, at start: a database that cannot be opened stops the application with the reason.
        using (var startup = LoggerFactory.Create(logging => logging.AddConsole()))
        {
            var store = CaseRecords.OpenStoreAsync(builder.Configuration, root, startup.CreateLogger("EmbeddingSample")).GetAwaiter().GetResult();
            builder.Services.AddSingleton(_ => store);
        }

        builder.Services.AddSingleton<CaseRecords>();

        var app = builder.Build();
        if (govukFrontend is null)
        {
            app.Logger.LogWarning("GOV.UK Frontend is not in {WebRoot}, so the pages are unstyled: build the sample with npm installed (see README.md).", webRoot);
        }
        else
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(webRoot) });
        }

        if (!app.Services.GetRequiredService<DemoUsers>().Any)
        {
            app.Logger.LogWarning("Nobody can sign in: the demo users exist only in the Development environment. Put your organisation's sign-in in place of DemoUsers.");
        }

        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/health");
        SignInPages.Map(app);
        CasePages.Map(app);
        CaseApi.Map(app);
        return app;
    }
}
