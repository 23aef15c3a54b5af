namespace FormEngine.Rules.Runtime;

/// <summary>
/// Everything one evaluation needs, passed by reference down the compiled delegates. A ref struct, so
/// evaluating allocates no context object; <see cref="Indexes"/> is the item path of the current
/// repeat item (outermost group first), extended on the stack by any/all.
/// </summary>
internal readonly ref struct EvalContext
{
    public EvalContext(IRuleData data, DateOnly today, ReadOnlySpan<int> indexes)
    {
        Data = data;
        Today = today;
        Indexes = indexes;
    }

    public IRuleData Data { get; }

    public DateOnly Today { get; }

    public ReadOnlySpan<int> Indexes { get; }
}

/// <summary>A compiled rule or part of one.</summary>
internal delegate RuleValue Evaluator(in EvalContext context);
