using FormEngine.Renderers.Pdf.Layout;
using FormEngine.Templates;
using FormEngine.Views;

namespace FormEngine.Renderers.Pdf;

/// <summary>A section: a heading with a rule, its routing or why it is hidden, its hint, then its questions.</summary>
public sealed class SectionPdfRenderer : ElementRenderer<SectionView, PdfRenderContext>
{
    /// <inheritdoc/>
    protected override void Write(SectionView element, PdfRenderContext context)
    {
        var title = element.Label.Length > 0 ? element.Label : element.Id;
        context.Heading(2, element.Visible || context.Options.Mode != RenderMode.Audit ? title : $"{title} (not applicable)");
        if (PdfNotes.Routing(element, context) is { } routing)
        {
            context.Notice(routing, context.Theme.Muted);
        }

        if (element.Hint is { } hint)
        {
            context.Paragraph(hint, context.Theme.Note, context.Theme.Muted);
        }

        foreach (var question in element.Questions)
        {
            context.Render(question);
        }
    }
}

/// <summary>A repeat group: a heading, then a heading per item with the item's answers; empty item slots on a blank form.</summary>
public sealed class RepeatPdfRenderer : ElementRenderer<QuestionView, PdfRenderContext>
{
    /// <inheritdoc/>
    protected override bool Accepts(QuestionView element) => element.Type == QuestionType.Repeat;

    /// <inheritdoc/>
    protected override void Write(QuestionView element, PdfRenderContext context)
    {
        var level = context.HeadingLevel + 1;
        var name = PdfNotes.Label(element);
        context.Heading(level, element.Visible || context.Options.Mode != RenderMode.Audit ? name : $"{name} (not applicable)");
        if (PdfNotes.Routing(element, context) is { } routing)
        {
            context.Notice(routing, context.Theme.Muted);
        }

        if (element.Hint is { } hint)
        {
            context.Paragraph(hint, context.Theme.Note, context.Theme.Muted);
        }

        if (context.Options.Mode == RenderMode.Blank)
        {
            for (var i = 0; i < ModeRules.BlankRepeatItems; i++)
            {
                context.Heading(level + 1, $"{name} {i + 1}");
                foreach (var field in element.ItemTemplate)
                {
                    context.Render(field);
                }
            }

            return;
        }

        if (element.Items.Count == 0)
        {
            context.Paragraph("None recorded.", color: context.Theme.Muted);
        }

        foreach (var item in element.Items)
        {
            context.Heading(level + 1, $"{name} {item.Index + 1}");
            foreach (var field in item.Questions)
            {
                context.Render(field);
            }
        }

        foreach (var error in element.Errors)
        {
            context.Notice($"Error: {PdfRenderContext.OneLine(error)}", context.Theme.Danger, context.Theme.Body);
        }
    }
}

/// <summary>Guidance text, in a tinted panel.</summary>
public sealed class NotePdfRenderer : ElementRenderer<QuestionView, PdfRenderContext>
{
    /// <inheritdoc/>
    protected override bool Accepts(QuestionView element) => element.Type == QuestionType.Note;

    /// <inheritdoc/>
    protected override void Write(QuestionView element, PdfRenderContext context)
    {
        var theme = context.Theme;
        var block = new PdfBlock { Panel = new PdfPanel(theme.Info, PdfTheme.Tint(theme.Info)), SpaceAfter = 10 };
        block.Lines.Add(new SpaceLine(5));
        context.AppendText(block, PdfRenderContext.OneLine(element.Label), theme.Body, theme.Ink);
        if (element.Hint is { } hint)
        {
            context.AppendText(block, PdfRenderContext.OneLine(hint), theme.Note, theme.Muted);
        }

        block.Lines.Add(new SpaceLine(5));
        context.Add(block);
    }
}

/// <summary>
/// Any other question as one block that stays on one page: the label in bold, then the answer; on paper
/// (and for unanswered questions of a form to complete) answer space shaped by the question type.
/// </summary>
public sealed class QuestionPdfRenderer : ElementRenderer<QuestionView, PdfRenderContext>
{
    /// <inheritdoc/>
    protected override void Write(QuestionView element, PdfRenderContext context)
    {
        var theme = context.Theme;
        var mode = context.Options.Mode;
        var hidden = !element.Visible && mode == RenderMode.Audit;
        var block = new PdfBlock
        {
            SpaceAfter = 11,
            Panel = hidden ? new PdfPanel(theme.Hairline, null) : null,
        };
        var required = element.Required && mode is RenderMode.Blank or RenderMode.Form ? " (required)" : string.Empty;
        context.AppendText(block, PdfNotes.Label(element) + required, theme.Label, hidden ? theme.Muted : theme.Ink, leading: 1.4);

        if (mode == RenderMode.Blank)
        {
            if (element.Hint is { } hint)
            {
                context.AppendText(block, PdfRenderContext.OneLine(hint), theme.Note, theme.Muted);
            }

            if (PdfNotes.Routing(element, context) is { } routing)
            {
                context.AppendText(block, routing, theme.Note, theme.Info);
            }

            block.Lines.Add(new SpaceLine(2));
            PdfNotes.AnswerSpace(element, block, context);
            context.Add(block);
            return;
        }

        if (element.DisplayValue.Length > 0)
        {
            context.AppendText(block, element.DisplayValue, theme.Body, hidden ? theme.Muted : theme.Ink);
        }
        else if (mode == RenderMode.Form && element.TakesAnswer)
        {
            if (element.Hint is { } hint)
            {
                context.AppendText(block, PdfRenderContext.OneLine(hint), theme.Note, theme.Muted);
            }

            block.Lines.Add(new SpaceLine(2));
            PdfNotes.AnswerSpace(element, block, context);
        }
        else
        {
            context.AppendText(block, "Not answered", theme.Body, theme.Muted);
        }

        var notes = (element.CarriedForward ? " (carried forward from the previous assessment)" : string.Empty)
            + (element.Visible ? string.Empty : " (not applicable)");
        if (notes.Length > 0)
        {
            context.AppendText(block, notes.TrimStart(), theme.Note, theme.Muted);
        }

        if (PdfNotes.Routing(element, context) is { } reason)
        {
            context.AppendText(block, reason, theme.Note, theme.Muted);
        }

        foreach (var error in element.Errors)
        {
            context.AppendPrefixedText(block, "Error: ", theme.Label, theme.Danger, PdfRenderContext.OneLine(error), theme.Body, theme.Danger);
        }

        context.Add(block);
    }
}

