using System.Net;
using System.Text;
using System.Text.Json;
using FormEngine.Evaluation;
using FormEngine.Renderers;
using FormEngine.Renderers.Html;
using FormEngine.Views;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FormEngine.Cli.Preview;

/// <summary>
/// The <c>formengine preview</c> web server: one template, served on the loopback interface only, to the
/// author who is writing it. Each browser keeps its own answers and settings (a cookie holds a random id).
/// Every page works without JavaScript (each action is a plain form post, answered with a redirect back to
/// the page); <c>preview.js</c> turns answering into in-place updates and reloads the page when the template
/// changes on disk.
/// </summary>
internal sealed class PreviewServer : IAsyncDisposable
{
    private const string CookieName = "formengine_preview";
    private const long MaxUploadBytes = AnswersDocument.MaxBytes;
    private readonly WebApplication _app;
    private readonly TemplateWatcher _watcher;
    private readonly PreviewStates _states = new();
    private readonly PreviewContext _context;

    private PreviewServer(WebApplication app, TemplateWatcher watcher, PreviewContext context)
    {
        _app = app;
        _watcher = watcher;
        _context = context;
    }

    /// <summary>The address the server listens on, e.g. <c>http://127.0.0.1:5170/</c>.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The template being previewed, loaded again on every save.</summary>
    public TemplateWatcher Template => _watcher;

