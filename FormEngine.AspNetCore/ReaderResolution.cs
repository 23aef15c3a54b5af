using FormEngine.Views;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FormEngine.AspNetCore;

/// <summary>
/// Asks the host's <see cref="IFormReaderPolicy"/> who the signed-in user reads a template as. The one place a
/// request becomes a reader: nothing in the request other than its user is looked at, and an audience the template
/// does not declare is refused (fail closed) rather than shown everything.
/// </summary>
internal static class ReaderResolution
{
    public static async Task<(ViewOptions? View, IResult? Refusal)> ResolveAsync(HttpContext http, FormTemplate template)
    {
        var policy = http.RequestServices.GetService<IFormReaderPolicy>()
            ?? throw new InvalidOperationException(
                "FormEngine needs to know who reads a form: register an IFormReaderPolicy, e.g. services.AddScoped<IFormReaderPolicy, MyReaderPolicy>(), that gives the audience from the signed-in user.");
        var reader = await policy.GetReaderAsync(http.User, template, http.RequestAborted).ConfigureAwait(false);
        if (reader is null)
        {
            return http.User.Identity?.IsAuthenticated == true
                ? (null, Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "You may not open this form."))
                : (null, Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign in to open this form."));
        }

        // A language the template does not have would label English text as another language: use the default.
        var language = reader.Language is { } asked && template.Definition.Languages.Contains(asked, StringComparer.Ordinal) ? asked : null;
        var audiences = template.Definition.Audiences;
        if (audiences.Count == 0)
        {
            // A template without audiences has one reader, who sees all of it; nothing is withheld from anyone.
            return (new ViewOptions { Language = language }, null);
        }

        if (!audiences.Contains(reader.Audience, StringComparer.Ordinal))
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ReaderResolution)).LogWarning(
                "The reader policy gave audience {Audience}, which template {Template} does not declare ({Audiences}); the form was refused.",
                reader.Audience, template.Id, string.Join(", ", audiences));
            return (null, Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "You may not open this form."));
        }

        return (reader.View with { Language = language }, null);
    }
}
