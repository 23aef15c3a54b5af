using FormEngine.Views;

namespace FormEngine.Renderers.Text;

/// <summary>A plain-text rendering under way: the writer, the form, the options and the element renderers.</summary>
public sealed class TextRenderContext
{
    internal TextRenderContext(TextWriter writer, FormView form, RenderOptions options, ElementRenderers<TextRenderContext> elements)
    {
        Writer = writer;
        Form = form;
        Options = options;
        Elements = elements;
    }

    /// <summary>Where text goes; lines end with <c>\n</c> on every platform.</summary>
    public TextWriter Writer { get; }

    /// <summary>The whole form.</summary>
    public FormView Form { get; }

    /// <summary>FormEngine's own words in the form's language.</summary>
    public Wording Words => Form.Words;

    /// <summary>The options.</summary>
    public RenderOptions Options { get; }

    /// <summary>The element renderers, to render children with.</summary>
    public ElementRenderers<TextRenderContext> Elements { get; }

    /// <summary>Heading level for the next heading (sections are 2, repeat items 3).</summary>
    public int HeadingLevel { get; set; } = 2;

    /// <summary>Renders an element if the mode includes it.</summary>
    /// <param name="element">The element.</param>
    public void Render(FormElement element)
    {
        if (ModeRules.Includes(element, Options.Mode))
        {
            Elements.Render(element, this);
        }
    }

    /// <summary>Writes a Markdown heading at <paramref name="level"/>.</summary>
    /// <param name="level">1 to 6.</param>
    /// <param name="text">The heading text.</param>
    public void Heading(int level, string text)
    {
        Writer.Write(new string('#', Math.Clamp(level, 1, 6)));
        Writer.Write(' ');
        Writer.Write(OneLine(text));
        Writer.Write("\n\n");
    }

    /// <summary>Writes a paragraph (a blank line after it).</summary>
    /// <param name="text">The text.</param>
    public void Paragraph(string text)
    {
        Writer.Write(text.ReplaceLineEndings("\n").TrimEnd());
        Writer.Write("\n\n");
    }

    /// <summary>Collapses line breaks so a label or heading stays on one line.</summary>
    /// <param name="text">The text.</param>
    /// <returns>One line.</returns>
    public static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
