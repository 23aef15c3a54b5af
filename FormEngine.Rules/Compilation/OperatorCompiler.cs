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

    public static Evaluator Compile(BoundBinary binary, Evaluator left, Evaluator right) => binary.Operator switch
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
