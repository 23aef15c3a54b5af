namespace FormEngine.Renderers.Html;

/// <summary>An HTML template could not be found, compiled or run. The message names the template file and line.</summary>
public sealed class HtmlTemplateException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="template">The template file (a path for a host's template, a name for a built-in one).</param>
    /// <param name="message">What went wrong, including the line.</param>
    /// <param name="inner">The underlying error, or null.</param>
    public HtmlTemplateException(string template, string message, Exception? inner = null)
        : base(message, inner) => Template = template;

    /// <summary>The template file.</summary>
    public string Template { get; }
}
