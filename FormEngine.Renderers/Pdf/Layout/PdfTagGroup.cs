using PdfSharp.UniversalAccessibility;

namespace FormEngine.Renderers.Pdf.Layout;

/// <summary>
/// One structure element of the tagged PDF (a heading, a paragraph). Consecutive lines that share a group
/// (by reference) are tagged as one element; a group split by a page break becomes one element per page.
/// </summary>
public sealed class PdfTagGroup
{
    private PdfTagGroup(PdfBlockLevelElementTag tag) => Tag = tag;

    /// <summary>The element's structure type.</summary>
    public PdfBlockLevelElementTag Tag { get; }

    /// <summary>A new paragraph.</summary>
    /// <returns>The group.</returns>
    public static PdfTagGroup Paragraph() => new(PdfBlockLevelElementTag.Paragraph);

    /// <summary>A new heading; levels beyond 6 are tagged as level 6.</summary>
    /// <param name="level">1 (the title) to 6.</param>
    /// <returns>The group.</returns>
    public static PdfTagGroup Heading(int level) => new(Math.Clamp(level, 1, 6) switch
    {
        1 => PdfBlockLevelElementTag.Heading1,
        2 => PdfBlockLevelElementTag.Heading2,
        3 => PdfBlockLevelElementTag.Heading3,
        4 => PdfBlockLevelElementTag.Heading4,
        5 => PdfBlockLevelElementTag.Heading5,
        _ => PdfBlockLevelElementTag.Heading6,
    });
}
