using System.Diagnostics;
using System.Globalization;
using FormEngine.AspNetCore;
using FormEngine.Evaluation;
using FormEngine.Renderers;
using FormEngine.Renderers.Html;
using FormEngine.Views;
using Microsoft.Extensions.Options;
using FormPage = FormEngine.AspNetCore.FormPage;

namespace FormEngine.Benchmarks.Web;

/// <summary>
/// Where a form page's time goes, in-process on one thread (<c>FormEngine.Benchmarks.Web profile</c>): reading the
/// stored answers, opening the session, building the view, rendering the HTML, and the whole FormEngine.AspNetCore
/// result (reader, antiforgery token, nonce, view and render, written to memory). What wrk measures beyond the
/// last stage is ASP.NET Core itself (Kestrel, routing, cookie sign-in, headers) and the load generator.
/// </summary>
internal static class StageProfile
{
    public static async Task RunAsync(string[] args, int rounds)
    {
        await using var app = LoadHost.Build(args);
        var services = app.Services;
        var templates = services.GetRequiredService<IFormTemplates>();
        var answers = services.GetRequiredService<CaseAnswers>();
        var template = templates.Find(LoadHost.TemplateId) ?? throw new InvalidOperationException($"The {LoadHost.TemplateId} template did not load.");
        var renderer = (HtmlRenderer)services.GetRequiredService<FormRenderers>().Find("html")!;
        var view = new FormReader("practitioner").View;
        var theme = services.GetRequiredService<IOptions<FormEngineOptions>>().Value.Theme;
        var options = new RenderOptions { Mode = OutputMode.Form, Theme = theme, FormAction = LoadHost.CasePath, Nonce = "om9Dtzaa82xRFZVYH9OZ4g==" };
        var sessionOptions = new FormSessionOptions { Today = LoadHost.Today };
        var session = FormSession.Open(template, answers.Read(), sessionOptions);
        var form = FormViewBuilder.Build(session, view);
        var page = new FormPage { Action = LoadHost.CasePath, CaseReference = "CIN-2026-0042", ProtectiveMarking = "OFFICIAL-SENSITIVE" };

        var stages = new (string Name, Func<Task> Run)[]
        {
            ("read the stored answers (JSON parse)", () => { answers.Read(); return Task.CompletedTask; }),
            ("open the session (evaluate every rule)", () => { FormSession.Open(template, answers.Read(), sessionOptions); return Task.CompletedTask; }),
            ("build the practitioner's view", () => { FormViewBuilder.Build(session, view); return Task.CompletedTask; }),
            ("render the view to HTML", () => { renderer.Render(form, options, Stream.Null); return Task.CompletedTask; }),
            ("antiforgery token for the page (GetAndStoreTokens)", () => AntiforgeryAsync(services)),
            ("FormResults.Form: reader, token, view, render, copy", () => ExecuteAsync(services, FormResults.Form(session, page))),
            ("the whole GET's FormEngine work (read, open, result)", () => ExecuteAsync(services, FormResults.Form(FormSession.Open(template, answers.Read(), sessionOptions), page))),
        };

        Console.WriteLine($"Median of {rounds} rounds after {rounds / 4} to warm up, one thread, {theme} theme:");
        Console.WriteLine();
        // The fastest round is the least disturbed by other work on a shared machine; the median is the usual figure.
        Console.WriteLine("| Stage | Fastest | Median | Mean | Allocated |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var (name, run) in stages)
        {
            for (var i = 0; i < rounds / 4; i++)
            {
                await run();
            }

            var times = new double[rounds];
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < rounds; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await run();
                times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }

            var bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / rounds;
            Array.Sort(times);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {times[0]:0.000} ms | {times[rounds / 2]:0.000} ms | {times.Average():0.000} ms | {bytes / 1024.0:N0} KiB |"));
        }
    }

    private static async Task AntiforgeryAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider, User = LoadHost.Practitioner() };
        scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Antiforgery.IAntiforgery>().GetAndStoreTokens(http);
    }

    private static async Task ExecuteAsync(IServiceProvider services, IResult result)
    {
        await using var scope = services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider, User = LoadHost.Practitioner() };
        http.Request.Scheme = "http";
        http.Request.Host = new HostString("127.0.0.1");
        http.Response.Body = Stream.Null;
        await result.ExecuteAsync(http);
    }
}
