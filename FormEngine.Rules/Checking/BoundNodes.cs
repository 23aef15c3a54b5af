using System.Text.RegularExpressions;
using FormEngine.Rules.Ast;
using FormEngine.Rules.Functions;

namespace FormEngine.Rules.Checking;

/// <summary>A constant.</summary>
internal sealed class BoundLiteral(RuleSyntax syntax, RuleValue value)
    : BoundExpression(syntax, TypeRules.TypeOf(value))
{
    public RuleValue Value { get; } = value;

    public override IReadOnlyList<BoundExpression> Children => [];
}

/// <summary>A list written in the rule.</summary>
internal sealed class BoundList(RuleSyntax syntax, RuleType type, IReadOnlyList<BoundExpression> items)
    : BoundExpression(syntax, type)
{
    public IReadOnlyList<BoundExpression> Items { get; } = items;

    public override IReadOnlyList<BoundExpression> Children => Items;
}

/// <summary>How a reference reads its symbol.</summary>
internal enum ReferenceMode
{
    /// <summary>One answer: the symbol is at top level or in a group the rule is inside.</summary>
    Direct,

    /// <summary>All answers over the items of groups the rule is not inside, as a list (only as an aggregate's argument).</summary>
    Collect,

    /// <summary>A repeat group itself (only as the argument of count, any or all).</summary>
    GroupItems,
}

/// <summary>
/// A resolved reference. <see cref="Chain"/> lists the groups to walk, outermost first: the symbol's
/// enclosing groups, plus the symbol itself for <see cref="ReferenceMode.GroupItems"/>. The first
/// <see cref="FixedDepth"/> of them are groups the rule is already inside, whose item index is known.
/// </summary>
internal sealed class BoundReference(RuleSyntax syntax, RuleType type, RuleSymbol symbol, ReferenceMode mode, RuleSymbol[] chain, int fixedDepth)
    : BoundExpression(syntax, type)
{
    public RuleSymbol Symbol { get; } = symbol;

    public ReferenceMode Mode { get; } = mode;

    public RuleSymbol[] Chain { get; } = chain;

    public int FixedDepth { get; } = fixedDepth;

    public override IReadOnlyList<BoundExpression> Children => [];
}

/// <summary>A prefix operator.</summary>
internal sealed class BoundUnary(RuleSyntax syntax, RuleType type, UnaryOperator op, BoundExpression operand)
    : BoundExpression(syntax, type)
{
    public UnaryOperator Operator { get; } = op;

    public BoundExpression Operand { get; } = operand;

    public override IReadOnlyList<BoundExpression> Children => [Operand];
}

/// <summary>An infix operator.</summary>
internal sealed class BoundBinary(RuleSyntax syntax, RuleType type, BinaryOperator op, BoundExpression left, BoundExpression right)
    : BoundExpression(syntax, type)
{
    public BinaryOperator Operator { get; } = op;

    public BoundExpression Left { get; } = left;

    public BoundExpression Right { get; } = right;

    public override IReadOnlyList<BoundExpression> Children => [Left, Right];
}

/// <summary>A call of a built-in function. <see cref="Pattern"/> is the compiled pattern of <c>matches</c>.</summary>
internal sealed class BoundCall(RuleSyntax syntax, RuleType type, FunctionDefinition function, IReadOnlyList<BoundExpression> arguments, Regex? pattern = null)
    : BoundExpression(syntax, type)
{
    public FunctionDefinition Function { get; } = function;

    public IReadOnlyList<BoundExpression> Arguments { get; } = arguments;

    public Regex? Pattern { get; } = pattern;

    public override IReadOnlyList<BoundExpression> Children => Arguments;
}

/// <summary>Stands in for a node that had an error; typed <see cref="RuleType.Any"/> to avoid cascaded errors. Never compiled.</summary>
internal sealed class BoundError(RuleSyntax syntax, IReadOnlyList<BoundExpression> children)
    : BoundExpression(syntax, RuleType.Any)
{
    public override IReadOnlyList<BoundExpression> Children { get; } = children;
}
