using FormEngine.Rules.Ast;
using FormEngine.Rules.Checking;
using FormEngine.Rules.Runtime;

namespace FormEngine.Rules.Compilation;

/// <summary>Closures for the operators; each just calls the matching <see cref="RuleOps"/> method.</summary>
internal static class OperatorCompiler
{
    public static Evaluator Compile(BoundUnary unary, Evaluator operand) => unary.Operator switch
    {
        UnaryOperator.Not => (in EvalContext c) => RuleOps.Not(operand(in c)),
        _ => (in EvalContext c) => RuleOps.Negate(operand(in c)),
    };

    public static Evaluator Compile(BoundBinary binary, Evaluator left, Evaluator right)
    {
        // Most conditions compare an answer with a written value (`child.age < 5`, `'COMM' in x`): read
        // the written value from the closure instead of calling a constant delegate for it.
        if (Compiler.TryGetConstant(binary.Right, out var k) && CompileWithConstantRight(binary.Operator, left, k) is { } withRight)
        {
            return withRight;
        }

        if (binary.Operator is BinaryOperator.In or BinaryOperator.NotIn && Compiler.TryGetConstant(binary.Left, out var j))
        {
            return binary.Operator == BinaryOperator.In
                ? (in EvalContext c) => RuleOps.In(j, right(in c))
                : (in EvalContext c) => RuleOps.NotIn(j, right(in c));
        }

        return CompileGeneral(binary, left, right);
    }

    private static Evaluator? CompileWithConstantRight(BinaryOperator op, Evaluator left, RuleValue k) => op switch
    {
        BinaryOperator.Equal => (in EvalContext c) => RuleOps.Equal(left(in c), k),
        BinaryOperator.NotEqual => (in EvalContext c) => RuleOps.NotEqual(left(in c), k),
        BinaryOperator.Less => (in EvalContext c) => RuleOps.Less(left(in c), k),
        BinaryOperator.LessOrEqual => (in EvalContext c) => RuleOps.LessOrEqual(left(in c), k),
        BinaryOperator.Greater => (in EvalContext c) => RuleOps.Greater(left(in c), k),
        BinaryOperator.GreaterOrEqual => (in EvalContext c) => RuleOps.GreaterOrEqual(left(in c), k),
        BinaryOperator.In => (in EvalContext c) => RuleOps.In(left(in c), k),
        BinaryOperator.NotIn => (in EvalContext c) => RuleOps.NotIn(left(in c), k),
        BinaryOperator.Add => (in EvalContext c) => RuleOps.Add(left(in c), k),
        BinaryOperator.Subtract => (in EvalContext c) => RuleOps.Subtract(left(in c), k),
        _ => null,
    };

    private static Evaluator CompileGeneral(BoundBinary binary, Evaluator left, Evaluator right) => binary.Operator switch
    {
        // Short-circuit: the result is the same as RuleOps.And/Or on both values, as the explainer computes it.
        BinaryOperator.And => (in EvalContext c) => RuleOps.IsTrue(left(in c)) ? RuleOps.And(RuleValue.True, right(in c)) : RuleValue.False,
        BinaryOperator.Or => (in EvalContext c) => RuleOps.IsTrue(left(in c)) ? RuleValue.True : RuleOps.Or(RuleValue.False, right(in c)),
        BinaryOperator.Equal => (in EvalContext c) => RuleOps.Equal(left(in c), right(in c)),
        BinaryOperator.NotEqual => (in EvalContext c) => RuleOps.NotEqual(left(in c), right(in c)),
        BinaryOperator.Less => (in EvalContext c) => RuleOps.Less(left(in c), right(in c)),
        BinaryOperator.LessOrEqual => (in EvalContext c) => RuleOps.LessOrEqual(left(in c), right(in c)),
        BinaryOperator.Greater => (in EvalContext c) => RuleOps.Greater(left(in c), right(in c)),
        BinaryOperator.GreaterOrEqual => (in EvalContext c) => RuleOps.GreaterOrEqual(left(in c), right(in c)),
        BinaryOperator.In => (in EvalContext c) => RuleOps.In(left(in c), right(in c)),
        BinaryOperator.NotIn => (in EvalContext c) => RuleOps.NotIn(left(in c), right(in c)),
        BinaryOperator.Add => (in EvalContext c) => RuleOps.Add(left(in c), right(in c)),
        BinaryOperator.Subtract => (in EvalContext c) => RuleOps.Subtract(left(in c), right(in c)),
        BinaryOperator.Multiply => (in EvalContext c) => RuleOps.Multiply(left(in c), right(in c)),
        BinaryOperator.Divide => (in EvalContext c) => RuleOps.Divide(left(in c), right(in c)),
        _ => throw new InvalidOperationException($"Unknown operator {binary.Operator}."),
    };
}
