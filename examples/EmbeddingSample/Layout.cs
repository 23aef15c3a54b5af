using System.Net;
using System.Text;
using FormEngine.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace EmbeddingSample;

/// <summary>The sample's own pages: one layout, GOV.UK Frontend class names, no inline script or style.</summary>
public static class Layout
{
    /// <summary>A whole page around <paramref name="body"/> (already HTML), with who is signed in and a sign-out button.</summary>
    public static IResult Page(HttpContext http, string title, string body, int status = StatusCodes.Status200OK)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en-GB\" class=\"govuk-template\">\n<head><meta charset=\"utf-8\" /><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />");
        html.Append($"<title>{E(title)} – FormEngine sample</title>");
        var options = http.RequestServices.GetRequiredService<IOptions<FormEngineOptions>>().Value;
        foreach (var stylesheet in options.Stylesheets)
        {
            html.Append($"<link rel=\"stylesheet\" href=\"{E(stylesheet)}\" />");
        }

        html.Append("</head>\n<body class=\"govuk-template__body\">\n");
        var nonce = E(http.GetCspNonce());
        if (options.Scripts.Count > 0)
        {
            // GOV.UK Frontend styles and starts its components only where its script runs (govuk-frontend-supported).
            html.Append($"<script nonce=\"{nonce}\">document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');</script>\n");
        }

        html.Append("<header class=\"govuk-header\"><div class=\"govuk-header__container govuk-width-container\"><a class=\"govuk-header__link\" href=\"/\">Cases</a>");
        if (http.User.Identity?.IsAuthenticated == true)
        {
            html.Append($" <span>Signed in as {E(http.User.Identity.Name ?? string.Empty)}</span> ");
            html.Append($"<form method=\"post\" action=\"/sign-out\">{Token(http)}<button type=\"submit\" class=\"govuk-button govuk-button--secondary\">Sign out</button></form>");
        }

        html.Append("</div></header>\n<div class=\"govuk-width-container\"><main class=\"govuk-main-wrapper\" id=\"main-content\">\n");
        html.Append(body);
        html.Append("</main></div>\n");
        if (options.Scripts.Count > 0)
        {
            html.Append($"<script type=\"module\" nonce=\"{nonce}\">import {{ initAll }} from '{E(options.Scripts[0])}'; initAll();</script>\n");
        }

        html.Append("</body>\n</html>\n");
        http.Response.Headers.CacheControl = "no-store";
        return Results.Content(html.ToString(), "text/html; charset=utf-8", statusCode: status);
    }

    /// <summary>The antiforgery field for one of the sample's own forms.</summary>
    public static string Token(HttpContext http)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken ?? string.Empty)}\" />";
    }

    /// <summary>Checks one of the sample's own forms came from this site; null when it did, else the 400 to send.</summary>
    public static async Task<IResult?> RefuseForgeryAsync(HttpContext http)
    {
        try
        {
            await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
            return null;
        }
        catch (AntiforgeryValidationException)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The form could not be checked.", detail: "Open the page again and resubmit it.");
        }
    }

    /// <summary>HTML-encodes text.</summary>
    public static string E(string text) => WebUtility.HtmlEncode(text);
}
