namespace FormEngine.Rules.Checking;

/// <summary>
/// A checked node: the syntax it came from, its resolved type and its checked children. The bound
/// tree mirrors the syntax tree one node for one node, so the explainer can rebuild the text.
/// </summary>
internal abstract class BoundExpression(RuleSyntax syntax, RuleType type)
{
    public RuleSyntax Syntax { get; } = syntax;

    public RuleType Type { get; } = type;

    public abstract IReadOnlyList<BoundExpression> Children { get; }
}
