using System.Text;
using FormEngine.Views;

namespace FormEngine.Renderers.Text;

/// <summary>
/// A readable plain-text (Markdown) record: headings per section, <c>Label: answer</c> lines, flags first.
/// Ideal for snapshot tests and for pasting into a case note.
/// </summary>
public sealed class TextRenderer : IFormRenderer
{
    /// <summary>Creates the renderer with the built-in element renderers.</summary>
    public TextRenderer()
    {
        Elements.Add(new SectionTextRenderer());
        Elements.Add(new RepeatTextRenderer());
        Elements.Add(new NoteTextRenderer());
        Elements.Add(new QuestionTextRenderer());
    }

    /// <summary>The element renderers; insert your own at the front with <see cref="ElementRenderers{TContext}.Override"/>.</summary>
    public ElementRenderers<TextRenderContext> Elements { get; } = [];

    /// <inheritdoc/>
    public string Format => "text";

    /// <inheritdoc/>
    public string MediaType => "text/markdown";

    /// <inheritdoc/>
    public string FileExtension => ".md";

    /// <inheritdoc/>
    public void Render(FormView form, RenderOptions options, Stream output)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true) { NewLine = "\n" };
        Render(form, options, writer);
    }

    /// <summary>Writes the form as text.</summary>
    /// <param name="form">The evaluated form.</param>
    /// <param name="options">How to render it.</param>
    /// <param name="writer">Where to write.</param>
    public void Render(FormView form, RenderOptions options, TextWriter writer)
    {
        var context = new TextRenderContext(writer, form, options, Elements);
        context.Heading(1, form.Title.Length > 0 ? form.Title : form.TemplateId);
        WriteDocumentDetails(context);
        WriteFlags(context);
        WriteErrorSummary(context);
        foreach (var section in form.Sections)
        {
            context.Render(section);
        }
    }

    private static void WriteDocumentDetails(TextRenderContext context)
    {
        var options = context.Options;
        var details = new List<string>();
        if (options.ProtectiveMarking is { } marking)
        {
            details.Add(marking);
        }

        if (options.CaseReference is { } reference)
        {
            details.Add($"Case reference: {reference}");
        }

        details.Add($"{DocumentKind(options.Mode)}, {AnswerFormatter.FormatDate(options.DocumentDate ?? context.Form.Today)}");
        context.Paragraph(string.Join("\n", details.Select(d => TextRenderContext.OneLine(d) + "  ")).TrimEnd());
    }

    private static string DocumentKind(RenderMode mode) => mode switch
    {
        RenderMode.Form => "Form",
        RenderMode.Blank => "Blank form",
        RenderMode.Audit => "Audit record (all questions, including those not applicable)",
        _ => "Record",
    };

    private static void WriteFlags(TextRenderContext context)
    {
        if (context.Options.Mode == RenderMode.Blank || context.Form.Flags.Count == 0)
        {
            return;
        }

        context.Heading(2, "Flags");
        foreach (var flag in context.Form.Flags)
        {
            context.Writer.Write($"- **{Templates.FlagSeverities.NameOf(flag.Severity)}**: {TextRenderContext.OneLine(flag.Message)}\n");
        }

        context.Writer.Write('\n');
    }

    private static void WriteErrorSummary(TextRenderContext context)
    {
        if (context.Options.Mode != RenderMode.Form || (context.Form.Errors.Count == 0 && context.Form.Missing.Count == 0))
        {
            return;
        }

        context.Heading(2, "There is a problem");
        foreach (var error in context.Form.Errors)
        {
            context.Writer.Write($"- {error.Path}: {TextRenderContext.OneLine(error.Message)}\n");
        }

        foreach (var missing in context.Form.Missing)
        {
            context.Writer.Write($"- {missing}: Answer this question.\n");
        }

        context.Writer.Write('\n');
    }
}
