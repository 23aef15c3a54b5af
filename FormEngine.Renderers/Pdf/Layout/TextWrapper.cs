using System.Globalization;
using PdfSharp.Drawing;

namespace FormEngine.Renderers.Pdf.Layout;

/// <summary>
/// Breaks text into lines that fit a width: at spaces, keeping the writer's own line breaks, and inside a
/// word only when the word alone is wider than the line (a pasted web address, a run of characters).
/// </summary>
public sealed class TextWrapper
{
    private readonly XGraphics _measure;
    private readonly Dictionary<(XFont Font, string Text), double> _widths = [];

    /// <summary>Creates a wrapper measuring with <paramref name="measure"/>.</summary>
    /// <param name="measure">A graphics context used only to measure.</param>
    public TextWrapper(XGraphics measure) => _measure = measure;

    /// <summary>The width of <paramref name="text"/> in <paramref name="font"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="font">The font.</param>
    /// <returns>The width in points.</returns>
    public double Width(string text, XFont font)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        if (text.Length > 64)
        {
            return Measure(text, font);
        }

        if (!_widths.TryGetValue((font, text), out var width))
        {
            width = Measure(text, font);
            _widths[(font, text)] = width;
        }

        return width;
    }

    /// <summary>
    /// Characters passed to the measuring context so far: the work wrapping does, which tests bound so that
    /// a long answer costs time in proportion to its length.
    /// </summary>
    internal long MeasuredCharacters { get; private set; }

    /// <summary>The lines of <paramref name="text"/>; a blank line of the text stays a blank line.</summary>
    /// <param name="text">The text; <c>\r\n</c>, <c>\r</c> and <c>\n</c> all break lines.</param>
    /// <param name="font">The font.</param>
    /// <param name="width">The width of every line.</param>
    /// <param name="firstLineIndent">Space taken at the start of the first line (by a prefix).</param>
    /// <returns>At least one line.</returns>
    public IReadOnlyList<WrappedLine> Wrap(string text, XFont font, double width, double firstLineIndent = 0)
    {
        var lines = new List<WrappedLine>();
        var paragraphs = text.ReplaceLineEndings("\n").TrimEnd('\n', ' ').Split('\n');
        foreach (var paragraph in paragraphs)
        {
            WrapParagraph(paragraph.TrimEnd(), font, width, lines.Count == 0 ? firstLineIndent : 0, lines);
        }

        return lines;
    }

    private void WrapParagraph(string paragraph, XFont font, double width, double indent, List<WrappedLine> lines)
    {
        var space = Width(" ", font);
        var line = new List<string>();
        var lineWidth = 0.0;
        var available = width - indent;
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            // A word longer than any line is never measured whole: that alone would cost as much as the word is long
            // on every line it fills, and PDFsharp fails on widths of millions of points.
            var wordWidth = WidthUpTo(word, font, width);
            var needed = line.Count == 0 ? wordWidth : lineWidth + space + wordWidth;
            if (needed <= available)
            {
                line.Add(word);
                lineWidth = needed;
                continue;
            }

            if (line.Count > 0 || (available < width && wordWidth <= width))
            {
                // A word that does not fit after a prefix ("Name: ") starts the next line rather than being broken.
                lines.Add(new WrappedLine(string.Join(' ', line), false));
                line.Clear();
                lineWidth = 0;
                available = width;
                if (wordWidth <= available)
                {
                    line.Add(word);
                    lineWidth = wordWidth;
                    continue;
                }
            }

            // Break the word into pieces that each fill a line, walking it once from start to end.
            var start = 0;
            while (true)
            {
                var (end, pieceWidth) = FitPiece(word, start, font, available);
                if (end == word.Length)
                {
                    line.Add(word[start..]);
                    lineWidth = pieceWidth;
                    break;
                }

                lines.Add(new WrappedLine(word[start..end], true));
                start = end;
                available = width;
            }
        }

        lines.Add(new WrappedLine(string.Join(' ', line), false));
    }

    /// <summary>
    /// The width of <paramref name="text"/> if it is at most <paramref name="limit"/>; otherwise some width
    /// above the limit, found by measuring no more of the text than a line holds.
    /// </summary>
    private double WidthUpTo(string text, XFont font, double limit)
    {
        if (text.Length <= 64)
        {
            return Width(text, font);
        }

        var (end, width) = FitPiece(text, 0, font, limit);
        return end == text.Length ? width : limit + 1;
    }

    /// <summary>
    /// Where the piece of <paramref name="word"/> from <paramref name="start"/> that fits in
    /// <paramref name="available"/> ends (at least one character, never inside a surrogate pair or between a
    /// letter and its accent), and its width. Adds up the widths of single characters, which are cached, and
    /// stops where the line is full, so each character of a long word is looked at about once however many
    /// lines it fills; the piece is then measured as a whole, in case the font joins characters more tightly.
    /// </summary>
    private (int End, double Width) FitPiece(string word, int start, XFont font, double available)
    {
        var ends = new List<int>();
        var sum = 0.0;
        var position = start;
        while (position < word.Length)
        {
            var length = StringInfo.GetNextTextElementLength(word.AsSpan(position));
            var element = Width(word.Substring(position, length), font);
            if (ends.Count > 0 && sum + element > available)
            {
                break;
            }

            sum += element;
            position += length;
            ends.Add(position);
        }

        // Per-character widths add up to the whole for PDFsharp's fonts; should a piece measure wider (kerning
        // or shaping elsewhere), give back characters until it fits, keeping at least one.
        var index = ends.Count - 1;
        var measured = Width(word[start..ends[index]], font);
        while (measured > available && index > 0)
        {
            index--;
            measured = Width(word[start..ends[index]], font);
        }

        return (ends[index], measured);
    }

    private double Measure(string text, XFont font)
    {
        MeasuredCharacters += text.Length;
        return _measure.MeasureString(text, font).Width;
    }
}

/// <summary>One line of wrapped text.</summary>
/// <param name="Text">The line's text, without the space it was broken at.</param>
/// <param name="EndsInsideWord">
/// True when the line ends inside a word too long for any line (a pasted link), which goes on at the start of
/// the next line; false when it ends at a space or line break of the text, or is the last line. The painter
/// joins a line to the next with a space in the document's text only when this is false, so a screen reader
/// hears the words that are printed.
/// </param>
public readonly record struct WrappedLine(string Text, bool EndsInsideWord)
{
    /// <summary>The line's text.</summary>
    /// <returns><see cref="Text"/>.</returns>
    public override string ToString() => Text;
}
