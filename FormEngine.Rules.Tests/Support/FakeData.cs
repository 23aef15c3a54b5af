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
        ItemsOf(group, itemIndexes.ToArray(), create: false)?.Count ?? 0;

    private Item? Locate(RuleSymbol group, ReadOnlySpan<int> indexes)
    {
        var items = ItemsOf(group, indexes[..^1].ToArray(), create: false);
        var last = indexes[^1];
        return items is not null && last < items.Count ? items[last] : null;
    }

    private List<Item>? ItemsOf(RuleSymbol group, int[] parentIndexes, bool create)
    {
        var chain = new List<RuleSymbol>();
        for (var g = group.Group; g is not null; g = g.Group)
        {
            chain.Insert(0, g);
        }

        var current = _root;
        for (var level = 0; level < chain.Count; level++)
        {
            var items = current.Groups.GetValueOrDefault(chain[level]);
            if (items is null || parentIndexes[level] >= items.Count)
            {
                return null;
            }

            current = items[parentIndexes[level]];
        }

        if (!current.Groups.TryGetValue(group, out var list) && create)
        {
            list = [];
            current.Groups[group] = list;
        }

        return list;
    }

    private sealed class Item
    {
        public Dictionary<RuleSymbol, RuleValue> Values { get; } = [];

        public Dictionary<RuleSymbol, List<Item>> Groups { get; } = [];
    }
}
