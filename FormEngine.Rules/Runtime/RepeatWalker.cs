namespace FormEngine.Rules.Runtime;

/// <summary>
/// Walks the items of repeat groups for count, any, all and for reading a repeat field from outside its
/// group. Item indexes live on the stack, so any/all allocate nothing per item.
/// </summary>
internal static class RepeatWalker
{
    private const int StackLimit = 32;

    /// <summary>
    /// All answers to <paramref name="target"/> over the items of the groups in <paramref name="chain"/>
    /// (its enclosing groups, outermost first), of which the first <paramref name="fixedDepth"/> are the
    /// rule's own current items. Nulls are kept; the aggregates skip them.
    /// </summary>
    public static RuleValue Collect(in EvalContext context, RuleSymbol[] chain, int fixedDepth, RuleSymbol target)
    {
        Span<int> indexes = chain.Length <= StackLimit ? stackalloc int[chain.Length] : new int[chain.Length];
        context.Indexes[..fixedDepth].CopyTo(indexes);
        var values = new List<RuleValue>();
        CollectLevel(context.Data, chain, fixedDepth, indexes, target, values);
        return RuleValue.FromList(values);
    }

    /// <summary>The number of items of the last group in <paramref name="chain"/>, over all items of the groups before it that are not fixed.</summary>
    public static RuleValue CountItems(in EvalContext context, RuleSymbol[] chain, int fixedDepth)
    {
        Span<int> indexes = chain.Length <= StackLimit ? stackalloc int[chain.Length] : new int[chain.Length];
        context.Indexes[..fixedDepth].CopyTo(indexes);
        return RuleValue.FromNumber(CountLevel(context.Data, chain, fixedDepth, indexes));
    }

    /// <summary>
    /// any() (<paramref name="all"/> false) or all(): the condition evaluated for each item of the last
    /// group in <paramref name="chain"/>, with that item's indexes. all() of no items is true.
    /// </summary>
    public static RuleValue Quantify(in EvalContext context, RuleSymbol[] chain, int fixedDepth, Evaluator condition, bool all)
    {
        Span<int> indexes = chain.Length <= StackLimit ? stackalloc int[chain.Length] : new int[chain.Length];
        context.Indexes[..fixedDepth].CopyTo(indexes);
        return RuleValue.FromBoolean(QuantifyLevel(context.Data, context.Today, chain, fixedDepth, indexes, condition, all));
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

    private static bool QuantifyLevel(IRuleData data, DateOnly today, RuleSymbol[] chain, int level, Span<int> indexes, Evaluator condition, bool all)
    {
        var count = data.GetItemCount(chain[level], indexes[..level]);
        for (var i = 0; i < count; i++)
        {
            indexes[level] = i;
            bool holds;
            if (level == chain.Length - 1)
            {
                var itemContext = new EvalContext(data, today, indexes);
                holds = RuleOps.IsTrue(condition(in itemContext));
            }
            else
            {
                holds = QuantifyLevel(data, today, chain, level + 1, indexes, condition, all);
            }

            if (holds != all)
            {
                return holds;
            }
        }

        return all;
    }
}
