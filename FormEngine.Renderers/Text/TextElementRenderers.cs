using FormEngine.Templates;
using FormEngine.Views;

namespace FormEngine.Renderers.Text;

/// <summary>A section: a heading, its routing or why it is hidden, then its questions.</summary>
public sealed class SectionTextRenderer : ElementRenderer<SectionView, TextRenderContext>
{
    /// <inheritdoc/>
    protected override void Write(SectionView element, TextRenderContext context)
    {
        var title = element.DisplayLabel;
        context.Heading(2, element.Visible || context.Options.Mode != OutputMode.Audit ? title : $"{title} {context.Words.NotApplicableSuffix}");
        TextNotes.Routing(element, context);
        if (element.Hint is { } hint)
        {
            context.Paragraph(hint);
        }

        foreach (var question in element.Questions)
        {
            context.Render(question);
        }
    }
}

/// <summary>A repeat group: a heading per item with the item's answers; empty item slots on a blank form.</summary>
public sealed class RepeatTextRenderer : ElementRenderer<QuestionView, TextRenderContext>
{
    /// <inheritdoc/>
    protected override bool Accepts(QuestionView element) => element.Type == QuestionType.Repeat;

    /// <inheritdoc/>
    protected override void Write(QuestionView element, TextRenderContext context)
    {
        var level = context.HeadingLevel + 1;
        context.Heading(level, TextNotes.Label(element));
        TextNotes.Routing(element, context);
        // A withheld group lists no items and offers none to fill in: the placeholder says why, not "None recorded".
        if (element.Withheld)
        {
            context.Paragraph($"_{Prose.OneLine(element.DisplayValue)}_");
            return;
        }

        if (context.Options.Mode == OutputMode.Blank)
        {
            for (var i = 0; i < ModeRules.BlankRepeatItems; i++)
            {
                context.Heading(level + 1, $"{element.DisplayLabel} {i + 1}");
                foreach (var field in element.ItemTemplate)
                {
                    context.Render(field);
                }
            }

            return;
        }

        if (element.Items.Count == 0)
        {
            context.Paragraph(context.Words.NoneRecorded);
        }

        // The view decides which groups read best as a table (as the PDF prints them); a record sets them as one.
        if (context.Options.Mode == OutputMode.Record && element.Items.Count > 0 && element.TableColumns.Count > 0)
        {
            TextNotes.Table(element, context);
            TextNotes.Errors(element, context);
            return;
        }

        foreach (var item in element.Items)
        {
            context.Heading(level + 1, $"{element.DisplayLabel} {item.Index + 1}");
            foreach (var field in item.Questions)
            {
                context.Render(field);
            }
        }

        TextNotes.Errors(element, context);
    }
}

/// <summary>Guidance text.</summary>
public sealed class NoteTextRenderer : ElementRenderer<QuestionView, TextRenderContext>
{
    /// <inheritdoc/>
    protected override bool Accepts(QuestionView element) => element.Type == QuestionType.Note;

    /// <inheritdoc/>
    protected override void Write(QuestionView element, TextRenderContext context)
    {
        // One quote block, its paragraphs as the view divides them (a "> " line between them, as Markdown keeps a quote whole).
        var paragraphs = element.DisplayLabelParagraphs;
        context.Paragraph(string.Join("\n>\n", paragraphs.Select(p => $"> {p}")));
        if (element.HintParagraphs.Count > 0)
        {
            context.Paragraph(string.Join("\n>\n", element.HintParagraphs.Select(p => $"> {p}")));
        }

        // On paper a note shown only sometimes must say when, or it reads as applying to every family.
        TextNotes.Routing(element, context);
    }
}

