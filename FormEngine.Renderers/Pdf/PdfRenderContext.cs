using FormEngine.Renderers.Pdf.Layout;
using FormEngine.Views;
using PdfSharp.Drawing;

namespace FormEngine.Renderers.Pdf;

/// <summary>
/// A PDF rendering under way: the form, the options, the theme, the element renderers, and the blocks laid
/// out so far. Element renderers add blocks through its helpers; the renderer paginates and paints them.
/// </summary>
public sealed class PdfRenderContext : RenderContext<PdfRenderContext>
{
    private readonly List<PdfBlock> _blocks = [];
    private string _pairPath = "front";
    private int _pairCount;
    private bool _breakBeforeNext;

    internal PdfRenderContext(FormView form, RenderOptions options, PdfTheme theme, TextWrapper wrapper, ElementRenderers<PdfRenderContext> elements, double? contentWidth = null)
        : base(form, options, elements)
    {
        Theme = theme;
        Wrapper = wrapper;
        ContentWidth = contentWidth ?? theme.ContentWidth;
    }

    /// <summary>
    /// The width text wraps to: the theme's content width, or one column of it when the document sets two
    /// languages side by side. Element renderers wrap and size to this, not to <see cref="PdfTheme.ContentWidth"/>.
    /// </summary>
    public double ContentWidth { get; }

    /// <summary>Fonts, colours and page geometry.</summary>
    public PdfTheme Theme { get; }

    /// <summary>Measures and wraps text.</summary>
    public TextWrapper Wrapper { get; }

    /// <summary>The blocks laid out so far, in reading order.</summary>
    public IReadOnlyList<PdfBlock> Blocks => _blocks;

    /// <inheritdoc/>
    protected override void RenderIncluded(FormElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        // Blocks are keyed by the element that wrote them, for pairing a bilingual document's translations.
        var (path, count) = (_pairPath, _pairCount);
        (_pairPath, _pairCount) = (element.Path, 0);
        base.RenderIncluded(element);
        (_pairPath, _pairCount) = (path, count + 1);
    }

    /// <summary>Adds a block of your own making.</summary>
    /// <param name="block">The block.</param>
    public void Add(PdfBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        // Which element wrote the block, and its how-manieth block: the same in every language of one session,
        // so a bilingual document can pair each block with its translation.
        block.PairKey = $"{_pairPath}#{_pairCount++}";
        if (_breakBeforeNext)
        {
            block.PageBreakBefore = true;
            _breakBeforeNext = false;
        }

        _blocks.Add(block);
    }

    /// <summary>Starts the next block added on a new page.</summary>
    public void BreakBeforeNext() => _breakBeforeNext = true;

    /// <summary>Starts a part of the document that has no element of its own (the case summary), for pairing blocks.</summary>
    /// <param name="name">The part's name.</param>
    internal void BeginPart(string name) => (_pairPath, _pairCount) = (name, 0);

    /// <summary>
    /// Adds a heading, kept on the page with what follows it; level 2 headings get a rule beneath. Headings of
    /// levels 1 to 3 are also the document's bookmarks.
    /// </summary>
    /// <param name="level">1 (the title) to 6.</param>
    /// <param name="text">The heading.</param>
    public void Heading(int level, string text)
    {
        var font = level switch
        {
            1 => Theme.Title,
            2 => Theme.Section,
            3 => Theme.Subsection,
            _ => Theme.Item,
        };
        var block = new PdfBlock
        {
            KeepWithNext = true,
            SpaceBefore = level switch { 1 => 0, 2 => 16, 3 => 10, _ => 6 },
            SpaceAfter = level == 2 ? 8 : 4,
            Bookmark = new PdfBookmark(level, Prose.OneLine(text)),
        };
        AppendText(block, Prose.OneLine(text), font, level <= 2 ? Theme.Accent : Theme.Ink, PdfTagGroup.Heading(level), leading: 1.3);
        if (level == 2)
        {
            block.Lines.Add(new RuleLine(5, Theme.Accent, 1));
        }

        Add(block);
    }

    /// <summary>Adds a paragraph of body text.</summary>
    /// <param name="text">The text; line breaks are kept.</param>
    /// <param name="font">The font, or null for body text.</param>
    /// <param name="color">The colour, or null for ink.</param>
    public void Paragraph(string text, XFont? font = null, XColor? color = null)
    {
        var block = new PdfBlock();
        AppendText(block, text, font ?? Theme.Body, color ?? Theme.Ink, PdfTagGroup.Paragraph());
        Add(block);
    }

