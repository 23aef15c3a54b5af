using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using static EmbeddingSample.Layout;

namespace EmbeddingSample;

/// <summary>Cookie sign-in and sign-out for the web pages, against <see cref="DemoUsers"/>.</summary>
public static class SignInPages
{
    /// <summary>Maps <c>/sign-in</c> and <c>/sign-out</c>.</summary>
    public static void Map(WebApplication app)
    {
        app.MapGet("/sign-in", (HttpContext http, DemoUsers users, string? returnUrl) => Form(http, users, returnUrl, error: null));

        app.MapPost("/sign-in", async (HttpContext http, DemoUsers users) =>
        {
            if (await RefuseForgeryAsync(http) is { } refused)
            {
                return refused;
            }

            var form = await http.Request.ReadFormAsync();
            var returnUrl = form["returnUrl"].ToString();
            if (users.Check(form["username"].ToString(), form["password"].ToString()) is not { } user)
            {
                return Form(http, users, returnUrl, "The user name or password is wrong.");
            }

            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, DemoUsers.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme));
            // Only a local address: a sign-in page must not send people to another site.
            return Results.LocalRedirect(returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/");
        });

        app.MapPost("/sign-out", async (HttpContext http) =>
        {
            if (await RefuseForgeryAsync(http) is { } refused)
            {
                return refused;
            }

            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/sign-in");
        });
    }

    private static IResult Form(HttpContext http, DemoUsers users, string? returnUrl, string? error)
    {
        var body = "<h1 class=\"govuk-heading-l\">Sign in</h1>\n";
        if (!users.Any)
        {
            body += "<p class=\"govuk-body\">Nobody can sign in here: the demo users exist only in the Development environment.</p>\n";
            return Page(http, "Sign in", body);
        }

        if (error is not null)
        {
            body += $"<div class=\"govuk-error-summary\" role=\"alert\"><h2 class=\"govuk-error-summary__title\">{E(error)}</h2></div>\n";
        }

        body += $"<form method=\"post\" action=\"/sign-in\">{Token(http)}<input type=\"hidden\" name=\"returnUrl\" value=\"{E(returnUrl ?? "/")}\" />\n" +
            "<div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"username\">User name</label><input class=\"govuk-input\" id=\"username\" name=\"username\" autocomplete=\"username\" /></div>\n" +
            "<div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"password\">Password</label><input class=\"govuk-input\" id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" /></div>\n" +
            "<button type=\"submit\" class=\"govuk-button\">Sign in</button>\n</form>\n" +
            "<p class=\"govuk-body\">Demo users (Development only): <code>practitioner</code> / <code>practitioner-demo</code>, <code>parent</code> / <code>parent-demo</code>.</p>\n";
        return Page(http, "Sign in", body, error is null ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized);
    }
}
