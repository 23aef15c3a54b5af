using System.Text;
using Superpower;
using Superpower.Model;
using Superpower.Parsers;

namespace FormEngine.Rules.Parsing;

/// <summary>
/// Quoted text: single or double quotes with backslash escapes. The recognisers only find where the
/// text ends; <see cref="TryUnescape"/> turns the token into its value and reports a bad escape.
/// </summary>
internal static class TextLiteral
{
    public static TextParser<Unit> Quoted(char quote)
    {
        var escaped = Character.EqualTo('\\').IgnoreThen(Character.AnyChar).Value(Unit.Value);
        var plain = Character.ExceptIn(quote, '\\').Value(Unit.Value);
        return Character.EqualTo(quote)
            .IgnoreThen(escaped.Try().Or(plain).Many())
            .IgnoreThen(Character.EqualTo(quote))
            .Value(Unit.Value);
    }

    /// <summary>An opening quote with no closing quote: everything to the end of the rule.</summary>
    public static TextParser<Unit> Unterminated { get; } =
        Character.In('\'', '"').IgnoreThen(Character.AnyChar.Many()).Value(Unit.Value);

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
