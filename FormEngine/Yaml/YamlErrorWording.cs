using FormEngine.Diagnostics;
using YamlDotNet.Core;

namespace FormEngine.Yaml;

/// <summary>
/// Says what a YAML syntax error means for a template author, in words about their lines rather than the
/// parser's ("did not find expected '-' indicator", "found invalid mapping"), at the start of the line to
/// change: the parser's own position is often the colon, or the end of the line before.
/// </summary>
internal static class YamlErrorWording
{
    /// <summary>The error in plain words, where to look and what to do; null when it is none of the common kinds.</summary>
    public static (SourceLocation At, string Message, string Suggestion)? Explain(SourceFile file, YamlException ex)
    {
        var reason = ex.InnerException?.Message ?? ex.Message;
        var lines = file.Text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var line = (int)Math.Clamp(ex.Start.Line, 1, Math.Max(1, lines.Length));

        if (reason.Contains(" tab ", StringComparison.Ordinal) && TabLine(lines, line) is { } tabbed)
        {
            return (StartOf(file, lines, tabbed), "This line is indented with a tab; YAML indentation must be spaces.", "Replace the tab with spaces (two for each level is usual).");
        }

        var text = lines[line - 1];
        var indent = Indent(text);

        // The commonest cause of all: a rule such as `'COMM' in disability.types` starts with a quote and goes on after it.
        if (KeyAndValue(text) is ({ } quotedKey, [('\'' or '"') and var quote, ..] quoted) && quoted.LastIndexOf(quote) != quoted.Length - 1)
        {
            return (StartOf(file, lines, line),
                $"The value of `{quotedKey}` starts with a quote, so YAML takes only the quoted part as the value and cannot read what follows it.",
                $"A value that starts with a quote must be quoted whole: write `{quotedKey}: \"{quoted.Replace("\"", "\\\"", StringComparison.Ordinal)}\"`.");
        }

        if (reason.Contains("invalid mapping", StringComparison.Ordinal) || reason.Contains("mapping values are not allowed", StringComparison.Ordinal))
        {
            if (KeyAndValue(text) is ({ } key, { } value) && value.Contains(": ", StringComparison.Ordinal))
            {
                return (StartOf(file, lines, line),
                    $"The text after `{key}:` contains `: `, which YAML reads as the start of another key.",
                    $"Put the whole text in quotes: `{key}: \"{value.Replace("\"", "\\\"", StringComparison.Ordinal)}\"`.");
            }

            if (Previous(lines, line) is { } above && indent > Indent(lines[above - 1]) && KeyAndValue(lines[above - 1]) is ({ } aboveKey, { Length: > 0 }))
            {
                return (StartOf(file, lines, line),
                    $"This line is indented further than `{aboveKey}` on line {above}, as if it belonged to it, but `{aboveKey}` already has a value.",
                    $"Indent it {KeyColumn(lines[above - 1])} spaces, like `{aboveKey}`, if it belongs to the same block.");
            }
        }

        if (reason.Contains("did not find expected", StringComparison.Ordinal) && indent > 0 && Previous(lines, line) is not null)
        {
            var (lower, higher) = Neighbours(lines, line, indent);
            var options = new[] { lower, higher }.OfType<(int Spaces, int Line)>()
                .Select(o => $"{o.Spaces} spaces (like line {o.Line})");
            return (StartOf(file, lines, line),
                $"This line is indented {indent} spaces, which lines it up with no line above it, so YAML cannot tell which block it belongs to.",
                $"Line it up with the lines it belongs with: {string.Join(" or ", options)}.");
        }

        return null;
    }

    private static SourceLocation StartOf(SourceFile file, string[] lines, int line) =>
        new(file.DisplayPath, line, Indent(lines[line - 1]) + 1);

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;

    /// <summary>Where a line's keys start: after its indentation and any list dashes.</summary>
    private static int KeyColumn(string line)
    {
        var column = Indent(line);
        while (column + 1 < line.Length && line[column] == '-' && line[column + 1] == ' ')
        {
            column += 2;
            while (column < line.Length && line[column] == ' ')
            {
                column++;
            }
        }

        return column;
    }

    private static (string? Key, string? Value) KeyAndValue(string line)
    {
        var content = line[KeyColumn(line)..];
        var colon = content.IndexOf(": ", StringComparison.Ordinal);
        return colon <= 0 || content.StartsWith('{') || content.StartsWith('#')
            ? (null, null)
            : (content[..colon], content[(colon + 2)..].Trim());
    }

    /// <summary>The nearest line above that holds something (not blank, not only a comment).</summary>
    private static int? Previous(string[] lines, int line)
    {
        for (var i = line - 1; i >= 1; i--)
        {
            var trimmed = lines[i - 1].Trim();
            if (trimmed.Length > 0 && !trimmed.StartsWith('#'))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>The indentations above the line nearest to its own, below and above it, each with the nearest line that has it.</summary>
    private static ((int, int)? Lower, (int, int)? Higher) Neighbours(string[] lines, int line, int indent)
    {
        (int Spaces, int Line)? lower = null;
        (int Spaces, int Line)? higher = null;
        for (var i = line - 1; i >= 1; i--)
        {
            var trimmed = lines[i - 1].Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            foreach (var spaces in new[] { Indent(lines[i - 1]), KeyColumn(lines[i - 1]) })
            {
                if (spaces < indent && (lower is null || spaces > lower.Value.Spaces))
                {
                    lower = (spaces, i);
                }
                else if (spaces > indent && (higher is null || spaces < higher.Value.Spaces))
                {
                    higher = (spaces, i);
                }
            }
        }

        return (lower, higher);
    }

    /// <summary>The first line from <paramref name="from"/> on (or just before it) indented with a tab.</summary>
    private static int? TabLine(string[] lines, int from)
    {
        for (var i = Math.Max(1, from - 1); i <= lines.Length; i++)
        {
            if (lines[i - 1].TrimStart(' ').StartsWith('\t'))
            {
                return i;
            }
        }

        return null;
    }
}