/// <summary>Pieces every PDF element renderer shares.</summary>
public static class PdfNotes
{
    /// <summary>The element's label on one line, or its id when it has none.</summary>
    /// <param name="element">The element.</param>
    /// <returns>The label.</returns>
    public static string Label(FormElement element) =>
        PdfRenderContext.OneLine(element.Label.Length > 0 ? element.Label : element.Id);

    /// <summary>On a blank form, when to answer; in an audit, why something is not applicable; otherwise null.</summary>
    /// <param name="element">The element.</param>
    /// <param name="context">The rendering.</param>
    /// <returns>The sentence, or null.</returns>
    public static string? Routing(FormElement element, PdfRenderContext context) => context.Options.Mode switch
    {
        RenderMode.Blank when element.ShowIfDescription is { } condition =>
            $"Answer {(element is SectionView ? "this section" : "this question")} only if {condition}.",
        // Only the element whose own rule hides it carries the reason; what it contains inherits it.
        RenderMode.Audit when element.HiddenBy is { } reason && reason.Path == StripIndex(element.Path) =>
            $"Not applicable: `{reason.Rule}` ({reason.Location}) is false: {reason.Trace}.",
        _ => null,
    };

    /// <summary>Adds space to answer <paramref name="element"/> by hand, shaped by its type.</summary>
    /// <param name="element">The question.</param>
    /// <param name="block">The question's block.</param>
    /// <param name="context">The rendering.</param>
    public static void AnswerSpace(QuestionView element, PdfBlock block, PdfRenderContext context)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(context);
        var theme = context.Theme;
        switch (element.Type)
        {
            case QuestionType.Choice:
                Choices(block, context, "Tick one.", element.Choices.Select(c => (c.Label, c.Hint)));
                break;
            case QuestionType.MultiChoice:
                Choices(block, context, "Tick all that apply.", element.Choices.Select(c => (c.Label, c.Hint)));
                break;
            case QuestionType.Boolean:
                Choices(block, context, "Tick one.", [("Yes", null), ("No", null)]);
                break;
            case QuestionType.Date:
                block.Lines.Add(new DateBoxesLine(theme.Rule, theme.Small, theme.Hairline));
                break;
            case QuestionType.Calculated:
                context.AppendText(block, "(Worked out from other answers.)", theme.Note, theme.Muted);
                break;
            case QuestionType.TextArea:
                block.Lines.Add(new AnswerBoxLine(110, null, theme.Rule));
                break;
            case QuestionType.Number:
                block.Lines.Add(new AnswerBoxLine(22, 130, theme.Rule));
                break;
            default:
                block.Lines.Add(new AnswerBoxLine(22, null, theme.Rule));
                break;
        }
    }

    private static void Choices(PdfBlock block, PdfRenderContext context, string instruction, IEnumerable<(string Label, string? Hint)> choices)
    {
        var theme = context.Theme;
        context.AppendText(block, instruction, theme.Note, theme.Muted);
        var width = theme.ContentWidth - ChoiceLine.Indent;
        foreach (var (label, hint) in choices)
        {
            var tag = PdfTagGroup.Paragraph();
            var first = true;
            foreach (var line in context.Wrapper.Wrap(PdfRenderContext.OneLine(label), theme.Body, width))
            {
                block.Lines.Add(new ChoiceLine(new TextLine(line, theme.Body, theme.Ink, tag), first, theme.Rule));
                first = false;
            }

            if (hint is not null)
            {
                foreach (var line in context.Wrapper.Wrap(PdfRenderContext.OneLine(hint), theme.Note, width))
                {
                    block.Lines.Add(new ChoiceLine(new TextLine(line, theme.Note, theme.Muted, tag), false, theme.Rule));
                }
            }
        }
    }

    private static string StripIndex(string path)
    {
        var open = path.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            return path;
        }

        var close = path.IndexOf(']', open);
        return path[..open] + path[(close + 1)..];
    }
}
