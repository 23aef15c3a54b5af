namespace FormEngine.Yaml;

/// <summary>
/// Maps a character of a scalar's value back to its line and column in the file, so an error inside a
/// rule points at the exact character of the YAML, whether the rule was written plain, quoted or as a
/// block. Each line of the value is found in the raw text in turn; where escapes make that impossible
/// the start of the scalar is the honest fallback.
/// </summary>
internal static class ScalarPositions
{
    public static (int Line, int Column) Map(YamlScalar scalar, int offset)
    {
        var file = scalar.File;
        var rawEnd = Math.Min(scalar.EndIndex, file.Text.Length);
        var lines = scalar.Value.Split('\n');
        var searchFrom = scalar.StartIndex;
        var remaining = Math.Max(0, offset);

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var found = line.Length == 0 ? -1 : file.Text.IndexOf(line, searchFrom, Math.Max(0, rawEnd - searchFrom), StringComparison.Ordinal);
            if (remaining <= line.Length)
            {
                return found >= 0
                    ? file.PositionOf(found + remaining)
                    : (scalar.Line, scalar.Column);
            }

            remaining -= line.Length + 1;
            if (found >= 0)
            {
                searchFrom = found + line.Length;
            }
        }

        return (scalar.Line, scalar.Column);
    }
}
