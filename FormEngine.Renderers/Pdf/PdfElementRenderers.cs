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
        // The whole section withheld from this reader: one placeholder, not one per question.
        if (!PdfNotes.Opening(element, 2, PdfNotes.SectionPlaceholder(element, context), context))
        {
            return;
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
        var name = Prose.OneLine(element.DisplayLabel);
        if (!PdfNotes.Opening(element, level, PdfNotes.Placeholder(element, context), context))
        {
            return;
        }

        if (context.Options.Mode == OutputMode.Blank)
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
            context.Paragraph(context.Words.NoneRecorded, color: context.Theme.Muted);
        }

        if (PdfRepeatTable.Fits(element, context))
        {
            PdfRepeatTable.Write(element, context);
        }
        else
        {
            Items(element, context, level, name);
        }

        foreach (var error in element.Errors)
        {
            context.Notice($"{context.Words.Error}: {Prose.OneLine(error)}", context.Theme.Danger, context.Theme.Body);
        }
    }

    /// <summary>Each item one after another under a heading of its own ("Person 1").</summary>
    private static void Items(QuestionView element, PdfRenderContext context, int level, string name)
    {
        foreach (var item in element.Items)
        {
            context.Heading(level + 1, $"{name} {item.Index + 1}");
            foreach (var field in item.Questions)
            {
                context.Render(field);
            }
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
        // A note is prose: one tagged paragraph each, as the view divides it, a little space between them.
        var paragraphs = element.DisplayLabelParagraphs;
        foreach (var paragraph in paragraphs.Select(p => (Text: p, Font: theme.Body, Color: theme.Ink))
            .Concat(element.HintParagraphs.Select(p => (Text: p, Font: theme.Note, Color: theme.Muted))))
        {
            if (block.Lines.Count > 1)
            {
                block.Lines.Add(new SpaceLine(4));
            }

            context.AppendText(block, paragraph.Text, paragraph.Font, paragraph.Color);
        }

        // On paper a note shown only sometimes must say when, or it reads as applying to every family.
        if (context.Routing(element) is { } routing)
        {
            context.AppendText(block, routing, theme.Note, theme.Muted);
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
        var hidden = !element.Visible && mode == OutputMode.Audit;
        var block = new PdfBlock
        {
            SpaceAfter = 11,
            Panel = hidden ? new PdfPanel(theme.Hairline, null) : null,
        };
        var words = context.Words;
        var required = element.Required && !element.Withheld && mode is OutputMode.Blank or OutputMode.Form ? " " + words.Required : string.Empty;
        context.AppendText(block, Prose.OneLine(element.DisplayLabel) + required, theme.Label, hidden ? theme.Muted : theme.Ink, leading: 1.4);

        if (element.Withheld)
        {
            // Whatever the mode, the placeholder stands in for the answer and for any space to write one.
            context.AppendWithheld(block, PdfNotes.Placeholder(element, context));
            if (context.Routing(element) is { } withheldReason && mode == OutputMode.Audit)
            {
                context.AppendText(block, withheldReason, theme.Note, theme.Muted);
            }

            context.Add(block);
            return;
        }

        if (mode == OutputMode.Blank)
        {
            if (element.Hint is { } hint)
            {
                context.AppendText(block, Prose.OneLine(hint), theme.Note, theme.Muted);
            }

            if (context.Routing(element) is { } routing)
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
        else if (mode == OutputMode.Form && element.TakesAnswer)
        {
            if (element.Hint is { } hint)
            {
                context.AppendText(block, Prose.OneLine(hint), theme.Note, theme.Muted);
            }

            block.Lines.Add(new SpaceLine(2));
            PdfNotes.AnswerSpace(element, block, context);
        }
        else
        {
            context.AppendText(block, words.NotAnswered, theme.Body, theme.Muted);
        }

        var notes = (element.CarriedForward ? " " + words.CarriedForwardNote : string.Empty)
            + (element.Visible ? string.Empty : " " + words.NotApplicableSuffix);
        if (notes.Length > 0)
        {
            context.AppendText(block, notes.TrimStart(), theme.Note, theme.Muted);
        }

        if (context.Routing(element) is { } reason)
        {
            context.AppendText(block, reason, theme.Note, theme.Muted);
        }

        foreach (var error in element.Errors)
        {
            context.AppendPrefixedText(block, words.Error + ": ", theme.Label, theme.Danger, Prose.OneLine(error), theme.Body, theme.Danger);
        }

        context.Add(block);
    }
}

/// <summary>Pieces every PDF element renderer shares.</summary>
public static class PdfNotes
{
    /// <summary>
    /// How a section or repeat group opens: its heading ("(not applicable)" after it when an audit shows it hidden),
    /// its routing in a panel, its hint; when it is withheld from the reader, then <paramref name="placeholder"/>.
    /// </summary>
    /// <param name="element">The section or group.</param>
    /// <param name="level">The heading level.</param>
    /// <param name="placeholder">What stands for its contents when withheld.</param>
    /// <param name="context">The rendering.</param>
    /// <returns>False when it is withheld, so nothing more of it is printed.</returns>
    public static bool Opening(FormElement element, int level, string placeholder, PdfRenderContext context)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentNullException.ThrowIfNull(context);
        var name = Prose.OneLine(element.DisplayLabel);
        context.Heading(level, element.Visible || context.Options.Mode != OutputMode.Audit ? name : $"{name} {context.Words.NotApplicableSuffix}");
        if (context.Routing(element) is { } routing)
        {
            context.Notice(routing, context.Theme.Muted);
        }

        if (element.Hint is { } hint)
        {
            context.Paragraph(hint, context.Theme.Note, context.Theme.Muted);
        }

        if (!element.Withheld)
        {
            return true;
        }

        var block = new PdfBlock { SpaceAfter = 11 };
        context.AppendWithheld(block, placeholder);
        context.Add(block);
        return false;
    }

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
        var words = context.Words;
        switch (element.Type)
        {
            case QuestionType.Choice:
                Choices(block, context, words.TickOne, element.Choices.Select(c => (c.Label, c.Hint)));
                break;
            case QuestionType.MultiChoice:
                Choices(block, context, words.TickAll, element.Choices.Select(c => (c.Label, c.Hint)));
                break;
            case QuestionType.Boolean:
                Choices(block, context, words.TickOne, [(words.Yes, null), (words.No, null)]);
                break;
            case QuestionType.Date:
                block.Lines.Add(new DateBoxesLine(theme.Rule, theme.Small, theme.Hairline, DateBoxHints(words)));
                break;
            case QuestionType.Calculated:
                context.AppendText(block, $"({words.WorkedOut})", theme.Note, theme.Muted);
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
        var width = context.ContentWidth - ChoiceLine.Indent;
        foreach (var (label, hint) in choices)
        {
            var tag = PdfTagGroup.Paragraph();
            var first = true;
            foreach (var line in context.Wrapper.Wrap(Prose.OneLine(label), theme.Body, width))
            {
                block.Lines.Add(new ChoiceLine(new TextLine(line.Text, theme.Body, theme.Ink, tag) { EndsInsideWord = line.EndsInsideWord }, first, theme.Rule));
                first = false;
            }

            if (hint is not null)
            {
                foreach (var line in context.Wrapper.Wrap(Prose.OneLine(hint), theme.Note, width))
                {
                    block.Lines.Add(new ChoiceLine(new TextLine(line.Text, theme.Note, theme.Muted, tag) { EndsInsideWord = line.EndsInsideWord }, false, theme.Rule));
                }
            }
        }
    }

    /// <summary>A withheld question's placeholder; on a blank form's repeat item slots, which have none, the bare "Information withheld".</summary>
    /// <param name="question">The question.</param>
    /// <param name="context">The rendering.</param>
    /// <returns>The placeholder.</returns>
    public static string Placeholder(QuestionView question, PdfRenderContext context)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(context);
        return question.DisplayValue.Length > 0 ? question.DisplayValue : Wording.Fill(context.Words.WithheldFormat, string.Empty).TrimEnd(' ', ':');
    }

    /// <summary>What a withheld section shows: its questions' placeholder (they share the section's sensitivity).</summary>
    /// <param name="section">The section.</param>
    /// <param name="context">The rendering.</param>
    /// <returns>The placeholder.</returns>
    public static string SectionPlaceholder(SectionView section, PdfRenderContext context)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(context);
        return section.Questions.FirstOrDefault(q => q.Withheld && q.DisplayValue.Length > 0)?.DisplayValue
            ?? Wording.Fill(context.Words.WithheldFormat, string.Empty).TrimEnd(' ', ':');
    }

    /// <summary>The letters in the day, month and year boxes: DD MM YYYY, in Welsh DD MM BBBB (diwrnod, mis, blwyddyn).</summary>
    private static string[] DateBoxHints(Wording words) =>
        words.Language == "cy" ? ["DD", "MM", "BBBB"] : ["DD", "MM", "YYYY"];

}
