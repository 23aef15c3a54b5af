using FormEngine.Views;

namespace FormEngine.Renderers.Text;

/// <summary>A case's chronology as Markdown: the document's details, then one line per event, oldest first.</summary>
internal static class TextChronology
{
    public static void Write(ChronologyView view, RenderOptions options, TextWriter writer)
    {
        var words = view.Words;
        var chronology = words.Chronology;
        writer.Write($"# {chronology.Title}\n\n");
        var details = new List<string>();
        if (options.ProtectiveMarking is { } marking)
        {
            details.Add(marking);
        }

        details.Add($"{words.CaseReference}: {options.CaseReference ?? view.CaseId}");
        details.Add($"{words.DateLabel}: {words.Date(options.DocumentDate ?? view.Today)}");
        writer.Write(string.Join("\n", details.Select(d => Prose.OneLine(d) + "  ")).TrimEnd());
        writer.Write($"\n\n{chronology.Intro}\n\n");
        if (view.Rows.Count == 0)
        {
            writer.Write($"{chronology.Empty}\n");
            return;
        }

        foreach (var row in view.Rows)
        {
            var cells = new[] { row.Record, row.Event, row.Details(chronology), row.By }.Where(c => c.Length > 0).Select(Prose.OneLine);
            writer.Write($"- **{row.When}**: {string.Join(" · ", cells)}\n");
        }
    }
}
