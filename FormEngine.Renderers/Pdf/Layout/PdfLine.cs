using PdfSharp.Drawing;

namespace FormEngine.Renderers.Pdf.Layout;

/// <summary>
/// The smallest unit of layout: a slice of a block that a page break may fall after. Lines draw in two
/// passes, so decoration (boxes, rules) is marked as an artifact and only text enters the tagged structure.
/// </summary>
public abstract class PdfLine
{
    /// <summary>The height the line takes.</summary>
    public abstract double Height { get; }

    /// <summary>The structure element the line's text belongs to, or null when it draws no text.</summary>
    public virtual PdfTagGroup? Tag => null;

    /// <summary>Draws boxes, rules and other decoration (an artifact for screen readers).</summary>
    /// <param name="graphics">The page.</param>
    /// <param name="x">Left edge of the content area.</param>
    /// <param name="y">Top of the line.</param>
    /// <param name="width">Width of the content area.</param>
    public virtual void DrawDecoration(XGraphics graphics, double x, double y, double width)
    {
    }

    /// <summary>Draws the line's text (inside its <see cref="Tag"/> element).</summary>
    /// <param name="graphics">The page.</param>
    /// <param name="x">Left edge of the content area.</param>
    /// <param name="y">Top of the line.</param>
    /// <param name="width">Width of the content area.</param>
    /// <param name="continues">
    /// True when the next line with text belongs to the same structure element. A screen reader reads an
    /// element's text as one string, with nothing between lines, so a line that ends between words must then
    /// end with a space ("a disability", not "adisability"); one that ends inside a broken word must not.
    /// </param>
    public virtual void DrawText(XGraphics graphics, double x, double y, double width, bool continues)
    {
    }

    /// <summary>The text a reader would see, for the document's content fingerprint.</summary>
    public virtual string Fingerprint => string.Empty;
}

/// <summary>Empty space.</summary>
/// <param name="height">The height.</param>
public sealed class SpaceLine(double height) : PdfLine
{
    /// <inheritdoc/>
    public override double Height => height;
}

/// <summary>One line of text, optionally led by a prefix in another font ("Urgent" before a flag).</summary>
public sealed class TextLine : PdfLine
{
    private readonly PdfTagGroup _tag;

    /// <summary>Creates the line.</summary>
    /// <param name="text">The text, already wrapped to fit.</param>
    /// <param name="font">The font.</param>
    /// <param name="color">The colour.</param>
    /// <param name="tag">The structure element it belongs to.</param>
    /// <param name="indent">Space before the text.</param>
    /// <param name="leading">Line height as a multiple of the font size.</param>
    public TextLine(string text, XFont font, XColor color, PdfTagGroup tag, double indent = 0, double leading = 1.45)
    {
        Text = text;
        Font = font;
        Color = color;
        _tag = tag;
        Indent = indent;
        Height = font.Size * leading;
    }

    /// <summary>The text.</summary>
    public string Text { get; }

    /// <summary>The font.</summary>
    public XFont Font { get; }

    /// <summary>The colour.</summary>
    public XColor Color { get; }

    /// <summary>Space before the text.</summary>
    public double Indent { get; }

    /// <summary>True when the line ends inside a word broken to fit (see <see cref="WrappedLine.EndsInsideWord"/>): no space joins it to the next line.</summary>
    public bool EndsInsideWord { get; init; }

    /// <summary>Text drawn before <see cref="Text"/>, or null.</summary>
    public (string Text, XFont Font, XColor Color, double Width)? Prefix { get; init; }

    /// <inheritdoc/>
    public override double Height { get; }

    /// <inheritdoc/>
    public override PdfTagGroup Tag => _tag;

    /// <inheritdoc/>
    public override string Fingerprint => (Prefix?.Text ?? string.Empty) + Text;

    /// <inheritdoc/>
    public override void DrawText(XGraphics graphics, double x, double y, double width, bool continues)
    {
        var top = y + ((Height - (Font.Size * 1.2)) / 2);
        var left = x + Indent;
        if (Prefix is { } prefix)
        {
            graphics.DrawString(prefix.Text, prefix.Font, new XSolidBrush(prefix.Color), left, top, XStringFormats.TopLeft);
            left += prefix.Width;
        }

        // The word space hangs after the last glyph: invisible on paper, and it keeps the element's text in words.
        var text = continues && !EndsInsideWord ? Text + " " : Text;
        if (text.Length > 0)
        {
            graphics.DrawString(text, Font, new XSolidBrush(Color), left, top, XStringFormats.TopLeft);
        }
    }
}

/// <summary>A horizontal rule across the content width.</summary>
/// <param name="height">The space the rule takes; the rule sits at its middle.</param>
/// <param name="color">The colour.</param>
/// <param name="thickness">The thickness.</param>
public sealed class RuleLine(double height, XColor color, double thickness = 0.75) : PdfLine
{
    /// <inheritdoc/>
    public override double Height => height;

    /// <inheritdoc/>
    public override void DrawDecoration(XGraphics graphics, double x, double y, double width) =>
        graphics.DrawLine(new XPen(color, thickness), x, y + (height / 2), x + width, y + (height / 2));
}

/// <summary>An empty box to write an answer in.</summary>
/// <param name="boxHeight">The box's height.</param>
/// <param name="boxWidth">The box's width, or null for the full width.</param>
/// <param name="color">The border colour.</param>
public sealed class AnswerBoxLine(double boxHeight, double? boxWidth, XColor color) : PdfLine
{
    /// <inheritdoc/>
    public override double Height => boxHeight + 4;

