namespace FormEngine.Rules.Diagnostics;

/// <summary>Line and column arithmetic on rule text.</summary>
internal static class SourcePosition
{
    /// <summary>The 1-based line and column of a 0-based offset; lines end at <c>\n</c>.</summary>
    public static (int Line, int Column) LineAndColumn(string source, int offset)
    {
        var line = 1;
        var lineStart = 0;
        var end = Math.Min(offset, source.Length);
        for (var i = 0; i < end; i++)
        {
            if (source[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }
}
