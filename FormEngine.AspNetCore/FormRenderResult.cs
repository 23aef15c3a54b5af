using System.Net.Mime;
using FormEngine.Evaluation;
using FormEngine.Renderers;
using FormEngine.Views;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FormEngine.AspNetCore;

/// <summary>
/// A form, fragment, record or blank form rendered for the signed-in reader and written to the response with
/// asynchronous writes. Made by <see cref="FormResults"/>; returned from a minimal API endpoint or an MVC action.
/// </summary>
public sealed class FormRenderResult : IResult
{
    private readonly FormSession _session;
    private readonly FormPage _page;

    internal FormRenderResult(FormSession session, OutputMode mode, string format, bool fragment, FormPage? page)
    {
        ArgumentNullException.ThrowIfNull(session);
        _session = session;
        Mode = mode;
        Format = format;
        Fragment = fragment;
        _page = page ?? new FormPage();
    }

    /// <summary>What is rendered: a form, a record or a blank form.</summary>
    public OutputMode Mode { get; }

    /// <summary>The output format: <c>html</c>, <c>pdf</c> or <c>text</c>.</summary>
    public string Format { get; }

    /// <summary>Whether only the form is written, without the page around it.</summary>
    public bool Fragment { get; }

    /// <inheritdoc/>
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var (view, refusal) = await ReaderResolution.ResolveAsync(httpContext, _session.Template).ConfigureAwait(false);
        if (refusal is not null)
        {
            await refusal.ExecuteAsync(httpContext).ConfigureAwait(false);
            return;
        }

        var services = httpContext.RequestServices;
        var renderer = services.GetRequiredService<FormRenderers>().Find(Format)
            ?? throw new InvalidOperationException($"No FormEngine renderer for `{Format}` is registered; formats: {string.Join(", ", services.GetRequiredService<FormRenderers>().Formats)}.");
        var options = PageRenderOptions.For(httpContext, _page, Mode, Fragment);
        var form = FormViewBuilder.Build(_session, view! with { Page = _page.Page, Status = _page.Status });

        var response = httpContext.Response;
        response.ContentType = renderer.MediaType.StartsWith("text/", StringComparison.Ordinal) ? renderer.MediaType + "; charset=utf-8" : renderer.MediaType;
        // Case records must not be kept by shared caches or the browser's back button after sign-out.
        response.Headers.CacheControl = "no-store";
        if (_page.DownloadName is { } name)
        {
            response.Headers.ContentDisposition = new ContentDisposition { FileName = name + renderer.FileExtension }.ToString();
        }

        await renderer.RenderAsync(form, options, response.Body, httpContext.RequestAborted).ConfigureAwait(false);
    }
}
