namespace FormEngine.Yaml;

/// <summary>A template file's text and the names it is known by.</summary>
/// <param name="FullPath">The absolute path, used to resolve includes and detect cycles; null for text loaded from memory.</param>
/// <param name="DisplayPath">The path as diagnostics show it (relative to where the author started).</param>
/// <param name="Text">The file's content.</param>
internal sealed record SourceFile(string? FullPath, string DisplayPath, string Text)
{
    /// <summary>The SHA-256 of the file's bytes in lower-case hex (of the text's UTF-8 when it came from memory).</summary>
    public string Sha256 { get; init; } = Versions.TemplateHash.OfText(Text);

    private int[]? _lineStarts;

    /// <summary>The 1-based line and column of a 0-based character offset.</summary>
    public (int Line, int Column) PositionOf(int index)
    {
        _lineStarts ??= ComputeLineStarts(Text);
        index = Math.Clamp(index, 0, Text.Length);
        var line = Array.BinarySearch(_lineStarts, index);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return (line + 1, index - _lineStarts[line] + 1);
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }

    /// <summary>The text of a 1-based line, without its line break, for showing the offending line.</summary>
    public string LineText(int line)
    {
        if (line < 1)
        {
            return string.Empty;
        }

        var start = 0;
        for (var current = 1; current < line; current++)
        {
            var next = Text.IndexOf('\n', start);
            if (next < 0)
            {
                return string.Empty;
            }

            start = next + 1;
        }

        var end = Text.IndexOf('\n', start);
        return (end < 0 ? Text[start..] : Text[start..end]).TrimEnd('\r');
    }
}
