using PdfSharp.UniversalAccessibility;

namespace FormEngine.Renderers.Pdf.Layout;

/// <summary>
/// One structure element of the tagged PDF (a heading, a paragraph, a table cell). Consecutive lines that share
/// a group (by reference) are tagged as one element; a group split by a page break becomes one element per page.
/// A group inside another (a cell in its row, a row in its table) names it as <see cref="Parent"/>: the painter
/// keeps the parent open for as long as lines of its children follow, across blocks and pages.
/// </summary>
public sealed class PdfTagGroup
{
    private PdfTagGroup(PdfBlockLevelElementTag tag, PdfTagGroup? parent = null, string? scope = null, string? key = null)
    {
        Tag = tag;
        Parent = parent;
        Scope = scope;
        Key = key;
    }

    /// <summary>The element's structure type.</summary>
    public PdfBlockLevelElementTag Tag { get; }

    /// <summary>The element this one is part of (a cell's row, a row's table), or null for an element of the document itself.</summary>
    public PdfTagGroup? Parent { get; }

    /// <summary>For a header cell, what it heads: <c>Row</c> or <c>Column</c> (the table attribute <c>/Scope</c>); otherwise null.</summary>
    public string? Scope { get; }

    /// <summary>
    /// For a table, what makes two groups one element: a table and its translation set side by side are written
    /// as separate groups, one per column, but are one table whose rows alternate between the languages.
    /// </summary>
    public string? Key { get; }

    /// <summary>True when <paramref name="other"/> is the same element: the same group, or a table with the same <see cref="Key"/>.</summary>
    /// <param name="other">The other group.</param>
    /// <returns>Whether they are one element.</returns>
    public bool SameElement(PdfTagGroup? other) =>
        ReferenceEquals(this, other) || (other is not null && Key is not null && Key == other.Key && Tag == other.Tag);

    /// <summary>A new paragraph.</summary>
    /// <returns>The group.</returns>
    public static PdfTagGroup Paragraph() => new(PdfBlockLevelElementTag.Paragraph);

    /// <summary>A new table.</summary>
    /// <param name="key">What the table is (e.g. the element's path): a table with the same key in the other column of a bilingual page is the same table.</param>
    /// <returns>The group.</returns>
    public static PdfTagGroup Table(string key) => new(PdfBlockLevelElementTag.Table, key: key);

    /// <summary>A new row of <paramref name="table"/>.</summary>
    /// <param name="table">The table.</param>
    /// <returns>The group.</returns>
    public static PdfTagGroup TableRow(PdfTagGroup table) => new(PdfBlockLevelElementTag.TableRow, table);

    /// <summary>A header cell of <paramref name="row"/>.</summary>
    /// <param name="row">The row.</param>
    /// <param name="scope"><c>Column</c> for a header row's cell, <c>Row</c> for the first cell of a row that names it.</param>
    /// <returns>The group.</returns>
    public static PdfTagGroup HeaderCell(PdfTagGroup row, string scope) => new(PdfBlockLevelElementTag.TableHeaderCell, row, scope);

    /// <summary>A data cell of <paramref name="row"/>.</summary>
    /// <param name="row">The row.</param>
    /// <returns>The group.</returns>
    public static PdfTagGroup DataCell(PdfTagGroup row) => new(PdfBlockLevelElementTag.TableDataCell, row);

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

    /// <summary>This group and the groups around it, outermost first.</summary>
    internal List<PdfTagGroup> Chain()
    {
        var chain = new List<PdfTagGroup>();
        for (var group = this; group is not null; group = group.Parent)
        {
            chain.Insert(0, group);
        }

        return chain;
    }
}
