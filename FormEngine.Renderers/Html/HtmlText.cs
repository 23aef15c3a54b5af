using System.Globalization;
using System.Text;

namespace FormEngine.Renderers.Html;

/// <summary>HTML encoding and the deterministic ids the HTML renderer derives from answer paths.</summary>
public static class HtmlText
{
    /// <summary>
    /// Encodes the five characters that can end text or an attribute value (<c>&amp; &lt; &gt; " '</c>) and
    /// normalises line breaks to <c>\n</c>. Other characters (Welsh ŵ and ŷ included) pass through as UTF-8,
    /// so output stays readable and is also well-formed XML.
    /// </summary>
    /// <param name="text">The text; null is empty.</param>
    /// <returns>The encoded text.</returns>
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string? replacement = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '\r' => i + 1 < text.Length && text[i + 1] == '\n' ? string.Empty : "\n",
                // Control characters are not allowed in HTML (nor XML); drop them rather than emit invalid output.
                < ' ' when c is not ('\n' or '\t') => string.Empty,
                _ => null,
            };
            if (replacement is null)
            {
                builder?.Append(c);
                continue;
            }

            builder ??= new StringBuilder(text, 0, i, text.Length + 16);
            builder.Append(replacement);
        }

        return builder?.ToString() ?? text;
    }

    /// <summary>
    /// The id of the field (or group) for an answer path: <c>f-</c> then the path with <c>.</c>, <c>[</c>
    /// and <c>]</c> turned into hyphens, e.g. <c>household.members[0].age</c> → <c>f-household-members-0-age</c>.
    /// Error summary links and a host's scripts can rely on it.
    /// </summary>
    /// <param name="path">The answer path.</param>
    /// <returns>The id.</returns>
    public static string FieldId(string path)
    {
        var builder = new StringBuilder("f-", path.Length + 2);
        foreach (var c in path)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                builder.Append(c);
            }
            else if (c is '.' or '[')
            {
                builder.Append('-');
            }
            else if (c != ']')
            {
                builder.Append('_').Append(((int)c).ToString("x", CultureInfo.InvariantCulture)).Append('_');
            }
        }

        return builder.ToString();
    }
}
