using FormEngine.Rules;

namespace FormEngine.Benchmarks.Workloads;

/// <summary>
/// The answers the rule benchmarks read: a plain array per question, as a host that keeps answers by
/// question id would hold them. Repeat fields keep one value per item.
/// </summary>
public sealed class RuleData : IRuleData
{
    private readonly RuleValue[] _values;
    private readonly RuleValue[][] _items;
    private readonly int[] _counts;

    /// <summary>Creates storage for symbols with ids below <paramref name="symbolCount"/>.</summary>
    public RuleData(int symbolCount)
    {
        _values = new RuleValue[symbolCount];
        _items = new RuleValue[symbolCount][];
        _counts = new int[symbolCount];
    }

    /// <summary>Sets a top-level answer.</summary>
    public void Set(RuleSymbol symbol, RuleValue value) => _values[symbol.Id] = value;

    /// <summary>Sets the answers of a repeat field, one per item, and the group's item count.</summary>
    public void SetItems(RuleSymbol field, RuleValue[] values)
    {
        _items[field.Id] = values;
        _counts[field.Group!.Id] = values.Length;
    }

    /// <inheritdoc />
    public RuleValue GetValue(RuleSymbol symbol, ReadOnlySpan<int> itemIndexes)
    {
        if (symbol.Group is null)
        {
            return _values[symbol.Id];
        }

        var items = _items[symbol.Id];
        var index = itemIndexes.Length > 0 ? itemIndexes[^1] : -1;
        return items is not null && index >= 0 && index < items.Length ? items[index] : RuleValue.Null;
    }

    /// <inheritdoc />
    public int GetItemCount(RuleSymbol group, ReadOnlySpan<int> itemIndexes) => _counts[group.Id];
}
