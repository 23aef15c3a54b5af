using System.Text.Json.Nodes;
using FormEngine.Binding;
using FormEngine.Rules;

namespace FormEngine.Evaluation;

/// <summary>
/// Where a session keeps every node's state: one <see cref="Slot"/> per node outside repeat groups, and
/// one per field in each repeat item. Slots are arrays indexed by the template's slot numbers, so what
/// rules read (this table is their <see cref="IRuleData"/>) is an array lookup, not a search by path.
/// </summary>
internal sealed class SlotTable : IRuleData
{
    private readonly IReadOnlyList<NodePlan> _plans;
    private readonly Slot[] _top;
    private readonly List<Slot[]>?[] _items;

    public SlotTable(IReadOnlyList<NodePlan> plans)
    {
        _plans = plans;
        _top = new Slot[plans.Count];
        _items = new List<Slot[]>?[plans.Count];
    }

    /// <summary>The state of a node outside repeat groups; for a repeat group, the group's own state.</summary>
    public ref Slot Top(NodePlan plan) => ref _top[plan.Index];

    /// <summary>A repeat group's items, each an array of its fields' slots (indexed by <see cref="NodePlan.FieldIndex"/>).</summary>
    public List<Slot[]> Items(NodePlan group) => _items[group.Index]!;

    /// <summary>A node's state; <paramref name="index"/> is the repeat item, or -1 for a node outside repeat groups.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The repeat group has no such item.</exception>
    public ref Slot At(NodePlan plan, int index)
    {
        if (plan.Repeat is null)
        {
            return ref _top[plan.Index];
        }

        var items = Items(plan.Repeat);
        if (index < 0 || index >= items.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"`{plan.Repeat.Path}` has {items.Count} item(s); there is no item {index}.");
        }

        return ref items[index][plan.FieldIndex];
    }

    /// <summary>Reads every answer in the document into the slots.</summary>
    public void Load(StoredAnswers answers)
    {
        foreach (var plan in _plans)
        {
            if (plan.IsRepeat && plan.Repeat is null)
            {
                LoadItems(plan, answers.Read(plan, -1));
            }
            else if (plan.Repeat is null && plan.Question is { TakesAnswer: true })
            {
                ReadAnswer(plan, ref _top[plan.Index], answers.Read(plan, -1));
            }
        }
    }

    /// <summary>Replaces a repeat group's items with those stored in <paramref name="node"/>.</summary>
    public void LoadItems(NodePlan group, JsonNode? node)
    {
        var items = new List<Slot[]>();
        _items[group.Index] = items;
        _top[group.Index].AnswerError = null;
        if (node is null)
        {
            return;
        }

        if (node is not JsonArray array)
        {
            _top[group.Index].AnswerError = "This answer should be a list of items.";
            return;
        }

        foreach (var element in array)
        {
            var slots = new Slot[group.Fields.Count];
            var item = element as JsonObject;
            foreach (var field in group.Fields)
            {
                if (field.Question is { TakesAnswer: true })
                {
                    ReadAnswer(field, ref slots[field.FieldIndex], item?[field.Node.Id]);
                }
            }

            items.Add(slots);
        }
    }

    /// <summary>Appends an empty item to a repeat group.</summary>
    public void AddItem(NodePlan group) => Items(group).Add(new Slot[group.Fields.Count]);

    /// <summary>Removes a repeat group's item; later items move up one place.</summary>
    public void RemoveItem(NodePlan group, int index) => Items(group).RemoveAt(index);

    /// <summary>Reads a stored answer into a node's slot as the question's type; item -1 outside repeat groups.</summary>
    public void ReadAnswer(NodePlan plan, int item, JsonNode? node) => ReadAnswer(plan, ref At(plan, item), node);

    public RuleValue GetValue(RuleSymbol symbol, ReadOnlySpan<int> itemIndexes)
    {
        var plan = _plans[symbol.Id];
        if (plan.Repeat is null)
        {
            return _top[plan.Index].Value;
        }

        var items = _items[plan.Repeat.Index]!;
        var index = itemIndexes.Length > 0 ? itemIndexes[0] : -1;
        return index >= 0 && index < items.Count ? items[index][plan.FieldIndex].Value : RuleValue.Null;
    }

    public int GetItemCount(RuleSymbol group, ReadOnlySpan<int> itemIndexes)
    {
        var plan = _plans[group.Id];
        return _top[plan.Index].Visible ? _items[plan.Index]!.Count : 0;
    }

    private static void ReadAnswer(NodePlan plan, ref Slot slot, JsonNode? node)
    {
        var (value, error) = AnswerConverter.Read(plan.Question!, node);
        slot.Answer = value;
        slot.AnswerError = error;
    }
}
