using FormEngine.Renderers.Pdf.Layout;
using FormEngine.Templates;
using FormEngine.Views;

namespace FormEngine.Renderers.Pdf;

/// <summary>
/// A repeat group whose items read best as rows (<see cref="QuestionView.TableColumns"/>) set as a table: a header
/// row of the questions, repeated at the top of every page the table continues on, then a row per item with a
/// hairline beneath. Tagged as <c>Table</c>, <c>TR</c>, <c>TH</c> (scope column) and <c>TD</c>.
/// </summary>
internal static class PdfRepeatTable
{
    /// <summary>True when <paramref name="group"/> prints as a table here: a record with items, and a page wide enough for its columns.</summary>
    public static bool Fits(QuestionView group, PdfRenderContext context) =>
        context.Options.Mode == OutputMode.Record
        && group.Items.Count > 0
        && group.TableColumns.Count > 0
        && context.ContentWidth >= context.Theme.ContentWidth * 0.75;

    /// <summary>Adds the table's blocks.</summary>
    public static void Write(QuestionView group, PdfRenderContext context)
    {
        var theme = context.Theme;
        var columns = group.TableColumns;
        var widths = Widths(columns, context);
        var table = PdfTagGroup.Table(group.Path);

        var headerRow = PdfTagGroup.TableRow(table);
        var header = PdfColumns.Of(PdfColumns.Side(columns, widths, (column, width) =>
        {
            var cell = new PdfBlock { KeepWithNext = true };
            context.AppendText(cell, Prose.OneLine(column.DisplayLabel), theme.Label, theme.Ink, PdfTagGroup.HeaderCell(headerRow, "Column"), width: width);
            return cell;
        }), theme.Rule);
        context.Add(header);

        foreach (var item in group.Items)
        {
            var row = PdfTagGroup.TableRow(table);
            var block = PdfColumns.Of(PdfColumns.Side(columns, widths, (column, width) =>
            {
                var cell = new PdfBlock();
                var answer = item.Questions.FirstOrDefault(q => q.Id == column.Id);
                Cell(context, cell, answer, PdfTagGroup.DataCell(row), width);
                return cell;
            }), theme.Hairline);
            block.RepeatHeader = header;
            if (ReferenceEquals(item, group.Items[^1]))
            {
                block.Lines.Add(new SpaceLine(8));
            }

            context.Add(block);
        }
    }

    /// <summary>One item's answer to one question: the answer, "Not answered", the withheld placeholder, or nothing where the question does not apply.</summary>
    private static void Cell(PdfRenderContext context, PdfBlock cell, QuestionView? answer, PdfTagGroup tag, double width)
    {
        var theme = context.Theme;
        var words = context.Words;
        if (answer is null || !ModeRules.Includes(answer, context.Options.Mode))
        {
            // Not asked of this item: an empty cell, still a cell, so the columns of the row stay in step for a reader.
            cell.Lines.Add(new TextLine(string.Empty, theme.Body, theme.Muted, tag));
            return;
        }

        if (answer.Withheld)
        {
            context.AppendText(cell, PdfNotes.Placeholder(answer, context), theme.Note, theme.Muted, tag, width: width);
            return;
        }

        if (answer.DisplayValue.Length > 0)
        {
            context.AppendText(cell, answer.DisplayValue, theme.Body, theme.Ink, tag, width: width);
        }
        else
        {
            context.AppendText(cell, words.NotAnswered, theme.Body, theme.Muted, tag, width: width);
        }

        if (answer.CarriedForward)
        {
            context.AppendText(cell, words.CarriedForwardNote, theme.Note, theme.Muted, tag, width: width);
        }

        foreach (var error in answer.Errors)
        {
            context.AppendText(cell, $"{words.Error}: {Prose.OneLine(error)}", theme.Note, theme.Danger, tag, width: width);
        }
    }

    /// <summary>
    /// Column widths by how much each kind of answer usually needs (free text and choices more, numbers less),
    /// each at least as wide as the longest word of its heading, so no heading breaks inside a word.
    /// </summary>
    private static double[] Widths(IReadOnlyList<QuestionView> columns, PdfRenderContext context)
    {
        var weights = columns.Select(q => q.Type switch
        {
            QuestionType.Text => 1.6,
            QuestionType.Choice => 1.4,
            QuestionType.Number => 0.8,
            QuestionType.Boolean => 1.0,
            _ => 1.1,
        }).ToArray();
        var least = columns.Select(q => Prose.OneLine(q.DisplayLabel).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(word => context.Wrapper.Width(word, context.Theme.Label)).DefaultIfEmpty(0).Max() + 2).ToArray();
        var available = context.ContentWidth - (PdfColumns.CellGap * (columns.Count - 1));
        var widths = new double[columns.Count];
        var fixedWidth = new bool[columns.Count];
        // Give the columns their share; any below its least width gets that, and the rest share what is left.
        for (var round = 0; round < columns.Count; round++)
        {
            var free = available - widths.Where((_, i) => fixedWidth[i]).Sum();
            var weight = weights.Where((_, i) => !fixedWidth[i]).Sum();
            var changed = false;
            for (var i = 0; i < columns.Count; i++)
            {
                if (fixedWidth[i])
                {
                    continue;
                }

                widths[i] = free * weights[i] / weight;
                if (widths[i] < least[i] && least[i] < available / 2)
                {
                    (widths[i], fixedWidth[i], changed) = (least[i], true, true);
                }
            }

            if (!changed)
            {
                break;
            }
        }

        return widths;
    }
}