    /// <summary>Starts the server on 127.0.0.1; port 0 picks a free port (see <see cref="Address"/>).</summary>
    public static async Task<PreviewServer> StartAsync(string templatePath, int port, DateOnly today, CancellationToken cancellationToken = default)
    {
        var watcher = new TemplateWatcher(templatePath);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = watcher.Folder });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, port);
            options.Limits.MaxRequestBodySize = MaxUploadBytes + (64 * 1024);
        });
        var app = builder.Build();
        var server = new PreviewServer(app, watcher, new PreviewContext(templatePath, watcher.Folder, today, watcher.DisplayBase));
        server.Map(app);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Address = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    /// <summary>Cancelled when the server is asked to stop (Ctrl+C or a termination signal).</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _watcher.Dispose();
    }

    private void Map(WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            // Only loopback names: a web page elsewhere must not reach the preview by rebinding a DNS name to 127.0.0.1.
            if (http.Request.Host.Host is not ("127.0.0.1" or "localhost" or "[::1]"))
            {
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            // Another site open in the author's browser may post to the preview; only the preview's own pages may change it.
            if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method) && !IsSameOrigin(http.Request))
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            http.Response.Headers["Content-Security-Policy"] = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'";
            http.Response.Headers["X-Content-Type-Options"] = "nosniff";
            http.Response.Headers["Cache-Control"] = "no-store";
            http.Response.Headers["Referrer-Policy"] = "same-origin";
            await next(http).ConfigureAwait(false);
        });

        app.MapGet("/", (HttpContext http, string? explain) => WithState(http, state => Html(PreviewPage.Render(_watcher.Snapshot, state, _context, explain))));
        app.MapGet("/reloads", () => Results.Text(_watcher.Snapshot.Reload.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        app.MapGet("/explain", (HttpContext http, string path) => WithState(http, state =>
            PreviewPage.OpenSession(_watcher.Snapshot, state, _context.Today) is { } session
                ? Results.Text(PreviewPage.ExplainText(session, state, path))
                : Results.Text("The template has errors; fix them first.")));
        app.MapPost("/answers", (Delegate)PostAnswers);
        app.MapPost("/settings", (Delegate)PostSettings);
        app.MapPost("/upload", (Delegate)Upload);
        app.MapPost("/reset", (HttpContext http) => ChangeState(http, state =>
        {
            state.Answers = [];
            state.Announcement = "All answers were cleared.";
            return BackToPage();
        }));
        app.MapGet("/answers.json", (HttpContext http) => WithState(http, state =>
        {
            var json = state.Answers.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
            return Results.File(Encoding.UTF8.GetBytes(json + "\n"), "application/json", "answers.json");
        }));
        app.MapGet("/download.pdf", (HttpContext http) => WithState(http, DownloadPdf));
        app.MapGet("/_preview/{name}", (string name) => Asset(name));
    }

    private async Task<IResult> PostAnswers(HttpContext http)
    {
        if (await ReadForm(http).ConfigureAwait(false) is not { } form)
        {
            return FormRefused(http);
        }

        var post = FormPost.From(form);
        return ChangeState(http, state =>
        {
            if (PreviewPage.OpenSession(_watcher.Snapshot, state, _context.Today) is not { } session)
            {
                return BackToPage();
            }

            var before = PreviewPage.BuildView(session, state);
            var bound = HtmlFormBinder.Bind(session, post, new ViewOptions { Audience = state.Audience, Language = state.Language }, new RenderOptions { Mode = OutputMode.Form, Theme = state.Theme });
            // What the post could not apply is shown to the author once, not dropped.
            state.Message = bound.Problems.Count == 0 ? null : string.Join(" ", bound.Problems.Select(p => $"{p.Path}: {p.Message}"));
            state.Answers = session.ToJson();
            state.Announcement = Announcements.Describe(before, PreviewPage.BuildView(session, state));
            return BackToPage();
        });
    }

    private async Task<IResult> PostSettings(HttpContext http)
    {
        if (await ReadForm(http).ConfigureAwait(false) is not { } form)
        {
            return FormRefused(http);
        }

        return ChangeState(http, state =>
        {
            var audience = form["audience"].ToString();
            state.Audience = audience.Length == 0 ? null : audience;
            var language = form["language"].ToString();
            state.Language = language.Length == 0 ? null : language;
            if (PreviewPage.Themes.Contains(form["theme"].ToString()))
            {
                state.Theme = form["theme"].ToString();
            }

            if (PreviewPage.Modes.FirstOrDefault(m => PreviewPage.ModeName(m) == form["mode"].ToString()) is var mode && PreviewPage.Modes.Contains(mode))
            {
                state.Mode = mode;
            }

            return BackToPage();
        });
    }

    private async Task<IResult> Upload(HttpContext http)
    {
        if (await ReadForm(http).ConfigureAwait(false) is not { } form)
        {
            return FormRefused(http);
        }

        var file = form.Files["answers"];
        string? text = null;
        if (file is { Length: > 0 and <= MaxUploadBytes })
        {
            using var reader = new StreamReader(file.OpenReadStream());
            text = await reader.ReadToEndAsync(http.RequestAborted).ConfigureAwait(false);
        }

        return ChangeState(http, state =>
        {
            if (text is null)
            {
                state.Message = "Choose an answers file (JSON, at most 16 MiB) to load.";
                return BackToPage();
            }

            var loaded = AnswersDocument.Parse(text, file!.FileName);
            if (loaded.Answers is { } answers)
            {
                state.Answers = answers;
                state.Announcement = $"Loaded the answers in {file.FileName}.";
            }
            else
            {
                state.Message = "The answers file did not load: " + string.Join(" ", loaded.Diagnostics.Select(d => d.ToString()));
            }

            return BackToPage();
        });
    }

    private IResult DownloadPdf(PreviewState state)
    {
        if (PreviewPage.OpenSession(_watcher.Snapshot, state, _context.Today) is not { } session)
        {
            return Results.Text("The template has errors; fix them first.", statusCode: StatusCodes.Status409Conflict);
        }

        var view = PreviewPage.BuildView(session, state);
        var pdf = FormRenderers.CreateDefault().Find("pdf")!;
        using var buffer = new MemoryStream();
        // A PDF of a form is its record: paper has no fields to fill in, except the blank form.
        pdf.Render(view, new RenderOptions { Mode = state.Mode == OutputMode.Form ? OutputMode.Record : state.Mode }, buffer);
        return Results.File(buffer.ToArray(), pdf.MediaType, $"{session.Template.Id}{pdf.FileExtension}");
    }

    /// <summary>
    /// Runs a request that only reads with this browser's state. A browser without a known id gets a fresh
    /// state that is not kept (and an id in a cookie for later): requests any web page can make without the
    /// cookie, such as <c>&lt;img&gt;</c> tags, never fill the store or push an author's answers out of it.
    /// </summary>
    private IResult WithState(HttpContext http, Func<PreviewState, IResult> action)
    {
        var cookie = http.Request.Cookies[CookieName];
        var state = _states.Find(cookie);
        if (state is null)
        {
            state = new PreviewState();
            if (!PreviewStates.IsWellFormed(cookie))
            {
                GiveCookie(http, PreviewStates.NewId());
            }
        }

        lock (state.Gate)
        {
            return action(state);
        }
    }

    /// <summary>Runs a request that changes this browser's state (it has passed the same-origin check), keeping the state.</summary>
    private IResult ChangeState(HttpContext http, Func<PreviewState, IResult> action)
    {
        var cookie = http.Request.Cookies[CookieName];
        var state = _states.GetOrCreate(cookie, out var id);
        if (id != cookie)
        {
            GiveCookie(http, id);
        }

        lock (state.Gate)
        {
            return action(state);
        }
    }

    private static void GiveCookie(HttpContext http, string id) =>
        http.Response.Cookies.Append(CookieName, id, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/", IsEssential = true });

    /// <summary>
    /// True unless the browser says the request comes from another site: by <c>Origin</c>, which browsers send
    /// on every cross-origin post, or else by <c>Sec-Fetch-Site</c>. A request with neither is not from a web
    /// page (a script or command-line client on this machine) and is let through.
    /// </summary>
    private static bool IsSameOrigin(HttpRequest request)
    {
        // "null" is what a browser sends under a no-referrer policy or from a sandboxed frame: it proves
        // nothing either way, so the fetch metadata decides.
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && origin != "null")
        {
            return string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase);
        }

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return site is "same-origin" or "none" || (site.Length == 0 && origin.Length == 0);
    }

    /// <summary>The posted form, or null (with the status set) when it is too large, has too many fields or is malformed.</summary>
    private static async Task<IFormCollection?> ReadForm(HttpContext http)
    {
        try
        {
            return await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex)
        {
            http.Items[FormRefusedKey] = ex.StatusCode;
        }
        catch (InvalidDataException)
        {
            // Too many fields, a field too long, or multipart that does not parse.
            http.Items[FormRefusedKey] = StatusCodes.Status400BadRequest;
        }
        catch (IOException)
        {
            http.Items[FormRefusedKey] = StatusCodes.Status400BadRequest;
        }

        return null;
    }

    private const string FormRefusedKey = "formengine.form-refused";

    private static IResult FormRefused(HttpContext http)
    {
        var status = http.Items[FormRefusedKey] as int? ?? StatusCodes.Status400BadRequest;
        return Results.Text(
            status == StatusCodes.Status413PayloadTooLarge
                ? $"The form is larger than the preview accepts ({MaxUploadBytes / (1024 * 1024)} MB)."
                : "The form could not be read: it has too many fields or is malformed.",
            statusCode: status);
    }

    private static IResult BackToPage() => Results.Redirect("/", permanent: false, preserveMethod: false);

    private static IResult Html(string html) => Results.Content(html, "text/html; charset=utf-8");

    private static IResult Asset(string name)
    {
        var type = Path.GetExtension(name) switch
        {
            ".js" => "text/javascript; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            _ => null,
        };
        var stream = type is null ? null : typeof(PreviewServer).Assembly.GetManifestResourceStream("FormEngine.Cli.Preview." + name);
        return stream is null ? Results.NotFound() : Results.Stream(stream, type);
    }
}
