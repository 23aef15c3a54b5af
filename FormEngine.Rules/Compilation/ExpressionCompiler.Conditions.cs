using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using FormEngine.Rules.Ast;
using FormEngine.Rules.Checking;
using FormEngine.Rules.Runtime;

namespace FormEngine.Rules.Compilation;

/// <summary>
/// Conditions, the hot path of show_if, required and validate: <c>and</c>, <c>or</c> and <c>not</c> become
/// IL branches, and a comparison of an answer with a written number, date or text tests the answer's kind
/// and raw value inline. The cases are those of <see cref="ConditionCompiler"/>, with the same meaning.
/// </summary>
internal sealed partial class ExpressionCompiler
{
    // string.Equals(string, string): ordinal, as RuleValue.Equals compares text.
    private static readonly System.Reflection.MethodInfo OrdinalEquals = typeof(string).GetMethod(nameof(string.Equals), [typeof(string), typeof(string)])!;

    /// <summary>The node read as yes or no (null counts as no), an expression of type <see cref="bool"/>.</summary>
    public Expression Condition(BoundExpression node)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (node)
        {
            case BoundBinary { Operator: BinaryOperator.And } and:
                return Expression.AndAlso(Condition(and.Left), Condition(and.Right));
            case BoundBinary { Operator: BinaryOperator.Or } or:
                return Expression.OrElse(Condition(or.Left), Condition(or.Right));
            case BoundUnary { Operator: UnaryOperator.Not } not:
                return Expression.Not(Condition(not.Operand));
            case BoundBinary binary when Compiler.TryGetConstant(binary.Right, out var constant) && CompareWithConstant(binary, constant) is { } compare:
                return compare;
            case BoundBinary { Operator: BinaryOperator.In or BinaryOperator.NotIn } membership when Compiler.TryGetConstant(membership.Left, out var item):
                // 'COMM' in disability.types
                var contains = item.Kind == RuleTypeKind.Text
                    ? Runtime(nameof(RuleOps.ContainsText), Value(membership.Right), Expression.Constant(item.AsText))
                    : Runtime(nameof(RuleOps.Contains), Value(membership.Right), Expression.Constant(item));
                return membership.Operator == BinaryOperator.In ? contains : Expression.Not(contains);
            case BoundBinary { Operator: BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual } ordering:
                return Order(ordering);
            case BoundBinary { Operator: BinaryOperator.Equal or BinaryOperator.NotEqual } equality:
                var equal = Runtime(nameof(RuleOps.AreEqual), Value(equality.Left), Value(equality.Right));
                return equality.Operator == BinaryOperator.Equal ? equal : Expression.Not(equal);
            case BoundBinary { Operator: BinaryOperator.In or BinaryOperator.NotIn } membership:
                var member = Runtime(nameof(RuleOps.Contains), Value(membership.Right), Value(membership.Left));
                return membership.Operator == BinaryOperator.In ? member : Expression.Not(member);
            default:
                // Never a node that is always yes or no (those are all handled above), so Value does not come back here.
                return Runtime(nameof(RuleOps.IsTrue), Value(node));
        }
    }

    private Expression? CompareWithConstant(BoundBinary binary, RuleValue k)
    {
        switch (binary.Operator)
        {
            case BinaryOperator.Equal:
                return Let(Value(binary.Left), v => EqualsConstant(v, k));
            case BinaryOperator.NotEqual:
                return Expression.Not(Let(Value(binary.Left), v => EqualsConstant(v, k)));
            case BinaryOperator.In:
                return Let(Value(binary.Left), v => InConstant(v, k));
            case BinaryOperator.NotIn:
                return Expression.Not(Let(Value(binary.Left), v => InConstant(v, k)));
        }

        // Ordering: only values of the constant's own kind compare; anything else (null included) is false.
        var kind = k.Kind;
        if (kind is not (RuleTypeKind.Number or RuleTypeKind.Date))
        {
            return null;
        }

        return Let(Value(binary.Left), v => Expression.AndAlso(
            KindIs(v, kind),
            Compare(binary.Operator, Member(v, nameof(RuleValue.RawNumber)), Expression.Constant(k.RawNumber))));
    }

    /// <summary>The same test as <see cref="RuleValue.Equals(RuleValue)"/> against a written value.</summary>
    private static Expression EqualsConstant(ParameterExpression v, RuleValue k) => k.Kind switch
    {
        RuleTypeKind.Null => Member(v, nameof(RuleValue.IsNull)),
        RuleTypeKind.Text => Expression.AndAlso(
            KindIs(v, RuleTypeKind.Text),
            Expression.Call(OrdinalEquals, Expression.Convert(Member(v, nameof(RuleValue.RawReference)), typeof(string)), Expression.Constant(k.AsText))),
        RuleTypeKind.Boolean or RuleTypeKind.Number or RuleTypeKind.Date => Expression.AndAlso(
            KindIs(v, k.Kind),
            Expression.Equal(Member(v, nameof(RuleValue.RawNumber)), Expression.Constant(k.RawNumber))),
        _ => Runtime(nameof(RuleOps.AreEqual), v, Expression.Constant(k)),
    };

    /// <summary>The same test as <see cref="RuleOps.Contains"/> for a written list: a short list is unrolled into one test per item.</summary>
    private static Expression InConstant(ParameterExpression v, RuleValue k)
    {
        if (k.Kind != RuleTypeKind.List || k.AsList.Count > InlineListLimit)
        {
            return Runtime(nameof(RuleOps.Contains), Expression.Constant(k), v);
        }

        Expression any = Expression.Constant(false);
        foreach (var item in k.AsList.Reverse())
        {
            any = Expression.OrElse(EqualsConstant(v, item), any);
        }

        return Expression.AndAlso(Expression.Not(Member(v, nameof(RuleValue.IsNull))), any);
    }

    /// <summary>
    /// Ordering of two values: when both are numbers or both are dates (what the checker expects of most
    /// rules) their raw values compare inline; any other pair goes through <see cref="RuleOps.TryCompare"/>.
    /// </summary>
    private Expression Order(BoundBinary ordering)
    {
        var method = ordering.Operator switch
        {
            BinaryOperator.Less => nameof(RuleOps.IsLess),
            BinaryOperator.LessOrEqual => nameof(RuleOps.IsLessOrEqual),
            BinaryOperator.Greater => nameof(RuleOps.IsGreater),
            _ => nameof(RuleOps.IsGreaterOrEqual),
        };
        var kind = ordering.Left.Type.Kind;
        if (kind is not (RuleTypeKind.Number or RuleTypeKind.Date) || ordering.Right.Type.Kind != kind)
        {
            return Runtime(method, Value(ordering.Left), Value(ordering.Right));
        }

        // Day numbers are whole, so dates order by their raw value exactly as by day number.
        return Let(Value(ordering.Left), left => Let(Value(ordering.Right), right => Expression.Condition(
            Expression.AndAlso(KindIs(left, kind), KindIs(right, kind)),
            Compare(ordering.Operator, Member(left, nameof(RuleValue.RawNumber)), Member(right, nameof(RuleValue.RawNumber))),
            Runtime(method, left, right))));
    }

    private static Expression KindIs(Expression v, RuleTypeKind kind) =>
        Expression.Equal(Member(v, nameof(RuleValue.Kind)), Expression.Constant(kind));

    private static Expression Compare(BinaryOperator op, Expression left, Expression right) => op switch
    {
        BinaryOperator.Less => Expression.LessThan(left, right),
        BinaryOperator.LessOrEqual => Expression.LessThanOrEqual(left, right),
        BinaryOperator.Greater => Expression.GreaterThan(left, right),
        _ => Expression.GreaterThanOrEqual(left, right),
    };
}
