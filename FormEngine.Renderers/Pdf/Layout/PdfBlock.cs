using PdfSharp.Drawing;

namespace FormEngine.Renderers.Pdf.Layout;

/// <summary>
/// A unit the paginator places: a heading, a question with its answer, a note. Blocks stay whole on a page
/// when they fit; a block taller than a page splits between its lines.
/// </summary>
public sealed class PdfBlock
{
    /// <summary>The block's lines, top to bottom.</summary>
    public List<PdfLine> Lines { get; } = [];

    /// <summary>Space above the block (dropped at the top of a page).</summary>
    public double SpaceBefore { get; init; }

    /// <summary>Space below the block.</summary>
    public double SpaceAfter { get; init; } = 8;

    /// <summary>Keep on the same page as the start of the next block (headings).</summary>
    public bool KeepWithNext { get; init; }

    /// <summary>Move the whole block to the next page rather than split it, when it fits on one page.</summary>
    public bool KeepTogether { get; init; } = true;

    /// <summary>A tinted panel with a coloured bar on the left drawn behind the block, or null.</summary>
    public PdfPanel? Panel { get; init; }

    /// <summary>Start a new page before this block (the detail after the case summary, the second language of a bilingual document).</summary>
    public bool PageBreakBefore { get; set; }

    /// <summary>
    /// Blocks drawn next to each other (a key fact's label and answer; a block and its translation in a
    /// bilingual document; the cells of a table row), or null. The block's own <see cref="Lines"/> are then rows, see <see cref="PdfColumns.Of"/>.
    /// </summary>
    public PdfColumns? Columns { get; init; }

    /// <summary>
    /// For a row of a table: the table's header row, which the paginator prints again (as an artifact, so it is
    /// read once) at the top of a page this row starts or continues on; null otherwise.
    /// </summary>
    public PdfBlock? RepeatHeader { get; set; }

    /// <summary>An entry for the document's bookmarks (outline) pointing at the top of this block, or null.</summary>
    public PdfBookmark? Bookmark { get; init; }

    /// <summary>The language of the block's text when it differs from the document's (set on its structure elements), or null.</summary>
    public string? Language { get; set; }

    /// <summary>Which element wrote the block, and its how-manieth block; set by <see cref="PdfRenderContext.Add"/>.</summary>
    public string PairKey { get; internal set; } = string.Empty;

    /// <summary>The height of all lines.</summary>
    public double Height => Lines.Sum(l => l.Height);
}

/// <summary>A tinted background with a coloured bar at its left edge, marking a note, flag or error.</summary>
/// <param name="Bar">The bar's colour.</param>
/// <param name="Fill">The background colour, or null for none.</param>
public sealed record PdfPanel(XColor Bar, XColor? Fill)
{
    /// <summary>The horizontal room the panel needs: text inside starts this far in.</summary>
    public const double Inset = 12;
}

/// <summary>A bookmark (outline entry) for a heading: the viewer's sidebar lists it and jumps to its block.</summary>
/// <param name="Level">The heading level: 1 is the title, 2 a section, 3 a part of one; deeper levels are not listed.</param>
/// <param name="Title">What the sidebar shows.</param>
public sealed record PdfBookmark(int Level, string Title);
