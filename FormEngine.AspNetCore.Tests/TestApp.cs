using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FormEngine.Evaluation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FormEngine.AspNetCore.Tests;

/// <summary>
/// A small case application built as the package's README says, on a TestServer (which, like Kestrel, refuses
/// synchronous writes to the response body). Users sign in with <c>Authorization: Test NAME</c>; the reader policy
/// makes <c>parent</c> a parent and everyone else a practitioner.
/// </summary>
internal sealed partial class TestApp : IAsyncDisposable
{
    public const string Canary = "CANARY-third-party-7f3a";

    public const string Template = """
        id: family_assessment
        version: 1
        title: Family assessment
        audiences: [practitioner, parent]
        sensitivity:
          third_party:
            label: third-party information
            audiences: [practitioner]
        sections:
          - id: family
            title: The family
            questions:
              - { id: child_name, type: text, label: Child's name, required: true }
              - { id: age, type: number, label: Age, min: 0, max: 18 }
              - { id: dob, type: date, label: Date of birth }
              - { id: police_notes, type: textarea, label: What the police said, sensitivity: third_party }
          - id: household
            title: Household
            questions:
              - id: members
                type: repeat
                label: Member
                questions:
                  - { id: name, type: text, label: Name }
        """;

    private readonly WebApplication _app;

    private TestApp(WebApplication app, string folder)
    {
        _app = app;
        Folder = folder;
    }

    public string Folder { get; }

    public HttpClient Client { get; private set; } = null!;

    public TestServer Server => _app.GetTestServer();

    public ConcurrentDictionary<int, JsonObject> Cases { get; } = new();

    public IServiceProvider Services => _app.Services;

