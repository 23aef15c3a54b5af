namespace FormEngine.Rules.Tests.Support;

/// <summary>
/// Answers for tests. Top-level answers by symbol; repeat items as nested item lists so that nested
/// groups work too. Unset answers read as null.
/// </summary>
internal sealed class FakeData : IRuleData
{
    private readonly Dictionary<RuleSymbol, RuleValue> _answers = [];
    private readonly Item _root = new();

    public FakeData Set(RuleSymbol symbol, RuleValue value)
    {
        _answers[symbol] = value;
        return this;
    }

    /// <summary>Adds an item to a repeat group; <paramref name="parentIndexes"/> locate it within enclosing groups.</summary>
    public FakeData AddItem(RuleSymbol group, IReadOnlyDictionary<RuleSymbol, RuleValue> values, params int[] parentIndexes)
    {
        var item = new Item();
        foreach (var (symbol, value) in values)
        {
            item.Values[symbol] = value;
        }

        ItemsOf(group, parentIndexes, create: true)!.Add(item);
        return this;
    }

    public RuleValue GetValue(RuleSymbol symbol, ReadOnlySpan<int> itemIndexes)
    {
        if (symbol.Group is null)
        {
            return _answers.GetValueOrDefault(symbol);
        }

        var item = Locate(symbol.Group, itemIndexes);
        return item?.Values.GetValueOrDefault(symbol) ?? RuleValue.Null;
    }

    public int GetItemCount(RuleSymbol group, ReadOnlySpan<int> itemIndexes) =>
        ItemsOf(group, itemIndexes, create: false)?.Count ?? 0;

    private Item? Locate(RuleSymbol group, ReadOnlySpan<int> indexes)
    {
        var items = ItemsOf(group, indexes[..^1], create: false);
        var last = indexes[^1];
        return items is not null && last < items.Count ? items[last] : null;
    }

    /// <summary>The item list of a group, found without allocating so the allocation tests measure only the rules.</summary>
    private List<Item>? ItemsOf(RuleSymbol group, ReadOnlySpan<int> parentIndexes, bool create)
    {
        var parent = group.Group is null ? _root : Locate(group.Group, parentIndexes);
        if (parent is null)
        {
            return null;
        }

        if (!parent.Groups.TryGetValue(group, out var list) && create)
        {
            list = [];
            parent.Groups[group] = list;
        }

        return list;
    }

    private sealed class Item
    {
        public Dictionary<RuleSymbol, RuleValue> Values { get; } = [];

        public Dictionary<RuleSymbol, List<Item>> Groups { get; } = [];
    }
}
