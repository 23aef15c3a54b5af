using System.Runtime.CompilerServices;
using FormEngine.Rules.Ast;
using FormEngine.Rules.Checking;
using FormEngine.Rules.Runtime;

namespace FormEngine.Rules.Compilation;

/// <summary>A compiled condition: a rule, or part of one, read as yes or no.</summary>
internal delegate bool Condition(in EvalContext context);

/// <summary>
/// Compiles the logical skeleton of a condition (<c>and</c>, <c>or</c>, <c>not</c>, comparisons) to
/// closures that return <see cref="bool"/> instead of a <see cref="RuleValue"/>, so a show_if is decided
/// without building a value at every node. Comparisons with a written number, date or text compare the
/// answer's raw value directly. Everything else falls back to the value closures, so the meaning is
/// exactly that of <see cref="RuleOps"/>: this is only a faster way to the same answer.
/// </summary>
internal static class ConditionCompiler
{
    /// <summary>
    /// True when the node always gives yes or no, never null: the logical operators and comparisons.
    /// For such a rule, evaluating the condition gives the whole value.
    /// </summary>
    public static bool NeverNull(BoundExpression node) =>
        node is BoundUnary { Operator: UnaryOperator.Not }
        or BoundBinary
        {
            Operator: BinaryOperator.And or BinaryOperator.Or or BinaryOperator.Equal or BinaryOperator.NotEqual
                or BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual
                or BinaryOperator.In or BinaryOperator.NotIn,
        };

    public static Condition Compile(BoundExpression node)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (node)
        {
            case BoundBinary { Operator: BinaryOperator.And } and:
                var leftAnd = Compile(and.Left);
                var rightAnd = Compile(and.Right);
                return (in EvalContext c) => leftAnd(in c) && rightAnd(in c);
            case BoundBinary { Operator: BinaryOperator.Or } or:
                var leftOr = Compile(or.Left);
                var rightOr = Compile(or.Right);
                return (in EvalContext c) => leftOr(in c) || rightOr(in c);
            case BoundUnary { Operator: UnaryOperator.Not } not:
                var operand = Compile(not.Operand);
                return (in EvalContext c) => !operand(in c);
            case BoundBinary binary when Compiler.TryGetConstant(binary.Right, out var constant) && CompareWithConstant(binary, constant) is { } compare:
                return compare;
            case BoundBinary { Operator: BinaryOperator.In or BinaryOperator.NotIn } membership when Compiler.TryGetConstant(membership.Left, out var item):
                // 'COMM' in disability.types
                var list = Compiler.Compile(membership.Right);
                return membership.Operator == BinaryOperator.In
                    ? (in EvalContext c) => RuleOps.Contains(list(in c), item)
                    : (in EvalContext c) => !RuleOps.Contains(list(in c), item);
            case BoundBinary { Operator: BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual } ordering:
                return Order(ordering.Operator, Compiler.Compile(ordering.Left), Compiler.Compile(ordering.Right));
            default:
                var value = Compiler.Compile(node);
                return (in EvalContext c) => RuleOps.IsTrue(value(in c));
        }
    }

    private static Condition Order(BinaryOperator op, Evaluator left, Evaluator right) => op switch
    {
        BinaryOperator.Less => (in EvalContext c) => RuleOps.IsLess(left(in c), right(in c)),
        BinaryOperator.LessOrEqual => (in EvalContext c) => RuleOps.IsLessOrEqual(left(in c), right(in c)),
        BinaryOperator.Greater => (in EvalContext c) => RuleOps.IsGreater(left(in c), right(in c)),
        _ => (in EvalContext c) => RuleOps.IsGreaterOrEqual(left(in c), right(in c)),
    };

    private static Condition? CompareWithConstant(BoundBinary binary, RuleValue k)
    {
        var left = Compiler.Compile(binary.Left);
        switch (binary.Operator)
        {
            case BinaryOperator.Equal:
                return (in EvalContext c) => RuleOps.AreEqual(left(in c), k);
            case BinaryOperator.NotEqual:
                return (in EvalContext c) => !RuleOps.AreEqual(left(in c), k);
            case BinaryOperator.In:
                return (in EvalContext c) => RuleOps.Contains(k, left(in c));
            case BinaryOperator.NotIn:
                return (in EvalContext c) => !RuleOps.Contains(k, left(in c));
        }

        // Ordering: only values of the constant's own kind compare; anything else (null included) is false.
        var kind = k.Kind;
        if (kind is not (RuleTypeKind.Number or RuleTypeKind.Date))
        {
            return null;
        }

        var bound = k.RawNumber;
        return binary.Operator switch
        {
            BinaryOperator.Less => (in EvalContext c) => left(in c) is var v && v.Kind == kind && v.RawNumber < bound,
            BinaryOperator.LessOrEqual => (in EvalContext c) => left(in c) is var v && v.Kind == kind && v.RawNumber <= bound,
            BinaryOperator.Greater => (in EvalContext c) => left(in c) is var v && v.Kind == kind && v.RawNumber > bound,
            BinaryOperator.GreaterOrEqual => (in EvalContext c) => left(in c) is var v && v.Kind == kind && v.RawNumber >= bound,
            _ => null,
        };
    }
}
