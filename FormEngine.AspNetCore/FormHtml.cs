using FormEngine.Evaluation;
using FormEngine.Renderers;
using FormEngine.Renderers.Html;
using FormEngine.Views;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FormEngine.AspNetCore;

/// <summary>
/// A form as HTML to place inside the host's own page, such as an MVC view or Razor Page with the council's layout
/// (<c>@await FormHtml.FragmentAsync(Context, Model.Session, page)</c>): the same fragment, reader, antiforgery token
/// and nonce as <see cref="FormResults.Fragment"/>.
/// </summary>
public static class FormHtml
{
    /// <summary>The form without the page around it, for the signed-in reader; null when the reader policy refuses them.</summary>
    /// <param name="http">The request.</param>
    /// <param name="session">The case's session.</param>
    /// <param name="page">Where it posts, what it prints, whether to show errors.</param>
    /// <returns>The markup, or null: then answer 403 (or ask them to sign in) instead of showing the page.</returns>
    public static async Task<IHtmlContent?> FragmentAsync(HttpContext http, FormSession session, FormPage? page = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(session);
        var (view, refusal) = await ReaderResolution.ResolveAsync(http, session.Template).ConfigureAwait(false);
        if (refusal is not null)
        {
            return null;
        }

        var renderer = http.RequestServices.GetRequiredService<FormRenderers>().Find("html") as HtmlRenderer
            ?? throw new InvalidOperationException("The registered `html` renderer is not FormEngine's HtmlRenderer.");
        var options = PageRenderOptions.For(http, page ?? new FormPage(), OutputMode.Form, fragment: true);
        return new HtmlString(renderer.RenderToString(FormViewBuilder.Build(session, view! with { Page = page?.Page, Status = page?.Status }), options));
    }
}
