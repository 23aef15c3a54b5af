using System.Text;
using FormEngine.Views;

namespace FormEngine.Renderers.Text;

/// <summary>
/// A readable plain-text (Markdown) record: headings per section, <c>Label: answer</c> lines, flags first.
/// Ideal for snapshot tests and for pasting into a case note.
/// </summary>
public sealed class TextRenderer : IFormRenderer, IChronologyRenderer
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
        using var writer = TextOutput.Writer(output);
        Render(form, options, writer);
    }

    /// <summary>Writes the form as text.</summary>
    /// <param name="form">The evaluated form.</param>
    /// <param name="options">How to render it.</param>
    /// <param name="writer">Where to write.</param>
    public void Render(FormView form, RenderOptions options, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(writer);

        // Text has one column, so a bilingual record is always one language after the other.
        RenderOne(form, options, writer);
        if (options.SecondLanguage is { } second)
        {
            writer.Write("---\n\n");
            RenderOne(second, options, writer);
        }
    }

    /// <inheritdoc/>
    public void RenderChronology(ChronologyView chronology, RenderOptions options, Stream output)
    {
        ArgumentNullException.ThrowIfNull(chronology);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        using var writer = TextOutput.Writer(output);
        TextChronology.Write(chronology, options, writer);
    }

    private void RenderOne(FormView form, RenderOptions options, TextWriter writer)
    {
        var context = new TextRenderContext(writer, form, options, Elements);
        context.Heading(1, form.DisplayTitle);
        WriteDocumentDetails(context);
        // A template may keep the case summary from some readers; the flags raised for them still show.
        if (ModeRules.ShowsCaseSummary(options.Mode, form))
        {
            WriteSummary(context);
        }
        else
        {
            WriteFlags(context);
        }

        WriteErrorSummary(context);
        foreach (var section in form.Sections)
        {
            context.Render(section);
        }

        WriteEarlierAnswers(context);
    }

    /// <summary>In an audit, the answers earlier versions asked that no migration carried forward, exactly as given.</summary>
    private static void WriteEarlierAnswers(TextRenderContext context)
    {
        if (!ModeRules.ShowsEarlierAnswers(context.Options.Mode) || context.Form.EarlierAnswers.Count == 0)
        {
            return;
        }

        var words = context.Words;
        context.Heading(2, words.EarlierAnswers);
        context.Paragraph(words.EarlierAnswersIntro);
        foreach (var answer in context.Form.EarlierAnswers)
        {
            context.Writer.Write($"- **{Prose.OneLine(answer.Path)}** ({words.EarlierVersion} {answer.Version}): {Prose.OneLine(answer.Value)}  \n  {words.EarlierReason}: {Prose.OneLine(answer.Reason)}\n");
        }

        context.Writer.Write('\n');
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
            details.Add($"{context.Words.CaseReference}: {reference}");
        }

        details.Add(ModeRules.Description(context.Form, options));
        context.Paragraph(string.Join("\n", details.Select(d => Prose.OneLine(d) + "  ")).TrimEnd());
        if (ModeRules.ShowsRecordStatus(options.Mode) && context.Form.Status is { } status)
        {
            WriteStatus(context, status);
        }
    }

    /// <summary>Who signed the record off, then each change made after that with its reason and what it changed.</summary>
    private static void WriteStatus(TextRenderContext context, RecordStatusView status)
    {
        foreach (var line in status.SignedOff)
        {
            context.Paragraph($"**{Prose.OneLine(line)}**");
        }

        if (status.Addenda.Count > 0)
        {
            context.Heading(2, context.Words.Chronology.AddendaHeading);
            foreach (var addendum in status.Addenda)
            {
                context.Writer.Write($"- **{addendum.When}**, {Prose.OneLine(addendum.By)}: {Prose.OneLine(addendum.Reason)} ({ModeRules.Changed(addendum, context.Words)})\n");
            }

            context.Writer.Write("\n");
        }
    }

    /// <summary>The case summary: key facts, flags by severity, and what changed since the previous assessment.</summary>
    private static void WriteSummary(TextRenderContext context)
    {
        var words = context.Words;
        var summary = context.Form.Summary!;
        context.Heading(2, words.Summary);
        if (summary.KeyAnswers.Count > 0)
        {
            context.Heading(3, words.KeyFacts);
            foreach (var answer in summary.KeyAnswers)
            {
                context.Writer.Write($"- **{Prose.OneLine(answer.Label)}**: {Answer(answer.Value, words)}\n");
            }

            context.Writer.Write('\n');
        }

        context.Heading(3, words.Flags);
        if (context.Form.Flags.Count == 0)
        {
            context.Paragraph(words.NoFlags);
        }
        else
        {
            WriteFlagList(context);
        }

        if (!summary.HasPrevious)
        {
            return;
        }

        if (summary.CarriedForward.Count > 0)
        {
            context.Heading(3, words.CarriedForwardHeading);
            foreach (var carried in summary.CarriedForward)
            {
                context.Writer.Write($"- **{Prose.OneLine(carried.Label)}**: {Answer(carried.Value, words)} ({(carried.Confirmed ? words.Confirmed : words.NotYetConfirmed)})\n");
            }

            context.Writer.Write('\n');
        }

        context.Heading(3, words.ChangedHeading);
        if (summary.Changed.Count == 0)
        {
            context.Paragraph(words.NothingChanged);
            return;
        }

        foreach (var change in summary.Changed)
        {
            var previous = change.Previous.Length > 0 ? Prose.OneLine(change.Previous) : words.NoPreviousAnswer;
            context.Writer.Write($"- **{Prose.OneLine(change.Label)}**: {Answer(change.Current, words)} ({words.ChangedFrom}: {previous})\n");
        }

        context.Writer.Write('\n');
    }

    /// <summary>An answer on one line, or "Not answered".</summary>
    internal static string Answer(string value, Wording words) => value.Length > 0 ? Prose.OneLine(value) : words.NotAnswered;

    private static void WriteFlagList(TextRenderContext context)
    {
        foreach (var flag in context.Form.Flags)
        {
            context.Writer.Write($"- **{context.Words.Severity(flag.Severity)}**: {Prose.OneLine(flag.Message)}\n");
        }

        context.Writer.Write('\n');
    }

    private static void WriteFlags(TextRenderContext context)
    {
        if (context.Options.Mode == OutputMode.Blank || context.Form.Flags.Count == 0)
        {
            return;
        }

        context.Heading(2, context.Words.Flags);
        WriteFlagList(context);
    }

    private static void WriteErrorSummary(TextRenderContext context)
    {
        if (context.Options.Mode != OutputMode.Form || (context.Form.Errors.Count == 0 && context.Form.Missing.Count == 0))
        {
            return;
        }

        context.Heading(2, context.Words.ThereIsAProblem);
        foreach (var error in context.Form.Errors)
        {
            context.Writer.Write($"- {error.Path}: {Prose.OneLine(error.Message)}\n");
        }

        foreach (var missing in context.Form.MissingMessages())
        {
            context.Writer.Write($"- {missing.Path}: {Prose.OneLine(missing.Message)}\n");
        }

        context.Writer.Write('\n');
    }
}
