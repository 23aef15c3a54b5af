using System.Text.Json.Nodes;
using FormEngine.Binding;
using FormEngine.Rules;

namespace FormEngine.Evaluation;

/// <summary>
/// Keeps a session's slots up to date, incrementally. Each node's value computation (visibility, and the
/// value of a calculated question) has a place in the template's dependency order. A change marks the
/// computations that read it; they are redone in order, and a computation whose result did not change
/// marks nothing further. Required and validation checks and flags are read by no rule, so they are
/// redone last, once.
/// </summary>
internal sealed class Recalculator
{
    private readonly IReadOnlyList<NodePlan> _plans;
    private readonly IReadOnlyList<NodePlan> _order;
    private readonly IReadOnlyList<FlagPlan> _flagPlans;

    /// <summary>
    /// What waits to be redone for each node, indexed by its place in the recalculation order (not its
    /// place in the template), so the value pass walks this array forward from <see cref="_firstDirty"/>.
    /// </summary>
    private readonly Pending[] _pending;
    private readonly FlagState[] _flags;
    private int _firstDirty = int.MaxValue;
    private int _checksPending;

    /// <summary>Reads every stored answer and evaluates everything, as opening a session does.</summary>
    public Recalculator(BoundTemplate bound, DateOnly today, StoredAnswers answers)
    {
        _plans = bound.Plans;
        _order = bound.Order;
        _flagPlans = bound.Flags;
        _pending = new Pending[_plans.Count];
        _flags = new FlagState[_flagPlans.Count];
        Today = today;
        Slots = new SlotTable(_plans);
        Slots.Load(answers);
        foreach (var plan in _plans)
        {
            MarkValueDirty(plan);
        }

        MarkFlagsDirty();
        Recalculate();
    }

    [Flags]
    private enum Pending : byte
    {
        None = 0,

        /// <summary>The node's visibility or value reads something that changed.</summary>
        Value = 1,

        /// <summary>
        /// The node is a repeat group whose items were added, removed or replaced: what reads it is redone
        /// even when its own visibility and value stay the same, as rules read its item count.
        /// </summary>
        Items = 2,

        /// <summary>The node's required and validation checks read something that changed.</summary>
        Checks = 4,
    }

    /// <summary>Every node's state, kept current by this recalculator.</summary>
    public SlotTable Slots { get; }

    /// <summary>The evaluation date rules see.</summary>
    public DateOnly Today { get; }

    /// <summary>How many value computations have run; lets tests prove that a change recomputes only what depends on it.</summary>
    public int ValueComputations { get; private set; }

    /// <summary>Whether a flag's rule held at the last recalculation.</summary>
    public bool IsRaised(FlagPlan flag) => _flags[flag.Index].Raised;

    /// <summary>A stored answer changed at a node (item -1 outside repeat groups): reads it and redoes what depends on it.</summary>
    public void AnswerSet(NodePlan plan, int item, JsonNode? stored)
    {
        Slots.ReadAnswer(plan, item, stored);
        MarkValueDirty(plan);
        // The value rules read may be unchanged (an ill-fitting answer reads as null either way) while
        // the answer's own error changes, so the question's checks are always redone.
        MarkCheckDirty(plan);
        Recalculate();
    }

    /// <summary>A repeat group's whole answer was replaced: reads its items again and redoes what depends on them.</summary>
    public void ItemsReplaced(NodePlan group, JsonNode? stored)
    {
        Slots.LoadItems(group, stored);
        ItemsChanged(group);
    }

    /// <summary>An empty item was appended to a repeat group.</summary>
    public void ItemAdded(NodePlan group)
    {
        Slots.AddItem(group);
        ItemsChanged(group);
    }

    /// <summary>An item was removed from a repeat group.</summary>
    public void ItemRemoved(NodePlan group, int index)
    {
        Slots.RemoveItem(group, index);
        ItemsChanged(group);
    }

    /// <summary>Redoes every computation, as if every answer and item had changed.</summary>
    public void RecalculateAll()
    {
        for (var position = 0; position < _pending.Length; position++)
        {
            _pending[position] |= Pending.Value | Pending.Items;
        }

        _firstDirty = 0;
        MarkFlagsDirty();
        Recalculate();
    }

