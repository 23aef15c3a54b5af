using FormEngine.Renderers.Pdf.Layout;
using FormEngine.Views;

namespace FormEngine.Renderers.Pdf;

/// <summary>
/// A case's chronology laid out for paper: the title and document details, then one table of events (date, record,
/// what happened, details, by) whose header row is repeated on every page it continues on, tagged as a table.
/// </summary>
internal static class PdfChronology
{
    /// <summary>How much of the width each column gets: details take the most, the date and who the least.</summary>
    private static readonly double[] Shares = [1.0, 1.05, 0.9, 2.15, 1.15];

    public static (List<PdfBlock> Blocks, PdfRunningText Running) Lay(ChronologyView view, RenderOptions options, PdfTheme theme, TextWrapper wrapper, ElementRenderers<PdfRenderContext> elements)
    {
        var words = view.Words;
        var chronology = words.Chronology;
        // The layout context is made for a form; a chronology is a document without sections, so it gets one with none.
        var shell = new FormView
        {
            TemplateId = "chronology",
            TemplateVersion = 0,
            Title = chronology.Title,
            Language = view.Language,
            Today = view.Today,
            Sections = [],
            Flags = [],
            Errors = [],
            Missing = [],
            CarriedForward = [],
        };
        var context = new PdfRenderContext(shell, options, theme, wrapper, elements);
        context.BeginPart("front");
        context.Heading(1, chronology.Title);
        var reference = $"{words.CaseReference}: {Prose.OneLine(options.CaseReference ?? view.CaseId)}";
        var description = $"{chronology.Title}, {words.Date(options.DocumentDate ?? view.Today)}";
        var details = new PdfBlock { SpaceAfter = 12 };
        foreach (var detail in new[] { description, reference, options.ProtectiveMarking is { } marking ? Prose.OneLine(marking) : null }.OfType<string>())
        {
            context.AppendText(details, detail, theme.Body, theme.Muted);
        }

        context.Add(details);
        context.Paragraph(chronology.Intro);
        if (view.Rows.Count == 0)
        {
            context.Paragraph(chronology.Empty, theme.Body, theme.Muted);
        }
        else
        {
            WriteTable(view, context);
        }

        var running = new PdfRunningText(chronology.Title, reference, options.ProtectiveMarking is { } m ? Prose.OneLine(m) : null, description, words.PageFormat);
        return ([.. context.Blocks], running);
    }

    private static void WriteTable(ChronologyView view, PdfRenderContext context)
    {
        var theme = context.Theme;
        var chronology = view.Words.Chronology;
        var available = context.ContentWidth - (PdfColumns.CellGap * (Shares.Length - 1));
        var widths = Shares.Select(share => available * share / Shares.Sum()).ToArray();
        var table = PdfTagGroup.Table("chronology");

        var headerRow = PdfTagGroup.TableRow(table);
        var header = PdfColumns.Of(PdfColumns.Side<string>([chronology.Date, chronology.Record, chronology.Event, chronology.Details, chronology.By], widths, (text, width) =>
        {
            var cell = new PdfBlock { KeepWithNext = true };
            context.AppendText(cell, text, theme.Label, theme.Ink, PdfTagGroup.HeaderCell(headerRow, "Column"), width: width);
            return cell;
        }), theme.Rule);
        context.Add(header);

        foreach (var row in view.Rows)
        {
            var tagRow = PdfTagGroup.TableRow(table);
            var first = true;
            var block = PdfColumns.Of(PdfColumns.Side<string>([row.When, row.Record, row.Event, row.Details(chronology), row.By], widths, (text, width) =>
            {
                var cell = new PdfBlock();
                // The date heads its row, so a screen reader says when with each event's details.
                var tag = first ? PdfTagGroup.HeaderCell(tagRow, "Row") : PdfTagGroup.DataCell(tagRow);
                context.AppendText(cell, text, first ? theme.Label : theme.Body, theme.Ink, tag, width: width);
                first = false;
                return cell;
            }), theme.Hairline);
            block.RepeatHeader = header;
            context.Add(block);
        }
    }
}
