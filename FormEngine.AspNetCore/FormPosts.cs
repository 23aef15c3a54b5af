using FormEngine.Evaluation;
using FormEngine.Renderers;
using FormEngine.Renderers.Html;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace FormEngine.AspNetCore;

/// <summary>
/// Reads a posted form and applies it to a session for the signed-in reader, with <see cref="HtmlFormBinder"/>: only
/// the fields that reader's page had are read, so nothing withheld from them can be changed or learnt by posting.
/// The body is checked before anything changes: its size (<see cref="FormEngineOptions.MaxPostBytes"/>, else 413), its
/// field count (<see cref="FormEngineOptions.MaxPostFields"/>, else 400), that it is URL-encoded UTF-8 (else 415 or
/// 400), and, when the application has antiforgery on, its token (else 400).
/// </summary>
public static class FormPosts
{
    /// <summary>Applies the request's posted form to the session, or refuses it and leaves the session unchanged.</summary>
    /// <param name="http">The request.</param>
    /// <param name="session">The session the form was rendered from.</param>
    /// <returns>What was done; send <see cref="FormPostResult.Refusal"/> when it is not null.</returns>
    public static Task<FormPostResult> BindAsync(HttpContext http, FormSession session) => BindAsync(http, session, null);

    /// <summary>Applies the request's posted form to the session as the given page of the form had it (its page number and the host's hidden fields), or refuses it and leaves the session unchanged.</summary>
    /// <param name="http">The request.</param>
    /// <param name="session">The session the form was rendered from.</param>
    /// <param name="page">The page the form was rendered with, or null for the whole form without hidden fields of the host's.</param>
    /// <returns>What was done; send <see cref="FormPostResult.Refusal"/> when it is not null.</returns>
    public static async Task<FormPostResult> BindAsync(HttpContext http, FormSession session, FormPage? page)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(session);
        var services = http.RequestServices;
        var settings = services.GetRequiredService<IOptions<FormEngineOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FormPosts));

        var read = await PostBody.ReadAsync(http, settings).ConfigureAwait(false);
        if (read.Problem is { } problem)
        {
            logger.LogInformation("A form post for template {Template} was refused with {Status}: {Reason}", session.Template.Id, problem.Status, problem.Detail);
            return FormPostResult.Refuse(Results.Problem(statusCode: problem.Status, title: problem.Title, detail: problem.Detail));
        }

        var post = read.Post!;
        var hidden = new List<KeyValuePair<string, string>>();
        // Antiforgery, and the host reading its own hidden fields afterwards, read the form through ASP.NET Core:
        // hand it the fields already read and checked.
        http.Features.Set<IFormFeature>(new FormFeature(new FormCollection(post.Names.ToDictionary(n => n, n => new StringValues([.. post.Values(n)]), StringComparer.Ordinal))));
        if (services.GetService<IAntiforgery>() is { } antiforgery)
        {
            try
            {
                await antiforgery.ValidateRequestAsync(http).ConfigureAwait(false);
            }
            catch (AntiforgeryValidationException error)
            {
                logger.LogWarning("A form post for template {Template} was refused: {Reason}", session.Template.Id, error.Message);
                return FormPostResult.Refuse(Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The form could not be checked.",
                    detail: "The form did not come from this site, or it has expired. Open the form again and resubmit it."));
            }

            hidden.Add(new(services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.FormFieldName, string.Empty));
        }

        var (view, refusal) = await ReaderResolution.ResolveAsync(http, session.Template).ConfigureAwait(false);
        if (refusal is not null)
        {
            return FormPostResult.Refuse(refusal);
        }

        hidden.AddRange(page?.HiddenFields ?? []);
        var bound = HtmlFormBinder.Bind(session, post, view! with { Page = page?.Page }, new RenderOptions { Mode = OutputMode.Form, Theme = settings.Theme, HiddenFields = hidden });
        logger.LogInformation("A form post for template {Template} changed {Changed} answers; {Problems} fields could not be read; {Ignored} names were not on the page",
            session.Template.Id, bound.Changed.Count, bound.Problems.Count, bound.Ignored.Count);
        return FormPostResult.Apply(bound);
    }
}
