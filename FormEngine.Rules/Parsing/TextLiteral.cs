using System.Text;

namespace FormEngine.Rules.Parsing;

/// <summary>
/// Quoted text: single or double quotes with backslash escapes. The tokenizer only finds where the
/// text ends; <see cref="TryUnescape"/> turns the token into its value and reports a bad escape.
/// </summary>
internal static class TextLiteral
{
    /// <summary>The value of a quoted token, or the offset (within the token) of a bad escape.</summary>
    public static bool TryUnescape(ReadOnlySpan<char> token, out string value, out int badEscapeAt)
    {
        var builder = new StringBuilder(token.Length);
        for (var i = 1; i < token.Length - 1; i++)
        {
            var c = token[i];
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            i++;
            char? unescaped = token[i] switch
            {
                '\'' => '\'',
                '"' => '"',
                '\\' => '\\',
                'n' => '\n',
                't' => '\t',
                _ => null,
            };
            if (unescaped is null)
            {
                value = string.Empty;
                badEscapeAt = i - 1;
                return false;
            }

            builder.Append(unescaped.Value);
        }

        value = builder.ToString();
        badEscapeAt = -1;
        return true;
    }
}
