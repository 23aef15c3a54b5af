namespace FormEngine.Rules;

/// <summary>How a rule reached its result, step by step, for showing to authors and practitioners.</summary>
public sealed class RuleExplanation
{
    internal RuleExplanation(RuleValue result, IReadOnlyList<string> steps)
    {
        Result = result;
        Steps = steps;
    }

    /// <summary>The rule's result, the same value <see cref="CompiledRule.Evaluate"/> gives.</summary>
    public RuleValue Result { get; }

    /// <summary>True when the result is the yes/no value true (null counts as false).</summary>
    public bool IsTrue => Result.Kind == RuleTypeKind.Boolean && Result.AsBoolean;

    /// <summary>The rule as written, then with answers filled in, then each simplification, ending with the result.</summary>
    public IReadOnlyList<string> Steps { get; }

    /// <summary>The steps joined with arrows, e.g. <c>age(child.dob) &lt; 5 → age(2017-03-02) &lt; 5 → 9 &lt; 5 → false</c>.</summary>
    /// <returns>The joined steps.</returns>
    public override string ToString() => string.Join(" → ", Steps);
}
