using System.Text.Json.Nodes;
using FormEngine.Evaluation;
using FormEngine.Renderers;

namespace FormEngine.AspNetCore;

/// <summary>
/// Results that render a form for the signed-in reader (their audience from the host's <see cref="IFormReaderPolicy"/>),
/// asynchronously, with the application's theme, its antiforgery token and this response's CSP nonce. Return them from
/// a minimal API endpoint, or from an MVC action (which runs an <c>IResult</c> as it is).
/// </summary>
public static class FormResults
{
    /// <summary>The form to fill in, as a whole page.</summary>
    /// <param name="session">The case's session.</param>
    /// <param name="page">Where it posts, what it prints, whether to show errors.</param>
    /// <returns>The result.</returns>
    public static FormRenderResult Form(FormSession session, FormPage? page = null) => new(session, OutputMode.Form, "html", fragment: false, page);

    /// <summary>The form to fill in without the page around it, for a host that puts it in its own layout.</summary>
    /// <param name="session">The case's session.</param>
    /// <param name="page">Where it posts, what it prints, whether to show errors.</param>
    /// <returns>The result.</returns>
    public static FormRenderResult Fragment(FormSession session, FormPage? page = null) => new(session, OutputMode.Form, "html", fragment: true, page);

    /// <summary>The record of what has been answered, as the reader may see it.</summary>
    /// <param name="session">The case's session.</param>
    /// <param name="format"><c>html</c> (default), <c>pdf</c> or <c>text</c>.</param>
    /// <param name="page">What it prints, and a download name.</param>
    /// <returns>The result.</returns>
    public static FormRenderResult Record(FormSession session, string format = "html", FormPage? page = null) => new(session, OutputMode.Record, format, fragment: false, page);

    /// <summary>A blank paper form, with its routing written out, as the reader would be given it.</summary>
    /// <param name="template">The template.</param>
    /// <param name="today">The date printed on it.</param>
    /// <param name="format"><c>html</c> (default), <c>pdf</c> or <c>text</c>.</param>
    /// <param name="page">What it prints, and a download name.</param>
    /// <returns>The result.</returns>
    public static FormRenderResult Blank(FormTemplate template, DateOnly today, string format = "html", FormPage? page = null) =>
        new(FormSession.Open(template, new JsonObject(), new FormSessionOptions { Today = today }), OutputMode.Blank, format, fragment: false, page);
}