    /// <inheritdoc/>
    public override void DrawDecoration(XGraphics graphics, double x, double y, double width) =>
        graphics.DrawRectangle(new XPen(color, 0.9), x, y + 2, boxWidth ?? width, boxHeight);
}

/// <summary>Boxes for a date written by hand: day, month and year, one box a digit.</summary>
/// <param name="color">The border colour.</param>
/// <param name="hintFont">The font of the faint letters in the boxes.</param>
/// <param name="hintColor">Their colour.</param>
/// <param name="parts">The letters in the boxes, e.g. DD, MM, YYYY (in Welsh DD, MM, BBBB).</param>
public sealed class DateBoxesLine(XColor color, XFont hintFont, XColor hintColor, IReadOnlyList<string> parts) : PdfLine
{
    private const double Box = 17;

    /// <inheritdoc/>
    public override double Height => Box + 6;

    /// <inheritdoc/>
    public override void DrawDecoration(XGraphics graphics, double x, double y, double width)
    {
        var pen = new XPen(color, 0.9);
        var hint = new XSolidBrush(hintColor);
        var left = x;
        var top = y + 3;
        foreach (var part in parts)
        {
            if (left > x)
            {
                graphics.DrawString("/", hintFont, new XSolidBrush(color), new XRect(left, top, 10, Box), XStringFormats.Center);
                left += 10;
            }

            foreach (var letter in part)
            {
                graphics.DrawRectangle(pen, left, top, Box, Box);
                graphics.DrawString(letter.ToString(), hintFont, hint, new XRect(left, top, Box, Box), XStringFormats.Center);
                left += Box + 2;
            }
        }
    }
}

/// <summary>An option of a choice on paper: an empty square to tick, then the option's text.</summary>
public sealed class ChoiceLine : PdfLine
{
    private const double Square = 10;
    private readonly TextLine _text;
    private readonly XColor _border;
    private readonly bool _first;

    /// <summary>Creates the line.</summary>
    /// <param name="text">One wrapped line of the option's text.</param>
    /// <param name="first">True for the option's first line, which carries the square.</param>
    /// <param name="border">The square's colour.</param>
    public ChoiceLine(TextLine text, bool first, XColor border)
    {
        _text = text;
        _first = first;
        _border = border;
    }

    /// <summary>Room the square takes before the text.</summary>
    public const double Indent = Square + 8;

    /// <inheritdoc/>
    public override double Height => _text.Height + (_first ? 2 : 0);

    /// <inheritdoc/>
    public override PdfTagGroup Tag => _text.Tag;

    /// <inheritdoc/>
    public override string Fingerprint => _text.Fingerprint;

    /// <inheritdoc/>
    public override void DrawDecoration(XGraphics graphics, double x, double y, double width)
    {
        if (_first)
        {
            graphics.DrawRectangle(new XPen(_border, 0.9), x + 1, y + 2 + ((_text.Height - Square) / 2), Square, Square);
        }
    }

    /// <inheritdoc/>
    public override void DrawText(XGraphics graphics, double x, double y, double width, bool continues) =>
        _text.DrawText(graphics, x + Indent, y + (_first ? 2 : 0), width - Indent, continues);
}

/// <summary>
/// An answer withheld from the reader: its placeholder ("Information withheld: third-party information") in
/// italic on a light panel with a thin border, in place of the answer or of the space to write one.
/// </summary>
public sealed class WithheldLine : PdfLine
{
    private const double Padding = 4;
    private readonly IReadOnlyList<WrappedLine> _lines;
    private readonly XFont _font;
    private readonly XColor _color;
    private readonly XColor _border;
    private readonly PdfTagGroup _tag;

    /// <summary>Creates the line.</summary>
    /// <param name="lines">The placeholder, already wrapped to the panel's inner width.</param>
    /// <param name="font">The font.</param>
    /// <param name="color">The text colour.</param>
    /// <param name="border">The panel's border colour (its fill is a tint of it).</param>
    /// <param name="tag">The structure element it belongs to.</param>
    public WithheldLine(IReadOnlyList<WrappedLine> lines, XFont font, XColor color, XColor border, PdfTagGroup tag)
    {
        _lines = lines;
        _font = font;
        _color = color;
        _border = border;
        _tag = tag;
    }

    private double LineHeight => _font.Size * 1.45;

    /// <inheritdoc/>
    public override double Height => (_lines.Count * LineHeight) + (2 * Padding) + 4;

    /// <inheritdoc/>
    public override PdfTagGroup Tag => _tag;

    /// <inheritdoc/>
    public override string Fingerprint => string.Join(' ', _lines.Select(line => line.Text));

    /// <inheritdoc/>
    public override void DrawDecoration(XGraphics graphics, double x, double y, double width)
    {
        var fill = XColor.FromArgb(0xf3, 0xf2, 0xf1);
        graphics.DrawRectangle(new XPen(_border, 0.6), new XSolidBrush(fill), x, y + 2, width, Height - 4);
    }

    /// <inheritdoc/>
    public override void DrawText(XGraphics graphics, double x, double y, double width, bool continues)
    {
        var top = y + 2 + Padding;
        for (var i = 0; i < _lines.Count; i++)
        {
            // As in TextLine: a space between lines that break between words, so the text reads as words.
            var line = _lines[i];
            var spaced = (i < _lines.Count - 1 || continues) && !line.EndsInsideWord;
            graphics.DrawString(spaced ? line.Text + " " : line.Text, _font, new XSolidBrush(_color), x + PdfPanel.Inset, top + ((LineHeight - (_font.Size * 1.2)) / 2), XStringFormats.TopLeft);
            top += LineHeight;
        }
    }
}