/// <summary>Any other question: <c>Label: answer</c>, with answer space and choices on a blank form.</summary>
public sealed class QuestionTextRenderer : ElementRenderer<QuestionView, TextRenderContext>
{
    /// <inheritdoc/>
    protected override void Write(QuestionView element, TextRenderContext context)
    {
        var label = TextNotes.Label(element);
        var writer = context.Writer;
        switch (context.Options.Mode)
        {
            case OutputMode.Blank:
                writer.Write($"**{label}**{(element.Required ? " " + context.Words.Required : string.Empty)}\n");
                if (element.Hint is { } hint)
                {
                    writer.Write($"_{Prose.OneLine(hint)}_\n");
                }

                if (element.Withheld)
                {
                    writer.Write($"_{element.DisplayValue}_\n");
                }
                else
                {
                    TextNotes.BlankAnswer(element, context);
                }

                writer.Write('\n');
                TextNotes.Routing(element, context);
                break;
            default:
                var answer = TextRenderer.Answer(element.DisplayValue, context.Words);
                if (element.Type == QuestionType.TextArea && element.DisplayValue.Contains('\n'))
                {
                    writer.Write($"**{label}**:\n{element.DisplayValue.ReplaceLineEndings("\n").TrimEnd()}\n");
                }
                else
                {
                    var notes = (element.CarriedForward ? " " + context.Words.CarriedForwardNote : string.Empty)
                        + (element.Visible ? string.Empty : " " + context.Words.NotApplicableSuffix);
                    writer.Write($"**{label}**: {answer}{notes}\n");
                }

                writer.Write('\n');
                TextNotes.Routing(element, context);
                TextNotes.Errors(element, context);
                break;
        }
    }
}

/// <summary>Pieces every text element renderer shares.</summary>
internal static class TextNotes
{
    public static string Label(FormElement element) => Prose.OneLine(element.DisplayLabel);

    /// <summary>On a blank form, when to answer; in an audit, why something is not applicable.</summary>
    public static void Routing(FormElement element, TextRenderContext context)
    {
        if (context.Routing(element) is { } routing)
        {
            context.Paragraph($"_{routing}_");
        }
    }

    /// <summary>
    /// A repeat group's items as a Markdown table: a column per question, a row per item; an empty cell where the
    /// question does not apply to the item, the placeholder where it is withheld, "Not answered" where it is blank.
    /// </summary>
    public static void Table(QuestionView group, TextRenderContext context)
    {
        var columns = group.TableColumns;
        var writer = context.Writer;
        writer.Write($"| {string.Join(" | ", columns.Select(c => Cell(Label(c))))} |\n");
        writer.Write($"|{string.Concat(columns.Select(_ => " --- |"))}\n");
        foreach (var item in group.Items)
        {
            var cells = columns.Select(column => item.Questions.FirstOrDefault(q => q.Id == column.Id) is { } answer && ModeRules.Includes(answer, context.Options.Mode)
                ? Cell(answer.Withheld ? $"_{Prose.OneLine(answer.DisplayValue)}_"
                    : TextRenderer.Answer(answer.DisplayValue, context.Words)
                        + (answer.CarriedForward ? " " + context.Words.CarriedForwardNote : string.Empty)
                        + string.Concat(answer.Errors.Select(e => $" ({context.Words.Error}: {Prose.OneLine(e)})")))
                : string.Empty);
            writer.Write($"| {string.Join(" | ", cells)} |\n");
        }

        writer.Write('\n');
    }

    /// <summary>Text for a table cell: a bar would end the cell, so it is escaped.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    public static void Errors(FormElement element, TextRenderContext context)
    {
        if (context.Options.Mode is OutputMode.Blank)
        {
            return;
        }

        foreach (var error in element.Errors)
        {
            context.Paragraph($"{context.Words.Error}: {Prose.OneLine(error)}");
        }
    }

    public static void BlankAnswer(QuestionView element, TextRenderContext context)
    {
        var writer = context.Writer;
        switch (element.Type)
        {
            case QuestionType.Choice:
                foreach (var choice in element.Choices)
                {
                    writer.Write($"( ) {Prose.OneLine(choice.Label)}\n");
                }

                break;
            case QuestionType.MultiChoice:
                foreach (var choice in element.Choices)
                {
                    writer.Write($"[ ] {Prose.OneLine(choice.Label)}\n");
                }

                break;
            case QuestionType.Boolean:
                writer.Write($"( ) {context.Words.Yes}\n( ) {context.Words.No}\n");
                break;
            case QuestionType.Date:
                writer.Write("__ / __ / ____\n");
                break;
            case QuestionType.Signature:
                var words = context.Words;
                writer.Write($"{words.SignatureName}: ________________________________\n{words.SignatureRole}: ________________________________\n{words.SignatureLine}: ________________________________\n{words.DateLabel}: __ / __ / ____\n");
                break;
            case QuestionType.Calculated:
                writer.Write($"({context.Words.WorkedOut})\n");
                break;
            case QuestionType.TextArea:
                writer.Write("________________________________________\n________________________________________\n________________________________________\n");
                break;
            default:
                writer.Write("________________________________________\n");
                break;
        }
    }

}