    private void ItemsChanged(NodePlan group)
    {
        _pending[group.Order] |= Pending.Items;
        MarkValueDirty(group);
        foreach (var field in group.Fields)
        {
            MarkValueDirty(field);
        }

        Recalculate();
    }

    private void MarkValueDirty(NodePlan plan)
    {
        var position = plan.Order;
        _pending[position] |= Pending.Value;
        if (position < _firstDirty)
        {
            _firstDirty = position;
        }
    }

    private void MarkCheckDirty(NodePlan plan)
    {
        ref var pending = ref _pending[plan.Order];
        if ((pending & Pending.Checks) == 0)
        {
            pending |= Pending.Checks;
            _checksPending++;
        }
    }

    private void MarkFlagsDirty()
    {
        for (var i = 0; i < _flags.Length; i++)
        {
            _flags[i].Pending = true;
        }
    }

    private void MarkChangedDependents(NodePlan plan)
    {
        foreach (var dependent in plan.ValueDependents)
        {
            MarkValueDirty(_plans[dependent]);
        }

        MarkCheckDirty(plan);
        foreach (var dependent in plan.CheckDependents)
        {
            MarkCheckDirty(_plans[dependent]);
        }

        foreach (var flag in plan.FlagDependents)
        {
            _flags[flag].Pending = true;
        }
    }

    private void Recalculate()
    {
        for (var position = _firstDirty; position < _pending.Length; position++)
        {
            var pending = _pending[position];
            if ((pending & Pending.Value) == 0)
            {
                continue;
            }

            _pending[position] = pending & Pending.Checks;
            ValueComputations++;
            var plan = _order[position];
            var changed = plan.Repeat is null ? RecomputeTop(plan) : RecomputeFields(plan);
            if (changed || (pending & Pending.Items) != 0)
            {
                MarkChangedDependents(plan);
            }
        }

        _firstDirty = int.MaxValue;
        if (_checksPending > 0)
        {
            // Checks read values and item counts, never each other's results, so their order does not matter.
            for (var position = 0; position < _pending.Length; position++)
            {
                if ((_pending[position] & Pending.Checks) != 0)
                {
                    _pending[position] &= ~Pending.Checks;
                    SlotChecks.Recompute(_order[position], Slots, Today);
                }
            }

            _checksPending = 0;
        }

        for (var i = 0; i < _flags.Length; i++)
        {
            ref var flag = ref _flags[i];
            if (flag.Pending)
            {
                flag.Pending = false;
                flag.Raised = _flagPlans[i].When?.IsTrue(Slots, Today) ?? false;
            }
        }
    }

    private bool RecomputeTop(NodePlan plan)
    {
        ref var slot = ref Slots.Top(plan);
        var visible = (plan.Parent is null || Slots.Top(plan.Parent).Visible)
            && (plan.ShowIf is null || plan.ShowIf.IsTrue(Slots, Today));
        var value = !visible ? RuleValue.Null
            : plan.Value is not null ? plan.Value.Evaluate(Slots, Today)
            : slot.Answer;
        var changed = visible != slot.Visible || !value.Equals(slot.Value);
        slot.Visible = visible;
        slot.Value = value;
        return changed;
    }

    private bool RecomputeFields(NodePlan plan)
    {
        var group = plan.Repeat!;
        var groupVisible = Slots.Top(group).Visible;
        var items = Slots.Items(group);
        var changed = false;
        Span<int> index = stackalloc int[1];
        for (var i = 0; i < items.Count; i++)
        {
            index[0] = i;
            ref var slot = ref items[i][plan.FieldIndex];
            var visible = groupVisible && (plan.ShowIf is null || plan.ShowIf.IsTrue(Slots, Today, index));
            var value = !visible ? RuleValue.Null
                : plan.Value is not null ? plan.Value.Evaluate(Slots, Today, index)
                : slot.Answer;
            changed |= visible != slot.Visible || !value.Equals(slot.Value);
            slot.Visible = visible;
            slot.Value = value;
        }

        return changed;
    }

    /// <summary>A flag's state: whether its rule reads something that changed, and whether it held when last evaluated.</summary>
    private struct FlagState
    {
        public bool Pending;
        public bool Raised;
    }
}
