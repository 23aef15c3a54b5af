using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace FormEngine.Renderers.Pdf.Layout;

/// <summary>What the running header and footer of a page say, in the language of the page.</summary>
/// <param name="Title">The form's title (header, left).</param>
/// <param name="Reference">The case reference with its caption, e.g. "Case reference: CIN-1" (header, right), or null.</param>
/// <param name="Marking">The protective marking (top and bottom, centred), or null.</param>
/// <param name="Description">What the document is and its date (footer, left).</param>
/// <param name="PageFormat">"Page {0} of {1}" in the page's language (footer, right).</param>
public sealed record PdfRunningText(string Title, string? Reference, string? Marking, string Description, string PageFormat);

/// <summary>
/// Draws paginated blocks onto PDF pages: running header and footer as artifacts, decoration as
/// artifacts, and text inside the structure elements of its lines, so the tagged reading order is the
/// order of the form (in a two-column row, the left column, then the right).
/// </summary>
internal sealed class PdfPainter(PdfTheme theme)
{
    /// <summary>The structure elements open now, outermost first: a table stays open across its rows' blocks and pages.</summary>
    private readonly List<PdfTagGroup> _open = [];

    /// <summary>Paints the pages.</summary>
    /// <param name="document">The document.</param>
    /// <param name="structure">Its structure tree.</param>
    /// <param name="pages">The placements of each page.</param>
    /// <param name="running">The running header and footer of each page.</param>
    public void Paint(PdfDocument document, StructureBuilder structure, IReadOnlyList<IReadOnlyList<PdfPlacement>> pages, IReadOnlyList<PdfRunningText> running)
    {
        for (var index = 0; index < pages.Count; index++)
        {
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(theme.PageWidth);
            page.Height = XUnit.FromPoint(theme.PageHeight);
            using var graphics = XGraphics.FromPdfPage(page);
            structure.BeginArtifact();
            DrawRunningText(graphics, running[index], index + 1, pages.Count);
            structure.End();
            foreach (var placement in pages[index])
            {
                Draw(graphics, structure, placement);
            }
        }

        CloseTo(structure, 0);
    }

    private void Draw(XGraphics graphics, StructureBuilder structure, PdfPlacement placement)
    {
        var block = placement.Block;
        var x = theme.SideMargin;
        var width = theme.ContentWidth;
        var top = theme.ContentTop + placement.Top;

        // Where each line of the block starts; the cells of a row share these.
        var tops = new double[block.Lines.Count + 1];
        var y = top;
        for (var i = placement.From; i < placement.To; i++)
        {
            tops[i] = y;
            y += block.Lines[i].Height;
        }

        tops[placement.To] = y;
        var artifact = placement.Repeated;
        DrawBlock(graphics, structure, block, placement.From, placement.To, tops, x, width, null, artifact);

        if (block.Columns is { } columns)
        {
            foreach (var cell in columns.Cells)
            {
                if (cell.Block is { } inner)
                {
                    DrawBlock(graphics, structure, inner, placement.From, Math.Min(placement.To, inner.Lines.Count), tops, x + cell.Offset, cell.Width, block.Language, artifact);
                }
            }
        }
    }

    /// <summary>
    /// Draws lines <paramref name="from"/> to <paramref name="to"/> of a block, line <c>i</c> at <c>tops[i]</c>;
    /// all of it as an artifact when <paramref name="artifact"/> (a table's header row repeated on a later page).
    /// </summary>
    private void DrawBlock(XGraphics graphics, StructureBuilder structure, PdfBlock block, int from, int to, double[] tops, double x, double width, string? outerLanguage, bool artifact)
    {
        if (from >= to)
        {
            return;
        }

        var lines = block.Lines;
        structure.BeginArtifact();
        if (block.Panel is { } panel)
        {
            var height = tops[to] - tops[from];
            if (panel.Fill is { } fill)
            {
                graphics.DrawRectangle(new XSolidBrush(fill), x, tops[from], width, height);
            }

            graphics.DrawRectangle(new XSolidBrush(panel.Bar), x, tops[from], 3, height);
        }

        for (var i = from; i < to; i++)
        {
            lines[i].DrawDecoration(graphics, x, tops[i], width);
        }

        if (artifact)
        {
            for (var i = from; i < to; i++)
            {
                lines[i].DrawText(graphics, x, tops[i], width, false);
            }

            structure.End();
            return;
        }

        structure.End();

        var language = block.Language ?? outerLanguage;
        for (var i = from; i < to; i++)
        {
            var line = lines[i];
            if (line.Tag is not { } tag)
            {
                continue;
            }

            Open(structure, tag, language);
            line.DrawText(graphics, x, tops[i], width, ReferenceEquals(NextTag(lines, i + 1, to), tag));
        }

        // The element holding the text ends with the block (or the page); the table and row around it stay open
        // for the next cell or row.
        if (_open.Count > 0 && !block.Lines.Skip(from).Take(to - from).All(l => l.Tag is null))
        {
            structure.End();
            _open.RemoveAt(_open.Count - 1);
        }
    }

