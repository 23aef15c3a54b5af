using FormEngine.Views;

namespace FormEngine.Renderers.Text;

/// <summary>A plain-text rendering under way: the writer, the form, the options and the element renderers.</summary>
public sealed class TextRenderContext : RenderContext<TextRenderContext>
{
    internal TextRenderContext(TextWriter writer, FormView form, RenderOptions options, ElementRenderers<TextRenderContext> elements)
        : base(form, options, elements)
    {
        Writer = writer;
    }

    /// <summary>Where text goes; lines end with <c>\n</c> on every platform.</summary>
    public TextWriter Writer { get; }

    /// <summary>Writes a Markdown heading at <paramref name="level"/>.</summary>
    /// <param name="level">1 to 6.</param>
    /// <param name="text">The heading text.</param>
    public void Heading(int level, string text)
    {
        Writer.Write(new string('#', Math.Clamp(level, 1, 6)));
        Writer.Write(' ');
        Writer.Write(Prose.OneLine(text));
        Writer.Write("\n\n");
    }

    /// <summary>Writes a paragraph (a blank line after it).</summary>
    /// <param name="text">The text.</param>
    public void Paragraph(string text)
    {
        Writer.Write(text.ReplaceLineEndings("\n").TrimEnd());
        Writer.Write("\n\n");
    }
}
