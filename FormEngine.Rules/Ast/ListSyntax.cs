namespace FormEngine.Rules.Ast;

/// <summary>A list written in the rule: <c>['MOB', 'COMM']</c>.</summary>
internal sealed class ListSyntax(IReadOnlyList<RuleSyntax> items, int offset, int length) : RuleSyntax(offset, length)
{
    public IReadOnlyList<RuleSyntax> Items { get; } = items;
}