    public static async Task<TestApp> StartAsync(bool antiforgery = true, Action<FormEngineOptions>? configure = null, string theme = "govuk", string template = Template,
        IDictionary<string, string?>? settings = null, ILoggerProvider? logs = null)
    {
        var folder = Directory.CreateTempSubdirectory("formengine-web-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "Templates", "family"));
        File.WriteAllText(Path.Combine(folder, "Templates", "family", "family.yaml"), template);

        TestApp? test = null;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = folder, EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddFormEngine(options =>
        {
            options.Theme = theme;
            configure?.Invoke(options);
        });
        builder.Services.AddSingleton<IFormReaderPolicy, RolePolicy>();
        builder.Services.AddAuthentication("Test").AddScheme<AuthenticationSchemeOptions, TestAuthentication>("Test", null);
        builder.Services.AddAuthorization();
        builder.Services.AddSingleton<Func<int, FormSession?>>(_ => id => test!.Open(id));
        builder.Services.AddSingleton(_ => test!.Cases);
        if (antiforgery)
        {
            // MVC with views registers antiforgery too, so it is only there when antiforgery is meant to be on.
            builder.Services.AddAntiforgery();
            builder.Services.AddControllersWithViews().AddApplicationPart(typeof(TestApp).Assembly);
        }

        var app = builder.Build();
        test = new TestApp(app, folder);
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/health");
        test.Map(app);
        if (antiforgery)
        {
            app.MapControllers();
        }
        await app.StartAsync();
        test.Client = app.GetTestClient();
        return test;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>A request signed in as <paramref name="user"/>.</summary>
    public static HttpRequestMessage As(string user, HttpMethod method, string uri)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Test", user);
        return request;
    }

    /// <summary>GETs the form and returns it with what a browser would post back: the cookie and the token.</summary>
    public async Task<(HttpResponseMessage Response, string Html, string? Cookie, string? Token)> OpenFormAsync(string user, int id)
    {
        var response = await Client.SendAsync(As(user, HttpMethod.Get, $"/cases/{id}"));
        var html = await response.Content.ReadAsStringAsync();
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.First().Split(';')[0] : null;
        var token = TokenField().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
        return (response, html, cookie, token);
    }

    /// <summary>POSTs a raw URL-encoded body to a case's form.</summary>
    public Task<HttpResponseMessage> PostAsync(string user, int id, string body, string? cookie, string contentType = "application/x-www-form-urlencoded")
    {
        var request = As(user, HttpMethod.Post, $"/cases/{id}");
        request.Content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(body));
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostBytesAsync(string user, int id, byte[] body, string? cookie)
    {
        var request = As(user, HttpMethod.Post, $"/cases/{id}");
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return Client.SendAsync(request);
    }

    public static string Field(string name, string value) => Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    private static readonly DateOnly Today = new(2026, 11, 30);

    private FormSession? Open(int id) =>
        Cases.TryGetValue(id, out var answers) && _app.Services.GetRequiredService<IFormTemplates>().Find("family_assessment") is { } template
            ? FormSession.Open(template, answers.DeepClone().AsObject(), new FormSessionOptions { Today = Today })
            : null;

    // The endpoints a host writes, as the README shows them.
    private void Map(WebApplication app)
    {
        var today = Today;

        app.MapGet("/cases/{id:int}", (int id, bool? saved) => Open(id) is { } session
            ? FormResults.Form(session, new FormPage { Action = $"/cases/{id}", ShowErrors = saved == true, CaseReference = $"CASE-{id}" })
            : Results.NotFound()).RequireAuthorization();
        app.MapGet("/cases/{id:int}/fragment", (int id) => Open(id) is { } session ? FormResults.Fragment(session) : Results.NotFound()).RequireAuthorization();
        app.MapGet("/cases/{id:int}/record", (int id) => Open(id) is { } session ? FormResults.Record(session) : Results.NotFound()).RequireAuthorization();
        app.MapGet("/cases/{id:int}/record.pdf", (int id) => Open(id) is { } session
            ? FormResults.Record(session, "pdf", new FormPage { DownloadName = $"case-{id}" })
            : Results.NotFound()).RequireAuthorization();
        app.MapGet("/cases/{id:int}/in-layout", async (int id, HttpContext http) =>
        {
            if (Open(id) is not { } session)
            {
                return Results.NotFound();
            }

            if (await FormHtml.FragmentAsync(http, session, new FormPage { Action = $"/cases/{id}" }) is not { } form)
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            using var markup = new StringWriter();
            form.WriteTo(markup, System.Text.Encodings.Web.HtmlEncoder.Default);
            return Results.Content($"<!DOCTYPE html>\n<html lang=\"en-GB\"><head><title>Council</title></head><body><header>Council case system</header><main>{markup}</main></body></html>", "text/html; charset=utf-8");
        }).RequireAuthorization();
        // A host's own field carried by the form (here a stamp), read back after the post is bound.
        var stamped = new FormPage { Action = "/cases/{id}/stamped", HiddenFields = [new("stamp", "42")] };
        app.MapGet("/cases/{id:int}/stamped", (int id) => Open(id) is { } session ? FormResults.Form(session, stamped) : Results.NotFound()).RequireAuthorization();
        app.MapPost("/cases/{id:int}/stamped", async (int id, HttpContext http) =>
        {
            if (Open(id) is not { } session)
            {
                return Results.NotFound();
            }

            var post = await FormPosts.BindAsync(http, session, stamped);
            if (!post.Applied)
            {
                return post.Refusal;
            }

            Cases[id] = session.ToJson();
            return Results.Json(new { stamp = http.Request.Form["stamp"].ToString(), ignored = post.Bound.Ignored });
        }).RequireAuthorization();
        app.MapGet("/blank", (IFormTemplates templates) => FormResults.Blank(templates.Find("family_assessment")!, today)).RequireAuthorization();
        app.MapPost("/cases/{id:int}", async (int id, HttpContext http) =>
        {
            if (Open(id) is not { } session)
            {
                return Results.NotFound();
            }

            var post = await FormPosts.BindAsync(http, session);
            if (!post.Applied)
            {
                return post.Refusal;
            }

            Cases[id] = session.ToJson();
            return Results.Redirect($"/cases/{id}?saved=true");
        }).RequireAuthorization();
    }

    private sealed class RolePolicy : IFormReaderPolicy
    {
        public ValueTask<FormReader?> GetReaderAsync(ClaimsPrincipal user, FormTemplate template, CancellationToken cancellationToken) =>
            ValueTask.FromResult(user.Identity?.Name switch
            {
                null => null,
                "parent" => new FormReader("parent"),
                "stranger" => null,
                "french" => new FormReader("practitioner", "fr"),
                "outsider" => new FormReader("auditor"),
                _ => (FormReader?)new FormReader("practitioner"),
            });
    }

    private sealed class TestAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var header = Request.Headers.Authorization.ToString();
            if (!header.StartsWith("Test ", StringComparison.Ordinal))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, header[5..])], "Test");
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), "Test")));
        }
    }
}
