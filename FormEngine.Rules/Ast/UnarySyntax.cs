namespace FormEngine.Rules.Ast;

/// <summary>A prefix operator applied to one operand: <c>not x</c>, <c>-x</c>.</summary>
internal sealed class UnarySyntax(UnaryOperator op, RuleSyntax operand, int offset, int length) : RuleSyntax(offset, length)
{
    public UnaryOperator Operator { get; } = op;

    public RuleSyntax Operand { get; } = operand;
}
