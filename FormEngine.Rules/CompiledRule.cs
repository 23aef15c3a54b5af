using FormEngine.Rules.Compilation;
using FormEngine.Rules.Checking;
using FormEngine.Rules.Runtime;

namespace FormEngine.Rules;

/// <summary>
/// A rule that has been checked and compiled to delegates. Immutable and thread-safe: compile once per
/// template and share between all sessions.
/// </summary>
public sealed class CompiledRule
{
    private readonly Evaluator _evaluator;
    private readonly Condition? _condition;
    private IReadOnlyList<TextComparison>? _textComparisons;

    // The IL tier, once compiled; until then the closures above evaluate the rule. With the adaptive tier
    // the evaluations are counted (a plain increment: a count lost to a race only delays the compile) and
    // the thread that reaches the threshold compiles while the others carry on with the closures.
    private ILRule? _il;
    private int _compileAfter;
    private int _evaluations;
    private int _compiling;

    internal CompiledRule(string source, BoundExpression bound, Evaluator evaluator, Condition? condition, RuleSymbol? scope, IReadOnlyList<RuleSymbol> references, bool readsToday, RuleCompileOptions options)
    {
        Source = source;
        Bound = bound;
        _evaluator = evaluator;
        _condition = condition;
        Scope = scope;
        References = references;
        ReadsToday = readsToday;
        _compileAfter = options.Tier == RuleEvaluationTier.Adaptive ? Math.Max(1, options.AdaptiveThreshold) : int.MaxValue;
        if (options.Tier == RuleEvaluationTier.IL)
        {
            _il = ILRule.Compile(bound);
        }
    }

    /// <summary>The rule text as written.</summary>
    public string Source { get; }

    /// <summary>The type of the rule's result.</summary>
    public RuleType ResultType => Bound.Type;

    /// <summary>
    /// Every symbol the rule reads, including repeat groups used by any/all/count and the fields read
    /// inside them; distinct, in order of first use. The engine builds its dependency graph from this.
    /// </summary>
    public IReadOnlyList<RuleSymbol> References { get; }

    /// <summary>Every comparison of an answer with text written in the rule, in the order written.</summary>
    public IReadOnlyList<TextComparison> TextComparisons => _textComparisons ??= Checking.TextComparisons.Find(Bound);

    /// <summary>True when the result depends on the evaluation date (the rule uses <c>today()</c> or <c>age()</c>).</summary>
    public bool ReadsToday { get; }

    /// <summary>True once the rule is evaluated by IL (see <see cref="RuleCompileOptions.Tier"/>) rather than by closures.</summary>
    public bool IsCompiledToIL => Volatile.Read(ref _il) is not null;

    internal BoundExpression Bound { get; }

    internal RuleSymbol? Scope { get; }

    /// <summary>Evaluates the rule.</summary>
    /// <param name="data">The answers.</param>
    /// <param name="today">The evaluation date that <c>today()</c> and <c>age()</c> use.</param>
    /// <param name="itemIndexes">When the rule belongs to a repeat group, the item it is evaluated for: one index per enclosing group, outermost first.</param>
    /// <returns>The result; <see cref="RuleValue.Null"/> when it cannot be known (for example a calculation with an unanswered question).</returns>
    /// <exception cref="ArgumentException">Fewer item indexes were given than the rule's repeat group needs.</exception>
    public RuleValue Evaluate(IRuleData data, DateOnly today, ReadOnlySpan<int> itemIndexes = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckIndexes(itemIndexes);
        if (CompiledToIL() is { } il)
        {
            return il.Evaluate(data, today, itemIndexes);
        }

        var context = new EvalContext(data, today, itemIndexes);
        return _evaluator(in context);
    }

    /// <summary>Evaluates the rule as a condition: true only when the result is the yes/no value true (null counts as false).</summary>
    /// <param name="data">The answers.</param>
    /// <param name="today">The evaluation date.</param>
    /// <param name="itemIndexes">The repeat item the rule is evaluated for, outermost group first.</param>
    /// <returns>Whether the condition holds.</returns>
    public bool IsTrue(IRuleData data, DateOnly today, ReadOnlySpan<int> itemIndexes = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckIndexes(itemIndexes);
        if (CompiledToIL() is { } il)
        {
            return il.IsTrue(data, today, itemIndexes);
        }

        var context = new EvalContext(data, today, itemIndexes);
        return _condition is null ? RuleOps.IsTrue(_evaluator(in context)) : _condition(in context);
    }

    /// <summary>Evaluates the rule and records how the result was reached, step by step.</summary>
    /// <param name="data">The answers.</param>
    /// <param name="today">The evaluation date.</param>
    /// <param name="itemIndexes">The repeat item the rule is evaluated for, outermost group first.</param>
    /// <returns>The result and the steps.</returns>
    public RuleExplanation Explain(IRuleData data, DateOnly today, ReadOnlySpan<int> itemIndexes = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckIndexes(itemIndexes);
        var context = new EvalContext(data, today, itemIndexes);
        return Explanation.Explainer.Explain(this, in context);
    }

    /// <summary>The rule in plain English for paper forms, using question labels where known, e.g. "'Does the child have a disability?' is 'yes'".</summary>
    /// <returns>The description.</returns>
    public string Describe() => Explanation.Describer.Describe(Bound, new RuleDescriptionOptions());

    /// <summary>The rule in words, in the language and with the question and choice labels the options give.</summary>
    /// <param name="options">The phrases and how to name questions and choice values.</param>
    /// <returns>The description.</returns>
    public string Describe(RuleDescriptionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Explanation.Describer.Describe(Bound, options);
    }

    /// <summary>Returns the rule text.</summary>
    /// <returns>The source.</returns>
    public override string ToString() => Source;

    /// <summary>The IL tier if the rule has it, compiling it now when an adaptive rule has just reached its threshold.</summary>
    private ILRule? CompiledToIL()
    {
        var il = Volatile.Read(ref _il);
        if (il is not null || _compileAfter == int.MaxValue || ++_evaluations < _compileAfter)
        {
            return il;
        }

        if (Interlocked.Exchange(ref _compiling, 1) != 0)
        {
            return null;
        }

        try
        {
            il = ILRule.Compile(Bound);
            Volatile.Write(ref _il, il);
            return il;
        }
        catch (InsufficientExecutionStackException)
        {
            // Only on a thread with an unusually small stack; the closures give the same values, so keep them.
            _compileAfter = int.MaxValue;
            return null;
        }
    }

    private void CheckIndexes(ReadOnlySpan<int> itemIndexes)
    {
        var needed = Scope is null ? 0 : Scope.Depth + 1;
        if (itemIndexes.Length < needed)
        {
            throw new ArgumentException(
                $"The rule belongs to repeat group `{Scope!.Path}` and needs {needed} item index(es), but {itemIndexes.Length} were given.",
                nameof(itemIndexes));
        }
    }
}
