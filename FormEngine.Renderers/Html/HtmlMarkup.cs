namespace FormEngine.Renderers.Html;

/// <summary>
/// Markup that is already safe HTML (a rendered child element, the stylesheet). Templates write it as it
/// is; every other value they write is HTML-encoded. Only the renderer creates it from text it encoded itself.
/// </summary>
public sealed class HtmlMarkup
{
    /// <summary>Wraps markup that is already safe.</summary>
    /// <param name="html">The markup.</param>
    public HtmlMarkup(string html) => Html = html ?? string.Empty;

    /// <summary>The markup.</summary>
    public string Html { get; }

    /// <summary>Encodes text so that it reads as text in HTML, in element content and in quoted attribute values alike.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The markup.</returns>
    public static HtmlMarkup FromText(string? text) => new(HtmlText.Encode(text));

    /// <inheritdoc/>
    public override string ToString() => Html;
}
