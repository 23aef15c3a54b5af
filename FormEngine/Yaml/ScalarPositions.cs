namespace FormEngine.Yaml;

/// <summary>
/// Maps a character of a scalar's value back to its line and column in the file, so an error inside a
/// rule points at the exact character of the YAML, whether the rule was written plain, quoted, folded or
/// as a block. The value's characters are matched in order against the raw text, skipping what YAML
/// removed (quotes, escapes, line breaks and indentation); if the match runs off the end of the scalar,
/// the start of the scalar is the honest fallback.
/// </summary>
internal static class ScalarPositions
{
    public static (int Line, int Column) Map(YamlScalar scalar, int offset)
    {
        var text = scalar.File.Text;
        var rawEnd = Math.Min(Math.Max(scalar.EndIndex, scalar.StartIndex), text.Length);
        var value = scalar.Value;
        var raw = scalar.StartIndex;
        offset = Math.Clamp(offset, 0, value.Length);

        for (var i = 0; i <= offset && i < value.Length; i++)
        {
            while (raw < rawEnd && !Matches(value[i], text[raw]))
            {
                raw++;
            }

            if (raw >= rawEnd)
            {
                return (scalar.Line, scalar.Column);
            }

            if (i == offset)
            {
                return scalar.File.PositionOf(raw);
            }

            raw++;
        }

        // The offset is just past the last character (an error at the end of the rule).
        return scalar.File.PositionOf(Math.Min(raw, rawEnd));
    }

    /// <summary>A folded line break reads as a space in the value but is a line break in the file.</summary>
    private static bool Matches(char valueChar, char rawChar) =>
        valueChar == rawChar || (valueChar == ' ' && rawChar is '\n' or '\r');
}
