using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace FormEngine.Renderers.Html;

/// <summary>
/// The fields of a posted form: each name with its values in the order they were sent (a ticked checkbox
/// list sends one value per box under one name). Build it from what a web framework gives, or parse an
/// <c>application/x-www-form-urlencoded</c> body; hand it to <see cref="HtmlFormBinder.Bind"/>.
/// </summary>
public sealed class FormPost
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly Dictionary<string, List<string>> _fields;

    private FormPost(Dictionary<string, List<string>> fields) => _fields = fields;

    /// <summary>A post with no fields.</summary>
    public static FormPost Empty { get; } = new(new Dictionary<string, List<string>>(StringComparer.Ordinal));

    /// <summary>The names posted, each once, in the order first sent.</summary>
    public IReadOnlyCollection<string> Names => _fields.Keys;

    /// <summary>The values posted under a name, in order; empty when the name was not posted.</summary>
    /// <param name="name">The field's name.</param>
    /// <returns>The values.</returns>
    public IReadOnlyList<string> Values(string name) => _fields.TryGetValue(name, out var values) ? values : [];

    /// <summary>Whether anything was posted under a name (even an empty value).</summary>
    /// <param name="name">The field's name.</param>
    /// <returns>True when posted.</returns>
    public bool Contains(string name) => _fields.ContainsKey(name);

    /// <summary>
    /// From fields grouped by name, as web frameworks give them: ASP.NET Core's <c>IFormCollection</c> can be
    /// passed as it is (its values are <c>StringValues</c>, a list of strings). A null value counts as empty.
    /// </summary>
    /// <typeparam name="TValues">The type of each name's values.</typeparam>
    /// <param name="fields">Each name with its values.</param>
    /// <returns>The post.</returns>
    public static FormPost From<TValues>(IEnumerable<KeyValuePair<string, TValues>> fields)
        where TValues : IEnumerable<string?>
    {
        ArgumentNullException.ThrowIfNull(fields);
        var post = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, values) in fields)
        {
            var list = Get(post, name);
            if (values is not null)
            {
                list.AddRange(values.Select(v => v ?? string.Empty));
            }
        }

        return new FormPost(post);
    }

    /// <summary>From name and value pairs in the order sent, a name repeated once per value.</summary>
    /// <param name="pairs">The pairs.</param>
    /// <returns>The post.</returns>
    public static FormPost FromPairs(IEnumerable<KeyValuePair<string, string?>> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var post = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, value) in pairs)
        {
            Get(post, name).Add(value ?? string.Empty);
        }

        return new FormPost(post);
    }

    /// <summary>
    /// Parses an <c>application/x-www-form-urlencoded</c> body: <c>name=value</c> pairs joined by <c>&amp;</c>,
    /// <c>+</c> for a space and <c>%XX</c> for each UTF-8 byte. Never throws.
    /// </summary>
    /// <param name="body">The body.</param>
    /// <param name="post">The post, when the body could be read.</param>
    /// <param name="error">Otherwise what is wrong with it and where: a broken <c>%</c> escape, or bytes that are not UTF-8.</param>
    /// <returns>True when the body could be read.</returns>
    public static bool TryParseUrlEncoded(string body, [NotNullWhen(true)] out FormPost? post, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(body);
        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        post = null;
        var start = 0;
        while (start <= body.Length)
        {
            var end = body.IndexOf('&', start);
            if (end < 0)
            {
                end = body.Length;
            }

            if (end > start)
            {
                var equals = body.IndexOf('=', start, end - start);
                var nameEnd = equals < 0 ? end : equals;
                if (!TryDecode(body, start, nameEnd, out var name, out error)
                    || !TryDecode(body, equals < 0 ? end : equals + 1, end, out var value, out error))
                {
                    return false;
                }

                Get(fields, name).Add(value);
            }

            start = end + 1;
        }

        post = new FormPost(fields);
        error = null;
        return true;
    }

    private static List<string> Get(Dictionary<string, List<string>> fields, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!fields.TryGetValue(name, out var list))
        {
            list = [];
            fields[name] = list;
        }

        return list;
    }

    // Escapes are collected as bytes and decoded together, so a character sent as several %XX bytes is one
    // character again; bytes that are not UTF-8 are refused rather than read as replacement characters.
    private static bool TryDecode(string body, int start, int end, out string text, [NotNullWhen(false)] out string? error)
    {
        text = string.Empty;
        error = null;
        var bytes = new List<byte>(end - start);
        Span<byte> encoded = stackalloc byte[4];
        for (var i = start; i < end; i++)
        {
            var c = body[i];
            if (c == '+')
            {
                bytes.Add((byte)' ');
            }
            else if (c == '%')
            {
                if (i + 2 >= end
                    || !byte.TryParse(body.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
                {
                    var shown = body.Substring(i, Math.Min(3, end - i));
                    error = $"`{shown}` at character {i + 1} is not an escape: `%` must be followed by two hexadecimal digits.";
                    return false;
                }

                bytes.Add(b);
                i += 2;
            }
            else
            {
                if (Rune.DecodeFromUtf16(body.AsSpan(i, end - i), out var rune, out var used) != System.Buffers.OperationStatus.Done)
                {
                    error = $"Character {i + 1} is half of a UTF-16 surrogate pair.";
                    return false;
                }

                var length = rune.EncodeToUtf8(encoded);
                for (var k = 0; k < length; k++)
                {
                    bytes.Add(encoded[k]);
                }

                i += used - 1;
            }
        }

        try
        {
            text = StrictUtf8.GetString([.. bytes]);
            return true;
        }
        catch (DecoderFallbackException)
        {
            error = $"The field starting at character {start + 1} is not UTF-8 once its `%` escapes are decoded.";
            return false;
        }
    }
}
