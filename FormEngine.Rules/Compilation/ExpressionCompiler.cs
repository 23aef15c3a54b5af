using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using FormEngine.Rules.Ast;
using FormEngine.Rules.Checking;
using FormEngine.Rules.Runtime;

namespace FormEngine.Rules.Compilation;

/// <summary>A rule compiled to IL: its value.</summary>
internal delegate RuleValue CompiledEvaluator(IRuleData data, DateOnly today, ReadOnlySpan<int> indexes);

/// <summary>A rule compiled to IL, read as yes or no.</summary>
internal delegate bool CompiledCondition(IRuleData data, DateOnly today, ReadOnlySpan<int> indexes);

/// <summary>
/// The second tier: turns a checked tree into an expression tree over the answers and compiles it to IL.
/// A thin emitter: logic, comparisons with written values and reads of answers are emitted inline, and
/// everything else calls the same static runtime methods (<see cref="RuleOps"/>, the functions' own) that
/// the closures call, so the two tiers give the same value for every rule. Compiling takes a few hundred
/// microseconds per rule, so it is for rules evaluated often; the closures stay for fast start-up.
/// </summary>
internal sealed partial class ExpressionCompiler
{
    // Lists written in a rule with up to this many items are tested item by item inline; longer ones go through RuleOps.Contains.
    private const int InlineListLimit = 16;

    private ExpressionCompiler()
    {
    }

    /// <summary>The answers being read.</summary>
    public ParameterExpression Data { get; } = Expression.Parameter(typeof(IRuleData), "data");

    /// <summary>The evaluation date.</summary>
    public ParameterExpression Today { get; } = Expression.Parameter(typeof(DateOnly), "today");

    /// <summary>The repeat item the rule is evaluated for, outermost group first.</summary>
    public ParameterExpression Indexes { get; } = Expression.Parameter(typeof(ReadOnlySpan<int>), "indexes");

    public static CompiledEvaluator CompileValue(BoundExpression node)
    {
        var emit = new ExpressionCompiler();
        return Expression.Lambda<CompiledEvaluator>(emit.Value(node), "rule", [emit.Data, emit.Today, emit.Indexes]).Compile();
    }

    public static CompiledCondition CompileCondition(BoundExpression node)
    {
        var emit = new ExpressionCompiler();
        return Expression.Lambda<CompiledCondition>(emit.Condition(node), "condition", [emit.Data, emit.Today, emit.Indexes]).Compile();
    }

    /// <summary>The node's value, an expression of type <see cref="RuleValue"/>.</summary>
    public Expression Value(BoundExpression node)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (node)
        {
            case BoundLiteral literal:
                return Expression.Constant(literal.Value);
            case BoundList list:
                return List(list);
            case BoundReference reference:
                return Reference(reference);
            case BoundUnary or BoundBinary when ConditionCompiler.NeverNull(node):
                // Logic, comparisons and `in` are always yes or no: their value is the condition's.
                return FromBoolean(Condition(node));
            case BoundUnary unary:
                return Runtime(nameof(RuleOps.Negate), Value(unary.Operand));
            case BoundBinary binary:
                return Arithmetic(binary);
            case BoundCall call:
                return call.Function.Compile.Tree(call, this);
            default:
                throw new InvalidOperationException($"Cannot compile {node.GetType().Name}; rules with errors are never compiled.");
        }
    }

    /// <summary>Binds a value to a local so it is read once, then builds what uses it.</summary>
    public Expression Let(Expression value, Func<ParameterExpression, Expression> body)
    {
        var local = Expression.Variable(value.Type);
        var built = body(local);
        return Expression.Block(built.Type, [local], Expression.Assign(local, value), built);
    }

    /// <summary>
    /// Arithmetic goes through <see cref="RuleOps"/>, except a date plus a written whole number of days
    /// (<c>referral.date + 45</c>, the commonest sum in assessment rules), which adds the days directly.
    /// </summary>
    private Expression Arithmetic(BoundBinary binary)
    {
        var method = ArithmeticMethod(binary.Operator);
        if (binary.Operator == BinaryOperator.Add && binary.Left.Type.Kind == RuleTypeKind.Date
            && Compiler.TryGetConstant(binary.Right, out var days) && days.Kind == RuleTypeKind.Number
            && Math.Abs(decimal.Truncate(days.RawNumber)) <= RuleOps.CalendarDays)
        {
            var whole = (int)decimal.Truncate(days.RawNumber);
            return Let(Value(binary.Left), date => Expression.Condition(
                KindIs(date, RuleTypeKind.Date),
                Runtime(nameof(RuleOps.AddWholeDays), date, Expression.Constant(whole)),
                Runtime(method, date, Expression.Constant(days))));
        }

        return Runtime(method, Value(binary.Left), Value(binary.Right));
    }

    private static string ArithmeticMethod(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => nameof(RuleOps.Add),
        BinaryOperator.Subtract => nameof(RuleOps.Subtract),
        BinaryOperator.Multiply => nameof(RuleOps.Multiply),
        BinaryOperator.Divide => nameof(RuleOps.Divide),
        _ => throw new InvalidOperationException($"Unknown operator {op}."),
    };

    private static Expression FromBoolean(Expression condition) =>
        Expression.Condition(condition, Expression.Constant(RuleValue.True), Expression.Constant(RuleValue.False));

    private static Expression Runtime(string method, params Expression[] arguments) =>
        Functions.CallCompiler.Call(typeof(RuleOps), method, arguments);

    private static MemberExpression Member(Expression value, string property) =>
        Expression.Property(value, typeof(RuleValue).GetProperty(property, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)!);

    private Expression List(BoundList list)
    {
        if (Compiler.TryGetConstant(list, out var constant))
        {
            return Expression.Constant(constant);
        }

        // Built per evaluation, as the closures do: a list with answers in it depends on them.
        var items = Expression.NewArrayInit(typeof(RuleValue), list.Items.Select(Value));
        return Expression.Call(typeof(RuleValue), nameof(RuleValue.FromList), null, Expression.Convert(items, typeof(IReadOnlyList<RuleValue>)));
    }

    private Expression Reference(BoundReference reference) => reference.Mode switch
    {
        ReferenceMode.Direct => Functions.CallCompiler.Call(typeof(RepeatWalker), nameof(RepeatWalker.Read),
            Data, Expression.Constant(reference.Symbol), Indexes, Expression.Constant(reference.FixedDepth)),
        ReferenceMode.Collect => Functions.CallCompiler.Call(typeof(RepeatWalker), nameof(RepeatWalker.Collect),
            Data, Indexes, Expression.Constant(reference.Chain), Expression.Constant(reference.FixedDepth), Expression.Constant(reference.Symbol)),

        // A group is only read through count/any/all, which walk it themselves.
        _ => Expression.Constant(RuleValue.Null),
    };
}
