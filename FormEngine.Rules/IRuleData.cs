namespace FormEngine.Rules;

/// <summary>
/// The answers a rule reads, supplied by the caller (the engine's session). Hidden questions should
/// already read as <see cref="RuleValue.Null"/>.
/// </summary>
public interface IRuleData
{
    /// <summary>Reads one answer.</summary>
    /// <param name="symbol">The question.</param>
    /// <param name="itemIndexes">The index of the item in each repeat group enclosing <paramref name="symbol"/>, outermost first; empty at top level.</param>
    /// <returns>The answer, or <see cref="RuleValue.Null"/> when unanswered.</returns>
    RuleValue GetValue(RuleSymbol symbol, ReadOnlySpan<int> itemIndexes);

    /// <summary>Counts the items of a repeat group.</summary>
    /// <param name="group">The repeat group.</param>
    /// <param name="itemIndexes">The item indexes for the groups enclosing <paramref name="group"/>, outermost first.</param>
    /// <returns>The number of items.</returns>
    int GetItemCount(RuleSymbol group, ReadOnlySpan<int> itemIndexes);
}
