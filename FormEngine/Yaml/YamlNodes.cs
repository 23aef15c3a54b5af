using FormEngine.Diagnostics;

namespace FormEngine.Yaml;

/// <summary>
/// A YAML node with its exact position. FormEngine builds its own small tree rather than using
/// YamlDotNet's representation model so that depth, size and aliases are limited while reading,
/// and every node keeps the file it came from (templates are assembled from several files).
/// </summary>
internal abstract class YamlNode(SourceFile file, int startIndex, int endIndex, int line, int column)
{
    public SourceFile File { get; } = file;

    /// <summary>0-based character offset of the node's first character in its file.</summary>
    public int StartIndex { get; } = startIndex;

    /// <summary>0-based character offset just past the node's last character.</summary>
    public int EndIndex { get; } = endIndex;

    public int Line { get; } = line;

    public int Column { get; } = column;

    public SourceLocation Location => new(File.DisplayPath, Line, Column, Math.Max(1, SpanOnFirstLine()));

    public abstract string KindName { get; }

    private int SpanOnFirstLine()
    {
        var text = File.Text;
        var end = Math.Min(EndIndex, text.Length);
        var length = 0;
        for (var i = StartIndex; i < end && text[i] != '\n' && text[i] != '\r'; i++)
        {
            length++;
        }

        return length;
    }
}

internal sealed class YamlScalar(SourceFile file, int startIndex, int endIndex, int line, int column, string value, bool isPlain)
    : YamlNode(file, startIndex, endIndex, line, column)
{
    public string Value { get; } = value;

    /// <summary>True when written without quotes or block indicators; only plain scalars are read as numbers or booleans.</summary>
    public bool IsPlain { get; } = isPlain;

    /// <summary>A plain <c>~</c>, <c>null</c> or empty value: YAML's way of writing "nothing".</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string KindName => "a single value";
}

internal sealed class YamlMap(SourceFile file, int startIndex, int endIndex, int line, int column, IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> entries)
    : YamlNode(file, startIndex, endIndex, line, column)
{
    public IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>> Entries { get; } = entries;

    public override string KindName => "a set of keys";
}

internal sealed class YamlSequence(SourceFile file, int startIndex, int endIndex, int line, int column, IReadOnlyList<YamlNode> items)
    : YamlNode(file, startIndex, endIndex, line, column)
{
    public IReadOnlyList<YamlNode> Items { get; } = items;

    public override string KindName => "a list";
}
