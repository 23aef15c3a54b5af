using FormEngine.Rules.Checking;

namespace FormEngine.Rules.Compilation;

/// <summary>
/// A rule's second tier: its IL-compiled delegates. A yes/no rule gets a condition, and a value delegate
/// only when it can be null (otherwise its value is the condition's); any other rule gets a value delegate.
/// </summary>
internal sealed class ILRule
{
    private readonly CompiledEvaluator? _value;
    private readonly CompiledCondition? _condition;

    private ILRule(CompiledEvaluator? value, CompiledCondition? condition)
    {
        _value = value;
        _condition = condition;
    }

    public static ILRule Compile(BoundExpression bound)
    {
        if (bound.Type.Kind != RuleTypeKind.Boolean)
        {
            return new(ExpressionCompiler.CompileValue(bound), null);
        }

        var condition = ExpressionCompiler.CompileCondition(bound);
        return new(ConditionCompiler.NeverNull(bound) ? null : ExpressionCompiler.CompileValue(bound), condition);
    }

    public RuleValue Evaluate(IRuleData data, DateOnly today, ReadOnlySpan<int> indexes) =>
        _value is null ? RuleValue.FromBoolean(_condition!(data, today, indexes)) : _value(data, today, indexes);

    public bool IsTrue(IRuleData data, DateOnly today, ReadOnlySpan<int> indexes) =>
        _condition is null ? _value!(data, today, indexes).IsTrueBoolean : _condition(data, today, indexes);
}
