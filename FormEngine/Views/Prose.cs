namespace FormEngine.Views;

/// <summary>
/// How an author's text divides into paragraphs, decided once for every output. A YAML block (<c>|</c>) keeps
/// the author's line breaks, but those are where the author's editor wrapped, not where the reader's page
/// should: a single line break is a space, and a blank line (or several) starts a new paragraph.
/// </summary>
public static class Prose
{
    /// <summary>
    /// <paramref name="text"/> on one line: its lines joined by single spaces, each trimmed, blank ones dropped. For
    /// a label, heading, answer or message set where a line break has no place.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>One line.</returns>
    public static string OneLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.AsSpan().IndexOfAny('\r', '\n') < 0 && text.Trim().Length == text.Length
            ? text
            : string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>The paragraphs of <paramref name="text"/>, each on one line, none empty.</summary>
    /// <param name="text">The text; <c>\r\n</c>, <c>\r</c> and <c>\n</c> all break lines.</param>
    /// <returns>The paragraphs in order; none for null or blank text.</returns>
    public static IReadOnlyList<string> Paragraphs(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var paragraphs = new List<string>();
        var lines = new List<string>();
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0)
            {
                lines.Add(trimmed);
            }
            else if (lines.Count > 0)
            {
                paragraphs.Add(string.Join(' ', lines));
                lines.Clear();
            }
        }

        if (lines.Count > 0)
        {
            paragraphs.Add(string.Join(' ', lines));
        }

        return paragraphs;
    }
}
