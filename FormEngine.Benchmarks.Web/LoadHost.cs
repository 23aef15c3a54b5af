using System.Security.Claims;
using FormEngine.AspNetCore;
using FormEngine.Evaluation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;

namespace FormEngine.Benchmarks.Web;

/// <summary>
/// The application under load, set up as a council's host would set up FormEngine.AspNetCore (the package README's
/// steps): templates from a folder, cookie sign-in, antiforgery, FormEngine's security headers, host filtering, and
/// logging at Warning as a production host would run it. It serves one case of the single-assessment example:
/// <list type="bullet">
/// <item><c>GET /cases/1</c>: the form page for a practitioner, rendered per request from the stored answers.</item>
/// <item><c>POST /cases/1</c>: a posted form checked (antiforgery, limits) and applied, the answers stored, then 303 back.</item>
/// <item><c>GET /ceiling</c>: the same form page's bytes, rendered once at start-up and sent from memory: the most this
/// application and machine can serve, the yardstick the form page is measured against.</item>
/// <item><c>GET /sign-in</c>: signs the caller in as a practitioner (there is no password: it binds to loopback only).</item>
/// </list>
/// Settings: <c>Examples</c> (the repository's <c>examples</c> folder; found upwards from the program by default).
/// </summary>
public static class LoadHost
{
    /// <summary>The template served.</summary>
    public const string TemplateId = "single_assessment";

    /// <summary>The one case's address.</summary>
    public const string CasePath = "/cases/1";

    /// <summary>The address of the same page's bytes from memory.</summary>
    public const string CeilingPath = "/ceiling";

    /// <summary>The address that signs the caller in.</summary>
    public const string SignInPath = "/sign-in";

    /// <summary>The date the sessions are evaluated at, so every run renders the same page.</summary>
    public static readonly DateOnly Today = new(2026, 11, 26);

    /// <summary>Builds the application (not started).</summary>
    /// <param name="args">Command-line arguments: <c>--urls</c>, <c>--Examples=DIR</c>, any ASP.NET Core setting.</param>
    /// <returns>The application.</returns>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, EnvironmentName = Environments.Production });
        var examples = ExamplesFolder(builder.Configuration["Examples"]);
        builder.Configuration["AllowedHosts"] ??= "127.0.0.1;localhost";
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // Keys in memory: a benchmark run needs no keys kept between runs, and writes nothing to the home folder.
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        builder.Services.AddFormEngine(options => options.TemplatesPath = examples);
        builder.Services.AddAntiforgery();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        builder.Services.AddAuthorization();
        builder.Services.AddSingleton<IFormReaderPolicy, PractitionerPolicy>();
        builder.Services.AddSingleton(new CaseAnswers(Path.Combine(examples, "single-assessment", "answers", "toddler-disabled.json")));

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/health");

        app.MapGet(SignInPath, async (HttpContext http) =>
        {
            await http.SignInAsync(new ClaimsPrincipal(PractitionerPolicy.Identity()));
            return Results.Redirect(CasePath);
        });
        app.MapGet(CasePath, (IFormTemplates templates, CaseAnswers answers) =>
            FormResults.Form(Open(templates, answers), FormPageOf()))
            .RequireAuthorization();
        app.MapPost(CasePath, async (HttpContext http, IFormTemplates templates, CaseAnswers answers) =>
        {
            var session = Open(templates, answers);
            var post = await FormPosts.BindAsync(http, session, FormPageOf());
            if (!post.Applied)
            {
                return post.Refusal;
            }

            answers.Write(session.ToJson());
            return Results.Redirect(CasePath + "?saved=true");
        }).RequireAuthorization();

        var ceiling = new Lazy<Task<byte[]>>(() => CeilingPage.RenderAsync(app.Services, Open(app.Services.GetRequiredService<IFormTemplates>(), app.Services.GetRequiredService<CaseAnswers>()), FormPageOf()));
        app.MapGet(CeilingPath, async (HttpContext http) =>
        {
            var bytes = await ceiling.Value;
            http.Response.ContentType = "text/html; charset=utf-8";
            http.Response.Headers.CacheControl = "no-store";
            http.Response.ContentLength = bytes.Length;
            await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
        });
        // Rendered now, so the first measured request does not pay for it.
        app.Lifetime.ApplicationStarted.Register(() => ceiling.Value.GetAwaiter().GetResult());
        return app;
    }

    /// <summary>The repository's <c>examples</c> folder: the one given, or the first found upwards from the program.</summary>
    /// <param name="given">The <c>Examples</c> setting, or null.</param>
    /// <returns>The folder's full path.</returns>
    public static string ExamplesFolder(string? given)
    {
        if (given is not null)
        {
            return Directory.Exists(Path.Combine(given, "single-assessment"))
                ? Path.GetFullPath(given)
                : throw new DirectoryNotFoundException($"`{given}` (the Examples setting) has no single-assessment folder; give the repository's examples folder.");
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (Directory.Exists(Path.Combine(folder.FullName, "examples", "single-assessment")))
            {
                return Path.Combine(folder.FullName, "examples");
            }
        }

        throw new DirectoryNotFoundException("No examples/single-assessment folder above the program; pass --Examples=PATH to the repository's examples folder.");
    }

    private static FormPage FormPageOf() => new() { Action = CasePath, CaseReference = "CIN-2026-0042", ProtectiveMarking = "OFFICIAL-SENSITIVE" };

    private static FormSession Open(IFormTemplates templates, CaseAnswers answers) => FormSession.Open(
        templates.Find(TemplateId) ?? throw new InvalidOperationException($"The {TemplateId} template did not load; see /health."),
        answers.Read(),
        new FormSessionOptions { Today = Today });

    /// <summary>Every signed-in user is a practitioner; nobody else reads the form.</summary>
    private sealed class PractitionerPolicy : IFormReaderPolicy
    {
        public static ClaimsIdentity Identity() =>
            new([new Claim(ClaimTypes.Name, "practitioner"), new Claim(ClaimTypes.Role, "practitioner")], CookieAuthenticationDefaults.AuthenticationScheme);

        public ValueTask<FormReader?> GetReaderAsync(ClaimsPrincipal user, FormTemplate template, CancellationToken cancellationToken) =>
            ValueTask.FromResult(user.IsInRole("practitioner") ? new FormReader("practitioner") : null);
    }

    /// <summary>The user the sign-in gives, for rendering the ceiling page at start-up as that user sees it.</summary>
    internal static ClaimsPrincipal Practitioner() => new(PractitionerPolicy.Identity());
}
