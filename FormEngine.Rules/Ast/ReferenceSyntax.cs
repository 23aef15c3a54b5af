namespace FormEngine.Rules.Ast;

/// <summary>A reference to a question or repeat group by dotted path or bare name.</summary>
internal sealed class ReferenceSyntax(IReadOnlyList<string> segments, int offset, int length) : RuleSyntax(offset, length)
{
    public IReadOnlyList<string> Segments { get; } = segments;

    public string Path => string.Join('.', Segments);
}
