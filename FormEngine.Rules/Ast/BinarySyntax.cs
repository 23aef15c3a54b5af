namespace FormEngine.Rules.Ast;

/// <summary>An infix operator between two operands, e.g. <c>a and b</c>, <c>x &lt; 5</c>.</summary>
internal sealed class BinarySyntax(BinaryOperator op, RuleSyntax left, RuleSyntax right, int operatorOffset, int operatorLength)
    : RuleSyntax(left.Offset, right.Offset + right.Length - left.Offset)
{
    public BinaryOperator Operator { get; } = op;

    public RuleSyntax Left { get; } = left;

    public RuleSyntax Right { get; } = right;

    /// <summary>Where the operator itself is written, for diagnostics about it.</summary>
    public int OperatorOffset { get; } = operatorOffset;

    public int OperatorLength { get; } = operatorLength;
}