    /// <summary>Adds text in a tinted panel with a coloured bar: guidance, routing, reasons, errors.</summary>
    /// <param name="text">The text.</param>
    /// <param name="bar">The bar's colour (the panel is a light tint of it).</param>
    /// <param name="font">The font, or null for notes.</param>
    public void Notice(string text, XColor bar, XFont? font = null)
    {
        var block = new PdfBlock { Panel = new PdfPanel(bar, PdfTheme.Tint(bar)) };
        block.Lines.Add(new SpaceLine(4));
        AppendText(block, text, font ?? Theme.Note, Theme.Ink, PdfTagGroup.Paragraph(), PdfPanel.Inset);
        block.Lines.Add(new SpaceLine(4));
        Add(block);
    }

    /// <summary>
    /// Appends the placeholder of an answer withheld from this audience ("Information withheld: …") as a
    /// notice inside <paramref name="block"/>: italic, on a light panel line of its own.
    /// </summary>
    /// <param name="block">The block.</param>
    /// <param name="placeholder">The placeholder text.</param>
    public void AppendWithheld(PdfBlock block, string placeholder)
    {
        ArgumentNullException.ThrowIfNull(block);
        var lines = Wrapper.Wrap(Prose.OneLine(placeholder), Theme.Note, ContentWidth - (2 * PdfPanel.Inset));
        block.Lines.Add(new WithheldLine(lines, Theme.Note, Theme.Muted, Theme.Hairline, PdfTagGroup.Paragraph()));
    }

    /// <summary>Appends wrapped text to a block as one structure element (one paragraph or heading).</summary>
    /// <param name="block">The block.</param>
    /// <param name="text">The text; line breaks are kept.</param>
    /// <param name="font">The font.</param>
    /// <param name="color">The colour.</param>
    /// <param name="tag">The structure element; null for a new paragraph.</param>
    /// <param name="indent">Space before every line.</param>
    /// <param name="leading">Line height as a multiple of the font size.</param>
    /// <param name="width">The width to wrap to, or null for <see cref="ContentWidth"/> (for a block set in a column).</param>
    /// <returns>The structure element used.</returns>
    public PdfTagGroup AppendText(PdfBlock block, string text, XFont font, XColor color, PdfTagGroup? tag = null, double indent = 0, double leading = 1.45, double? width = null)
    {
        ArgumentNullException.ThrowIfNull(block);
        tag ??= PdfTagGroup.Paragraph();
        var indentWidth = block.Panel is null ? indent : Math.Max(indent, PdfPanel.Inset);
        foreach (var line in Wrapper.Wrap(text, font, (width ?? ContentWidth) - indentWidth - (block.Panel is null ? 0 : 6)))
        {
            block.Lines.Add(new TextLine(line.Text, font, color, tag, indentWidth, leading) { EndsInsideWord = line.EndsInsideWord });
        }

        return tag;
    }

    /// <summary>
    /// Appends text led by a prefix in another font, e.g. a flag's severity before its message. A prefix wider
    /// than the column (a long label set in one language's column) wraps onto lines of its own first.
    /// </summary>
    /// <param name="block">The block.</param>
    /// <param name="prefix">The prefix, including any trailing space.</param>
    /// <param name="prefixFont">The prefix's font.</param>
    /// <param name="prefixColor">The prefix's colour.</param>
    /// <param name="text">The text.</param>
    /// <param name="font">The text's font.</param>
    /// <param name="color">The text's colour.</param>
    public void AppendPrefixedText(PdfBlock block, string prefix, XFont prefixFont, XColor prefixColor, string text, XFont font, XColor color)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(prefix);
        var tag = PdfTagGroup.Paragraph();
        var indent = block.Panel is null ? 0 : PdfPanel.Inset;
        var available = ContentWidth - indent - 6;
        var prefixWidth = Wrapper.Width(prefix, prefixFont);
        if (prefixWidth > available)
        {
            var prefixLines = Wrapper.Wrap(prefix, prefixFont, available);
            foreach (var line in prefixLines.Take(prefixLines.Count - 1))
            {
                block.Lines.Add(new TextLine(line.Text, prefixFont, prefixColor, tag, indent) { EndsInsideWord = line.EndsInsideWord });
            }

            prefix = prefixLines[^1].Text + (prefix.EndsWith(' ') ? " " : string.Empty);
            prefixWidth = Wrapper.Width(prefix, prefixFont);
        }

        var lines = Wrapper.Wrap(text, font, available, prefixWidth);
        for (var i = 0; i < lines.Count; i++)
        {
            block.Lines.Add(new TextLine(lines[i].Text, font, color, tag, indent)
            {
                EndsInsideWord = lines[i].EndsInsideWord,
                Prefix = i == 0 ? (prefix, prefixFont, prefixColor, prefixWidth) : null,
            });
        }
    }
}
