using PdfSharp.Drawing;

namespace FormEngine.Renderers.Pdf.Layout;

/// <summary>
/// Blocks side by side in one row, the leftmost first in reading order: a key fact's label and answer, a block
/// and its translation in a bilingual document, the cells of a table row. Line <c>i</c> of each cell sits on
/// row <c>i</c>, as tall as the tallest of the cells' lines, so the cells stay level and a page break between
/// rows splits them all at the same height.
/// </summary>
/// <param name="Cells">The cells, left to right.</param>
public sealed record PdfColumns(IReadOnlyList<PdfCell> Cells)
{
    /// <summary>The space between two columns of a bilingual page or a key fact.</summary>
    public const double Gutter = 18;

    /// <summary>The space between two cells of a table.</summary>
    public const double CellGap = 10;

    /// <summary>A row block of two columns in <paramref name="width"/>, laid out like one block: kept together, kept with the next, spaced as its columns ask.</summary>
    /// <param name="left">The left block, or null.</param>
    /// <param name="right">The right block, or null.</param>
    /// <param name="width">The width of the row.</param>
    /// <param name="leftShare">The left column's share of the width (less the gutter).</param>
    /// <param name="rule">A hairline under the row in this colour, or null.</param>
    /// <returns>The row.</returns>
    public static PdfBlock Row(PdfBlock? left, PdfBlock? right, double width, double leftShare = 0.5, XColor? rule = null)
    {
        var leftWidth = (width - Gutter) * leftShare;
        return Of([new PdfCell(left, 0, leftWidth), new PdfCell(right, leftWidth + Gutter, width - leftWidth - Gutter)], rule);
    }

    /// <summary>Cells side by side, each filled for its column at its width, separated by <see cref="CellGap"/>.</summary>
    public static List<PdfCell> Side<T>(IReadOnlyList<T> columns, IReadOnlyList<double> widths, Func<T, double, PdfBlock> fill)
    {
        var cells = new List<PdfCell>();
        var offset = 0.0;
        for (var i = 0; i < columns.Count; i++)
        {
            cells.Add(new PdfCell(fill(columns[i], widths[i]), offset, widths[i]));
            offset += widths[i] + CellGap;
        }

        return cells;
    }

    /// <summary>A row block of cells, laid out like one block: kept together, kept with the next, spaced as its cells ask.</summary>
    /// <param name="cells">The cells, left to right.</param>
    /// <param name="rule">A hairline under the row in this colour, or null.</param>
    /// <returns>The row.</returns>
    public static PdfBlock Of(IReadOnlyList<PdfCell> cells, XColor? rule = null)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var blocks = cells.Select(c => c.Block).OfType<PdfBlock>().ToList();
        var first = blocks.FirstOrDefault();
        var row = new PdfBlock
        {
            Columns = new PdfColumns(cells),
            SpaceBefore = blocks.Select(b => b.SpaceBefore).DefaultIfEmpty(0).Max(),
            SpaceAfter = rule is null ? blocks.Select(b => b.SpaceAfter).DefaultIfEmpty(0).Max() : 0,
            KeepWithNext = first?.KeepWithNext ?? false,
            KeepTogether = first?.KeepTogether ?? true,
            PageBreakBefore = blocks.Any(b => b.PageBreakBefore),
            Bookmark = Both(blocks.Select(b => b.Bookmark).OfType<PdfBookmark>().ToList()),
        };
        var count = blocks.Select(b => b.Lines.Count).DefaultIfEmpty(0).Max();
        for (var i = 0; i < count; i++)
        {
            var lines = cells.Select(c => c.Block is { } b && i < b.Lines.Count ? b.Lines[i] : null).ToList();
            row.Lines.Add(new RowLine(lines.Max(l => l?.Height ?? 0), string.Join('\t', lines.Select(l => l?.Fingerprint))));
        }

        if (rule is { } color && count > 0)
        {
            row.Lines.Add(new SpaceLine(3));
            row.Lines.Add(new RuleLine(5, color, 0.5));
        }

        return row;
    }

    /// <summary>A heading and its translation side by side are one bookmark in both languages, main first, as the running header is.</summary>
    private static PdfBookmark? Both(List<PdfBookmark> marks) => marks.Count switch
    {
        0 => null,
        1 => marks[0],
        _ when marks[0].Title == marks[1].Title => marks[0],
        _ => marks[0] with { Title = $"{marks[0].Title} / {marks[1].Title}" },
    };

    /// <summary>One row of a block of cells: space for all the cells' lines, which the painter draws.</summary>
    private sealed class RowLine(double height, string fingerprint) : PdfLine
    {
        public override double Height => height;

        public override string Fingerprint => fingerprint;
    }
}

/// <summary>One cell of a row of <see cref="PdfColumns"/>.</summary>
/// <param name="Block">What the cell holds, or null for an empty cell.</param>
/// <param name="Offset">Where the cell starts, from the left edge of the row.</param>
/// <param name="Width">The cell's width.</param>
public sealed record PdfCell(PdfBlock? Block, double Offset, double Width);
