namespace FormEngine.Rules.Ast;

/// <summary>
/// A constant: a number, text, <c>true</c>, <c>false</c> or <c>null</c>. The explainer also uses it for
/// values that have replaced a sub-expression (dates, lists), which print in literal form.
/// </summary>
internal sealed class LiteralSyntax(RuleValue value, int offset, int length) : RuleSyntax(offset, length)
{
    public RuleValue Value { get; } = value;
}
