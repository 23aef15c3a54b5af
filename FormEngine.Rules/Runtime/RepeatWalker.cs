using FormEngine.Rules.Compilation;

namespace FormEngine.Rules.Runtime;

/// <summary>
/// Reads answers and walks the items of repeat groups for count, any, all and for reading a repeat field
/// from outside its group, for both tiers: the closures pass their <see cref="EvalContext"/>, IL-compiled
/// rules pass its parts. Item indexes live on the stack, so any/all allocate nothing per item.
/// </summary>
internal static class RepeatWalker
{
    private const int StackLimit = 32;

    /// <summary>One answer, read with the item indexes of the first <paramref name="depth"/> groups the rule is inside.</summary>
    public static RuleValue Read(IRuleData data, RuleSymbol symbol, ReadOnlySpan<int> indexes, int depth) =>
        data.GetValue(symbol, indexes[..depth]);

    /// <summary>
    /// All answers to <paramref name="target"/> over the items of the groups in <paramref name="chain"/>
    /// (its enclosing groups, outermost first), of which the first <paramref name="fixedDepth"/> are the
    /// rule's own current items. Nulls are kept; the aggregates skip them.
    /// </summary>
    public static RuleValue Collect(in EvalContext context, RuleSymbol[] chain, int fixedDepth, RuleSymbol target) =>
        Collect(context.Data, context.Indexes, chain, fixedDepth, target);

    /// <inheritdoc cref="Collect(in EvalContext, RuleSymbol[], int, RuleSymbol)"/>
    public static RuleValue Collect(IRuleData data, ReadOnlySpan<int> current, RuleSymbol[] chain, int fixedDepth, RuleSymbol target)
    {
        Span<int> indexes = chain.Length <= StackLimit ? stackalloc int[chain.Length] : new int[chain.Length];
        current[..fixedDepth].CopyTo(indexes);
        var values = new List<RuleValue>();
        CollectLevel(data, chain, fixedDepth, indexes, target, values);
        return RuleValue.FromList(values);
    }

    /// <summary>The number of items of the last group in <paramref name="chain"/>, over all items of the groups before it that are not fixed.</summary>
    public static RuleValue CountItems(in EvalContext context, RuleSymbol[] chain, int fixedDepth) =>
        CountItems(context.Data, context.Indexes, chain, fixedDepth);

    /// <inheritdoc cref="CountItems(in EvalContext, RuleSymbol[], int)"/>
    public static RuleValue CountItems(IRuleData data, ReadOnlySpan<int> current, RuleSymbol[] chain, int fixedDepth)
    {
        Span<int> indexes = chain.Length <= StackLimit ? stackalloc int[chain.Length] : new int[chain.Length];
        current[..fixedDepth].CopyTo(indexes);
        return RuleValue.FromNumber(CountLevel(data, chain, fixedDepth, indexes));
    }

    /// <summary>
    /// any() (<paramref name="all"/> false) or all(): the condition evaluated for each item of the last
    /// group in <paramref name="chain"/>, with that item's indexes. all() of no items is true.
    /// </summary>
    public static RuleValue Quantify(in EvalContext context, RuleSymbol[] chain, int fixedDepth, Evaluator condition, bool all) =>
        Quantify(context.Data, context.Today, context.Indexes, chain, fixedDepth, new ClosureTest(condition), all);

    /// <inheritdoc cref="Quantify(in EvalContext, RuleSymbol[], int, Evaluator, bool)"/>
    public static RuleValue Quantify(IRuleData data, DateOnly today, ReadOnlySpan<int> current, RuleSymbol[] chain, int fixedDepth, CompiledCondition condition, bool all) =>
        Quantify(data, today, current, chain, fixedDepth, new CompiledTest(condition), all);

    private static RuleValue Quantify<TTest>(IRuleData data, DateOnly today, ReadOnlySpan<int> current, RuleSymbol[] chain, int fixedDepth, TTest test, bool all)
        where TTest : struct, IItemTest
    {
        Span<int> indexes = chain.Length <= StackLimit ? stackalloc int[chain.Length] : new int[chain.Length];
        current[..fixedDepth].CopyTo(indexes);
        return RuleValue.FromBoolean(QuantifyLevel(data, today, chain, fixedDepth, indexes, test, all));
    }

    private static void CollectLevel(IRuleData data, RuleSymbol[] chain, int level, Span<int> indexes, RuleSymbol target, List<RuleValue> values)
    {
        if (level == chain.Length)
        {
            values.Add(data.GetValue(target, indexes));
            return;
        }

        var count = data.GetItemCount(chain[level], indexes[..level]);
        for (var i = 0; i < count; i++)
        {
            indexes[level] = i;
            CollectLevel(data, chain, level + 1, indexes, target, values);
        }
    }

    private static long CountLevel(IRuleData data, RuleSymbol[] chain, int level, Span<int> indexes)
    {
        var count = data.GetItemCount(chain[level], indexes[..level]);
        if (level == chain.Length - 1)
        {
            return Math.Max(0, count);
        }

        long total = 0;
        for (var i = 0; i < count; i++)
        {
            indexes[level] = i;
            total += CountLevel(data, chain, level + 1, indexes);
        }

        return total;
    }

    private static bool QuantifyLevel<TTest>(IRuleData data, DateOnly today, RuleSymbol[] chain, int level, Span<int> indexes, TTest test, bool all)
        where TTest : struct, IItemTest
    {
        var count = data.GetItemCount(chain[level], indexes[..level]);
        for (var i = 0; i < count; i++)
        {
            indexes[level] = i;
            var holds = level == chain.Length - 1
                ? test.Holds(data, today, indexes)
                : QuantifyLevel(data, today, chain, level + 1, indexes, test, all);
            if (holds != all)
            {
                return holds;
            }
        }

        return all;
    }

    /// <summary>The condition any/all test for each item; a struct, so the walk is specialised for each tier and allocates nothing.</summary>
    private interface IItemTest
    {
        bool Holds(IRuleData data, DateOnly today, ReadOnlySpan<int> indexes);
    }

    private readonly struct ClosureTest(Evaluator condition) : IItemTest
    {
        public bool Holds(IRuleData data, DateOnly today, ReadOnlySpan<int> indexes)
        {
            var itemContext = new EvalContext(data, today, indexes);
            return RuleOps.IsTrue(condition(in itemContext));
        }
    }

    private readonly struct CompiledTest(CompiledCondition condition) : IItemTest
    {
        public bool Holds(IRuleData data, DateOnly today, ReadOnlySpan<int> indexes) => condition(data, today, indexes);
    }
}
