namespace FormEngine.Renderers.Pdf.Layout;

/// <summary>Where a run of a block's lines is drawn: on which page, from which line to which, at what height.</summary>
/// <param name="Block">The block.</param>
/// <param name="From">The first line.</param>
/// <param name="To">One past the last line.</param>
/// <param name="Top">The top of the first line, measured from the top of the content area.</param>
/// <param name="Repeated">True for a table's header row printed again at the top of a later page: drawn as an artifact, so it is read once.</param>
public sealed record PdfPlacement(PdfBlock Block, int From, int To, double Top, bool Repeated = false);

/// <summary>
/// Places blocks on pages: a block that fits stays whole, headings stay with what follows them, and a
/// block taller than a page splits line by line. Pure arithmetic on heights, so it runs before anything is
/// drawn and the page count is known for "Page n of m".
/// </summary>
public static class Paginator
{
    /// <summary>Lays out <paramref name="blocks"/> on pages of content height <paramref name="pageHeight"/>.</summary>
    /// <param name="blocks">The blocks in reading order.</param>
    /// <param name="pageHeight">The height available for content on every page.</param>
    /// <returns>The placements of each page; at least one page.</returns>
    public static IReadOnlyList<IReadOnlyList<PdfPlacement>> Paginate(IReadOnlyList<PdfBlock> blocks, double pageHeight)
    {
        var pages = new List<IReadOnlyList<PdfPlacement>>();
        var page = new List<PdfPlacement>();
        var y = 0.0;

        // A table row that starts or continues a page has its table's header row above it again.
        void NewPage(PdfBlock? continuing)
        {
            pages.Add(page);
            page = [];
            y = 0;
            if (continuing?.RepeatHeader is { } header && header.Height < pageHeight / 2)
            {
                page.Add(new PdfPlacement(header, 0, header.Lines.Count, 0, Repeated: true));
                y = header.Height;
            }
        }

        for (var index = 0; index < blocks.Count; index++)
        {
            var block = blocks[index];
            if (block.Lines.Count == 0)
            {
                continue;
            }

            var before = page.Count == 0 ? 0 : block.SpaceBefore;
            var height = block.Height;
            var wanted = block.KeepTogether && height <= pageHeight ? height : block.Lines[0].Height;
            if (block.KeepWithNext)
            {
                wanted = Math.Min(pageHeight, height + block.SpaceAfter + FollowingHeight(blocks, index + 1, pageHeight));
            }

            if (page.Count > 0 && (block.PageBreakBefore || y + before + wanted > pageHeight))
            {
                NewPage(block);
                before = 0;
            }

            y += before;
            var from = 0;
            var top = y;
            for (var line = 0; line < block.Lines.Count; line++)
            {
                var lineHeight = block.Lines[line].Height;
                if (y + lineHeight > pageHeight && (line > from || page.Count > 0))
                {
                    if (line > from)
                    {
                        page.Add(new PdfPlacement(block, from, line, top));
                    }

                    NewPage(block);
                    from = line;
                    top = y;
                }

                y += lineHeight;
            }

            page.Add(new PdfPlacement(block, from, block.Lines.Count, top));
            y += block.SpaceAfter;
        }

        pages.Add(page);
        return pages;
    }

    /// <summary>What must share the page with a heading: the following headings and the first block (or its first line if it will split anyway).</summary>
    private static double FollowingHeight(IReadOnlyList<PdfBlock> blocks, int index, double pageHeight)
    {
        var total = 0.0;
        for (; index < blocks.Count; index++)
        {
            var block = blocks[index];
            if (block.Lines.Count == 0)
            {
                continue;
            }

            var fits = block.KeepTogether && block.Height <= pageHeight;
            total += block.SpaceBefore + (fits ? block.Height : block.Lines[0].Height);
            if (!block.KeepWithNext)
            {
                break;
            }

            total += block.SpaceAfter;
        }

        return total;
    }
}
