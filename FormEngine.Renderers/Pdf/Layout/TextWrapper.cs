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
            return _measure.MeasureString(text, font).Width;
        }

        if (!_widths.TryGetValue((font, text), out var width))
        {
            width = _measure.MeasureString(text, font).Width;
            _widths[(font, text)] = width;
        }

        return width;
    }

    /// <summary>The lines of <paramref name="text"/>; a blank line of the text stays a blank line.</summary>
    /// <param name="text">The text; <c>\r\n</c>, <c>\r</c> and <c>\n</c> all break lines.</param>
    /// <param name="font">The font.</param>
    /// <param name="width">The width of every line.</param>
    /// <param name="firstLineIndent">Space taken at the start of the first line (by a prefix).</param>
    /// <returns>At least one line.</returns>
    public IReadOnlyList<string> Wrap(string text, XFont font, double width, double firstLineIndent = 0)
    {
        var lines = new List<string>();
        var paragraphs = text.ReplaceLineEndings("\n").TrimEnd('\n', ' ').Split('\n');
        foreach (var paragraph in paragraphs)
        {
            WrapParagraph(paragraph.TrimEnd(), font, width, lines.Count == 0 ? firstLineIndent : 0, lines);
        }

        return lines;
    }

    private void WrapParagraph(string paragraph, XFont font, double width, double indent, List<string> lines)
    {
        var space = Width(" ", font);
        var line = new List<string>();
        var lineWidth = 0.0;
        var available = width - indent;
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var wordWidth = Width(word, font);
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
                lines.Add(string.Join(' ', line));
                line.Clear();
                lineWidth = 0;
                available = width;
            }

            var rest = word;
            while (Width(rest, font) > available)
            {
                var fit = FitCharacters(rest, font, available);
                lines.Add(rest[..fit]);
                rest = rest[fit..];
                available = width;
            }

            line.Add(rest);
            lineWidth = Width(rest, font);
        }

        lines.Add(string.Join(' ', line));
    }

    /// <summary>How many leading characters of <paramref name="word"/> fit (at least one, never splitting a surrogate pair).</summary>
    private int FitCharacters(string word, XFont font, double available)
    {
        int low = 1, high = word.Length - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (_measure.MeasureString(word[..middle], font).Width <= available)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        if (low < word.Length && char.IsLowSurrogate(word[low]) && low > 1)
        {
            low--;
        }

        return low;
    }
}
