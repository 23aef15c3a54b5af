using PdfSharp.Drawing;

namespace FormEngine.Renderers.Pdf.Layout;

/// <summary>
/// Two blocks side by side in one row: the left one first in reading order. Line <c>i</c> of each column sits
/// on row <c>i</c>, as tall as the taller of the two lines, so both columns stay level and a page break between
/// rows splits both at the same height.
/// </summary>
/// <param name="Left">The left block, or null for an empty column.</param>
/// <param name="Right">The right block, or null for an empty column.</param>
/// <param name="LeftShare">The share of the width (less the gutter) the left column takes.</param>
public sealed record PdfColumns(PdfBlock? Left, PdfBlock? Right, double LeftShare = 0.5)
{
    /// <summary>The space between the columns.</summary>
    public const double Gutter = 18;

    /// <summary>The left column's width for a content width.</summary>
    /// <param name="width">The content width.</param>
    /// <returns>The width.</returns>
    public double LeftWidth(double width) => (width - Gutter) * LeftShare;

    /// <summary>Where the right column starts, from the left edge of the content.</summary>
    /// <param name="width">The content width.</param>
    /// <returns>The offset.</returns>
    public double RightOffset(double width) => LeftWidth(width) + Gutter;

    /// <summary>A row block of two columns, laid out like one block: kept together, kept with the next, spaced as its columns ask.</summary>
    /// <param name="left">The left block, or null.</param>
    /// <param name="right">The right block, or null.</param>
    /// <param name="leftShare">The left column's share of the width.</param>
    /// <param name="rule">A hairline under the row in this colour, or null.</param>
    /// <returns>The row.</returns>
    public static PdfBlock Row(PdfBlock? left, PdfBlock? right, double leftShare = 0.5, XColor? rule = null)
    {
        var row = new PdfBlock
        {
            Columns = new PdfColumns(left, right, leftShare),
            SpaceBefore = Math.Max(left?.SpaceBefore ?? 0, right?.SpaceBefore ?? 0),
            SpaceAfter = rule is null ? Math.Max(left?.SpaceAfter ?? 0, right?.SpaceAfter ?? 0) : 0,
            KeepWithNext = (left ?? right)?.KeepWithNext ?? false,
            KeepTogether = (left ?? right)?.KeepTogether ?? true,
            PageBreakBefore = (left?.PageBreakBefore ?? false) || (right?.PageBreakBefore ?? false),
            Bookmark = Both(left?.Bookmark, right?.Bookmark),
        };
        var count = Math.Max(left?.Lines.Count ?? 0, right?.Lines.Count ?? 0);
        for (var i = 0; i < count; i++)
        {
            var a = left is not null && i < left.Lines.Count ? left.Lines[i] : null;
            var b = right is not null && i < right.Lines.Count ? right.Lines[i] : null;
            row.Lines.Add(new RowLine(Math.Max(a?.Height ?? 0, b?.Height ?? 0), $"{a?.Fingerprint}\t{b?.Fingerprint}"));
        }

        if (rule is { } color && count > 0)
        {
            row.Lines.Add(new SpaceLine(3));
            row.Lines.Add(new RuleLine(5, color, 0.5));
        }

        return row;
    }

    /// <summary>A heading and its translation side by side are one bookmark in both languages, main first, as the running header is.</summary>
    private static PdfBookmark? Both(PdfBookmark? left, PdfBookmark? right) => (left, right) switch
    {
        (null, _) => right,
        (_, null) => left,
        _ when left.Title == right.Title => left,
        _ => left with { Title = $"{left.Title} / {right.Title}" },
    };

    /// <summary>One row of a two-column block: space for both columns' lines, which the painter draws.</summary>
    private sealed class RowLine(double height, string fingerprint) : PdfLine
    {
        public override double Height => height;

        public override string Fingerprint => fingerprint;
    }
}