    /// <summary>Makes <paramref name="tag"/> the open element: ends the open elements it is not inside, begins those around it that are not open.</summary>
    private void Open(StructureBuilder structure, PdfTagGroup tag, string? language)
    {
        var chain = tag.Chain();
        var shared = 0;
        while (shared < _open.Count && shared < chain.Count && _open[shared].SameElement(chain[shared]))
        {
            shared++;
        }

        if (shared == chain.Count && shared == _open.Count)
        {
            return;
        }

        CloseTo(structure, shared);
        for (var i = shared; i < chain.Count; i++)
        {
            structure.BeginElement(chain[i].Tag);
            if (language is not null)
            {
                structure.SetLanguage(language);
            }

            if (chain[i].Scope is { } scope)
            {
                structure.CurrentStructureElement.TableAttributes.Elements.SetName("/Scope", "/" + scope);
            }

            _open.Add(chain[i]);
        }
    }

    /// <summary>Ends open elements until <paramref name="depth"/> remain.</summary>
    private void CloseTo(StructureBuilder structure, int depth)
    {
        while (_open.Count > depth)
        {
            structure.End();
            _open.RemoveAt(_open.Count - 1);
        }
    }

    /// <summary>The structure element of the first line with text from <paramref name="from"/> on (before <paramref name="to"/>), or null.</summary>
    private static PdfTagGroup? NextTag(List<PdfLine> lines, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (lines[i].Tag is { } tag)
            {
                return tag;
            }
        }

        return null;
    }

    private void DrawRunningText(XGraphics graphics, PdfRunningText running, int page, int pageCount)
    {
        var left = theme.SideMargin;
        var right = theme.PageWidth - theme.SideMargin;
        var width = theme.ContentWidth;
        var muted = new XSolidBrush(theme.Muted);
        var ink = new XSolidBrush(theme.Ink);
        var rule = new XPen(theme.Hairline, 0.6);

        if (running.Marking is { } marking)
        {
            graphics.DrawString(marking, theme.SmallBold, ink, new XRect(left, 22, width, 12), XStringFormats.TopCenter);
            graphics.DrawString(marking, theme.SmallBold, ink, new XRect(left, theme.PageHeight - 32, width, 12), XStringFormats.TopCenter);
        }

        const double headerY = 40;
        var reference = running.Reference;
        var referenceWidth = reference is null ? 0 : graphics.MeasureString(reference, theme.Small).Width;
        graphics.DrawString(Fit(graphics, running.Title, width - referenceWidth - 16), theme.Small, muted, left, headerY, XStringFormats.TopLeft);
        if (reference is not null)
        {
            graphics.DrawString(reference, theme.Small, muted, right, headerY, XStringFormats.TopRight);
        }

        graphics.DrawLine(rule, left, headerY + 14, right, headerY + 14);

        var footerY = theme.PageHeight - 54;
        graphics.DrawLine(rule, left, footerY - 4, right, footerY - 4);
        var pageText = string.Format(System.Globalization.CultureInfo.InvariantCulture, running.PageFormat, page, pageCount);
        var pageWidth = graphics.MeasureString(pageText, theme.Small).Width;
        graphics.DrawString(Fit(graphics, running.Description, width - pageWidth - 16), theme.Small, muted, left, footerY, XStringFormats.TopLeft);
        graphics.DrawString(pageText, theme.Small, muted, right, footerY, XStringFormats.TopRight);
    }

    private string Fit(XGraphics graphics, string text, double width)
    {
        if (graphics.MeasureString(text, theme.Small).Width <= width)
        {
            return text;
        }

        var end = text.Length;
        while (end > 1 && graphics.MeasureString(text[..end] + "…", theme.Small).Width > width)
        {
            end--;
        }

        return text[..end] + "…";
    }
}
