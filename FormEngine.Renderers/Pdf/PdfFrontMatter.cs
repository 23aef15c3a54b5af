using FormEngine.Renderers.Pdf.Layout;
using FormEngine.Templates;
using FormEngine.Views;

namespace FormEngine.Renderers.Pdf;

/// <summary>
/// What comes before the sections: the title and document details; then, in a record or an audit, the case
/// summary on a page of its own (key facts, flags, what was carried forward and what changed); on a form,
/// the flags and the problems to fix.
/// </summary>
internal static class PdfFrontMatter
{
    public static void Write(PdfRenderContext context)
    {
        var form = context.Form;
        var options = context.Options;
        var theme = context.Theme;
        var words = context.Words;
        context.BeginPart("front");
        context.Heading(1, form.DisplayTitle);

        var details = new List<string> { ModeRules.Description(form, options) };
        if (options.CaseReference is { } reference)
        {
            details.Add($"{words.CaseReference}: {Prose.OneLine(reference)}");
        }

        if (options.ProtectiveMarking is { } marking)
        {
            details.Add(Prose.OneLine(marking));
        }

        // One paragraph each: they are separate facts, and a screen reader should hear them apart.
        var block = new PdfBlock { SpaceAfter = 12 };
        foreach (var detail in details)
        {
            context.AppendText(block, detail, theme.Body, theme.Muted);
        }

        context.Add(block);
        if (ModeRules.ShowsRecordStatus(options.Mode) && form.Status is { } status)
        {
            WriteStatus(context, status);
        }

        var record = options.Mode is OutputMode.Record or OutputMode.Audit;
        if (ModeRules.ShowsCaseSummary(options.Mode, form))
        {
            WriteSummary(context);
            return;
        }

        // A template may keep the case summary from some readers; the flags raised for them still show.
        if (options.Mode != OutputMode.Blank && form.Flags.Count > 0)
        {
            context.Heading(2, words.Flags);
            WriteFlags(context);
        }

        if (record)
        {
            return;
        }

        WriteErrorSummary(context);
    }

    /// <summary>Who signed the record off, then each change made after that with its reason and what it changed.</summary>
    private static void WriteStatus(PdfRenderContext context, RecordStatusView status)
    {
        var theme = context.Theme;
        var words = context.Words;
        foreach (var line in status.SignedOff)
        {
            context.Paragraph(line, theme.Label);
        }

        if (status.Addenda.Count == 0)
        {
            return;
        }

        context.Heading(3, words.Chronology.AddendaHeading);
        foreach (var addendum in status.Addenda)
        {
            context.Paragraph($"{addendum.When}, {addendum.By}: {addendum.Reason}");
            context.Paragraph(ModeRules.Changed(addendum, words), theme.Note, theme.Muted);
        }
    }

    /// <summary>The case summary: key facts, flags, and (with a previous assessment) what was carried forward and what changed; the detail then starts on a new page.</summary>
    private static void WriteSummary(PdfRenderContext context)
    {
        var form = context.Form;
        var summary = form.Summary!;
        var theme = context.Theme;
        var words = context.Words;
        context.BeginPart("summary");
        context.Heading(2, words.Summary);
        var withheld = form.WithheldPaths();

        if (summary.KeyAnswers.Count > 0)
        {
            context.Heading(3, words.KeyFacts);
            // One table of two columns, each row headed by its question (a screen reader says the label with the answer).
            var table = PdfTagGroup.Table("summary.key-facts");
            foreach (var fact in summary.KeyAnswers)
            {
                KeyFact(context, table, fact, withheld.Contains(fact.Path));
            }
        }

        context.Heading(3, words.Flags);
        if (form.Flags.Count == 0)
        {
            context.Paragraph(words.NoFlags, color: theme.Muted);
        }
        else
        {
            WriteFlags(context);
        }

        if (summary.HasPrevious)
        {
            if (summary.CarriedForward.Count > 0)
            {
                context.Heading(3, words.CarriedForwardHeading);
                var carriedTable = PdfTagGroup.Table("summary.carried-forward");
                foreach (var carried in summary.CarriedForward)
                {
                    var status = carried.Confirmed ? words.Confirmed : words.NotYetConfirmed;
                    var value = carried.Value.Length > 0 ? carried.Value : words.NotAnswered;
                    Pair(context, carriedTable, carried.Label, $"{Prose.OneLine(value)} ({status})", theme.Body, carried.Confirmed ? theme.Ink : theme.Warning);
                }
            }

            context.Heading(3, words.ChangedHeading);
            if (summary.Changed.Count == 0)
            {
                context.Paragraph(words.NothingChanged, color: theme.Muted);
            }

            var changedTable = PdfTagGroup.Table("summary.changed");
            foreach (var change in summary.Changed)
            {
                if (withheld.Contains(change.Path))
                {
                    // Both sides are the placeholder; say it once.
                    Pair(context, changedTable, change.Label, Prose.OneLine(change.Current), theme.Note, theme.Muted);
                    continue;
                }

                var current = change.Current.Length > 0 ? change.Current : words.NotAnswered;
                var previous = change.Previous.Length > 0 ? change.Previous : words.NoPreviousAnswer;
                Pair(context, changedTable, change.Label, $"{Prose.OneLine(current)} ({words.ChangedFrom} {Prose.OneLine(previous)})", theme.Body, theme.Ink);
            }
        }

        context.BreakBeforeNext();
    }

