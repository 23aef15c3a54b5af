using PdfSharp.Pdf;

namespace FormEngine.Renderers.Pdf.Layout;

/// <summary>
/// The document outline (bookmarks): the headings of levels 1 to 3 in reading order, nested by level, each
/// jumping to where its heading is printed, so a long record or a 19-page blank form can be navigated from
/// the viewer's sidebar. Deeper headings (a repeat group's items, "Person 1", "Person 2") are left out: on a
/// blank form they are empty slots and would bury the sections.
/// </summary>
internal static class PdfBookmarks
{
    private const int DeepestLevel = 3;
    private const double Headroom = 12;

    /// <summary>Adds the outline to <paramref name="document"/>, whose pages hold <paramref name="pages"/>.</summary>
    /// <param name="document">The document, its pages added.</param>
    /// <param name="pages">The placements of each page.</param>
    /// <param name="theme">The page geometry.</param>
    public static void Write(PdfDocument document, IReadOnlyList<IReadOnlyList<PdfPlacement>> pages, PdfTheme theme)
    {
        var entries = new List<(PdfBookmark Bookmark, int Page, double Top)>();
        for (var index = 0; index < pages.Count; index++)
        {
            foreach (var placement in pages[index])
            {
                if (placement.From == 0 && placement.Block.Bookmark is { Level: <= DeepestLevel } bookmark)
                {
                    entries.Add((bookmark, index, theme.ContentTop + placement.Top));
                }
            }
        }

        // One title holding everything is a click that leads nowhere: its sections are the top level. A
        // document in two languages one after the other has a title per language, each holding its sections.
        var titles = entries.Count(e => e.Bookmark.Level == 1);
        if (titles == 1)
        {
            entries.RemoveAll(e => e.Bookmark.Level == 1);
        }

        if (entries.Count == 0)
        {
            return;
        }

        var open = new Stack<(int Level, PdfOutline Outline)>();
        foreach (var (bookmark, page, top) in entries)
        {
            while (open.Count > 0 && open.Peek().Level >= bookmark.Level)
            {
                open.Pop();
            }

            // PDFsharp writes the destination as given, and PDF measures from the bottom of the page; a little
            // room above the heading keeps it clear of the window's edge.
            var outline = new PdfOutline(bookmark.Title, document.Pages[page], opened: bookmark.Level == 1)
            {
                PageDestinationType = PdfPageDestinationType.Xyz,
                Left = 0,
                Top = Math.Round(Math.Min(theme.PageHeight, theme.PageHeight - top + Headroom), 1),
            };
            (open.Count > 0 ? open.Peek().Outline.Outlines : document.Outlines).Add(outline);
            open.Push((bookmark.Level, outline));
        }

        document.PageMode = PdfPageMode.UseOutlines;
    }
}
