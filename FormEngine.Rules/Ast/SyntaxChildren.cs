namespace FormEngine.Rules.Ast;

/// <summary>Generic access to a node's children, so walkers need not know every node kind.</summary>
internal static class SyntaxChildren
{
    public static IReadOnlyList<RuleSyntax> Of(RuleSyntax node) => node switch
    {
        UnarySyntax u => [u.Operand],
        BinarySyntax b => [b.Left, b.Right],
        CallSyntax c => c.Arguments,
        ListSyntax l => l.Items,
        _ => [],
    };

    /// <summary>A copy of <paramref name="node"/> with new children (same count and order), keeping its position.</summary>
    public static RuleSyntax With(RuleSyntax node, IReadOnlyList<RuleSyntax> children) => node switch
    {
        UnarySyntax u => new UnarySyntax(u.Operator, children[0], u.Offset, u.Length),
        BinarySyntax b => new BinarySyntax(b.Operator, children[0], children[1], b.OperatorOffset, b.OperatorLength),
        CallSyntax c => new CallSyntax(c.Name, children, c.Offset, c.Length, c.NameLength),
        ListSyntax l => new ListSyntax(children, l.Offset, l.Length),
        _ => node,
    };
}