    /// <summary>A key fact: its question and answer as a row of the key facts table; the placeholder, muted, when withheld.</summary>
    private static void KeyFact(PdfRenderContext context, PdfTagGroup table, SummaryAnswer fact, bool withheld)
    {
        var theme = context.Theme;
        var value = fact.Value.Length > 0 ? Prose.OneLine(fact.Value) : context.Words.NotAnswered;
        Pair(context, table, fact.Label, value, withheld ? theme.Note : theme.Body, fact.Value.Length > 0 && !withheld ? theme.Ink : theme.Muted);
    }

    /// <summary>
    /// A question and its answer as a row of a two-column table of the summary: the label (the row's header cell) and
    /// the answer side by side, a hairline beneath; in a narrow column (one language of a bilingual page) the answer
    /// under the label, each wrapped inside the column.
    /// </summary>
    private static void Pair(PdfRenderContext context, PdfTagGroup table, string label, string value, PdfSharp.Drawing.XFont font, PdfSharp.Drawing.XColor color)
    {
        var theme = context.Theme;
        var caption = Prose.OneLine(label);
        var row = PdfTagGroup.TableRow(table);
        if (context.ContentWidth < theme.ContentWidth * 0.75)
        {
            var stacked = new PdfBlock { SpaceAfter = 5 };
            context.AppendText(stacked, caption, theme.Label, theme.Ink, PdfTagGroup.HeaderCell(row, "Row"));
            context.AppendText(stacked, value, font, color, PdfTagGroup.DataCell(row));
            context.Add(stacked);
            return;
        }

        const double share = 0.36;
        var labelWidth = (context.ContentWidth - PdfColumns.Gutter) * share;
        var valueWidth = context.ContentWidth - PdfColumns.Gutter - labelWidth;
        var left = new PdfBlock();
        context.AppendText(left, caption, theme.Label, theme.Muted, PdfTagGroup.HeaderCell(row, "Row"), width: labelWidth);
        var right = new PdfBlock();
        context.AppendText(right, value, font, color, PdfTagGroup.DataCell(row), width: valueWidth);
        context.Add(PdfColumns.Row(left, right, context.ContentWidth, share, theme.Hairline));
    }

    private static void WriteFlags(PdfRenderContext context)
    {
        var theme = context.Theme;
        foreach (var flag in context.Form.Flags)
        {
            var color = flag.Severity switch
            {
                FlagSeverity.Urgent => theme.Danger,
                FlagSeverity.Info => theme.Info,
                _ => theme.Warning,
            };
            var block = new PdfBlock { Panel = new PdfPanel(color, PdfTheme.Tint(color)), SpaceAfter = 6 };
            block.Lines.Add(new SpaceLine(5));
            context.AppendPrefixedText(block, $"{context.Words.Severity(flag.Severity)}: ", theme.Label, color, Prose.OneLine(flag.Message), theme.Body, theme.Ink);
            block.Lines.Add(new SpaceLine(5));
            context.Add(block);
        }
    }

    private static void WriteErrorSummary(PdfRenderContext context)
    {
        var form = context.Form;
        if (context.Options.Mode != OutputMode.Form || (form.Errors.Count == 0 && form.Missing.Count == 0))
        {
            return;
        }

        var theme = context.Theme;
        var words = context.Words;
        var block = new PdfBlock { Panel = new PdfPanel(theme.Danger, PdfTheme.Tint(theme.Danger)), SpaceAfter = 12, SpaceBefore = 6, Bookmark = new PdfBookmark(2, words.ThereIsAProblem) };
        block.Lines.Add(new SpaceLine(5));
        context.AppendText(block, words.ThereIsAProblem, theme.Subsection, theme.Danger, PdfTagGroup.Heading(2), leading: 1.4);
        foreach (var error in form.Errors)
        {
            context.AppendText(block, $"{error.Path}: {Prose.OneLine(error.Message)}", theme.Body, theme.Ink);
        }

        foreach (var missing in form.MissingMessages())
        {
            context.AppendText(block, $"{missing.Path}: {Prose.OneLine(missing.Message)}", theme.Body, theme.Ink);
        }

        block.Lines.Add(new SpaceLine(5));
        context.Add(block);
    }
}
