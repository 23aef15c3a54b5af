using FormEngine.Renderers;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FormEngine.AspNetCore;

/// <summary>
/// The one place a request's render options are decided: the application's theme, the page's own settings, this
/// response's CSP nonce, and (for forms) ASP.NET Core's antiforgery token when the application has antiforgery on.
/// </summary>
internal static class PageRenderOptions
{
    public static RenderOptions For(HttpContext http, FormPage page, OutputMode mode, bool fragment) =>
        For(http, page, mode, fragment, http.RequestServices.GetRequiredService<IOptions<FormEngineOptions>>().Value);

    private static RenderOptions For(HttpContext http, FormPage page, OutputMode mode, bool fragment, FormEngineOptions options) => new()
    {
        Mode = mode,
        Theme = options.Theme,
        Stylesheets = [.. options.Stylesheets],
        Scripts = [.. options.Scripts],
        Fragment = fragment,
        FormAction = page.Action,
        CaseReference = page.CaseReference,
        ProtectiveMarking = page.ProtectiveMarking,
        ShowErrors = page.ShowErrors,
        Nonce = http.GetCspNonce(),
        HiddenFields = mode == OutputMode.Form ? [.. AntiforgeryFields(http), .. page.HiddenFields] : [],
    };

    private static IReadOnlyList<KeyValuePair<string, string>> AntiforgeryFields(HttpContext http)
    {
        if (http.RequestServices.GetService<IAntiforgery>() is not { } antiforgery)
        {
            return [];
        }

        var tokens = antiforgery.GetAndStoreTokens(http);
        return tokens.FormFieldName is { } field && tokens.RequestToken is { } token ? [new(field, token)] : [];
    }
}
