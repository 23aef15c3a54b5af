using FormEngine.Binding;
using FormEngine.Rules;
using FormEngine.Templates;

namespace FormEngine.Evaluation;

/// <summary>
/// Incremental recalculation. Each node's value computation (visibility, and the value of a calculated
/// question) has a place in the template's dependency order. A change marks the computations that read
/// it; they are redone in order, and a computation whose result did not change marks nothing further.
/// Required and validation checks and flags are read by no rule, so they are redone last, once.
/// </summary>
public sealed partial class FormSession
{
    private int _checksPending;

    /// <summary>How many value computations have run; lets tests prove that a change recomputes only what depends on it.</summary>
    internal int ValueComputations { get; private set; }

    private void MarkValueDirty(NodePlan plan)
    {
        var position = plan.Order;
        _valueDirty[position] = true;
        if (position < _firstDirty)
        {
            _firstDirty = position;
        }
    }

    private void MarkChangedDependents(NodePlan plan)
    {
        foreach (var dependent in plan.ValueDependents)
        {
            MarkValueDirty(_plans[dependent]);
        }

        MarkCheckDirty(plan.Index);
        foreach (var dependent in plan.CheckDependents)
        {
            MarkCheckDirty(dependent);
        }

        foreach (var flag in plan.FlagDependents)
        {
            _flagDirty[flag] = true;
        }
    }

    private void MarkCheckDirty(int planIndex)
    {
        if (!_checkDirty[planIndex])
        {
            _checkDirty[planIndex] = true;
            _checksPending++;
        }
    }

    private void Recalculate()
    {
        for (var position = _firstDirty; position < _order.Count; position++)
        {
            if (!_valueDirty[position])
            {
                continue;
            }

            _valueDirty[position] = false;
            ValueComputations++;
            var plan = _order[position];
            var changed = plan.Repeat is null ? RecomputeTop(plan) : RecomputeFields(plan);
            if (_structureChanged[plan.Index])
            {
                _structureChanged[plan.Index] = false;
                changed = true;
            }

            if (changed)
            {
                MarkChangedDependents(plan);
            }
        }

        _firstDirty = int.MaxValue;
        if (_checksPending > 0)
        {
            for (var i = 0; i < _checkDirty.Length; i++)
            {
                if (_checkDirty[i])
                {
                    _checkDirty[i] = false;
                    RecomputeChecks(_plans[i]);
                }
            }

            _checksPending = 0;
        }

        for (var i = 0; i < _flagDirty.Length; i++)
        {
            if (_flagDirty[i])
            {
                _flagDirty[i] = false;
                _flagRaised[i] = _flagPlans[i].When?.IsTrue(_data, Today) ?? false;
            }
        }
    }

    private bool RecomputeTop(NodePlan plan)
    {
        ref var slot = ref _top[plan.Index];
        var visible = (plan.Parent is null || _top[plan.Parent.Index].Visible)
            && (plan.ShowIf is null || plan.ShowIf.IsTrue(_data, Today));
        var value = !visible ? RuleValue.Null
            : plan.Value is not null ? plan.Value.Evaluate(_data, Today)
            : slot.Answer;
        var changed = visible != slot.Visible || !value.Equals(slot.Value);
        slot.Visible = visible;
        slot.Value = value;
        return changed;
    }

    private bool RecomputeFields(NodePlan plan)
    {
        var group = plan.Repeat!;
        var groupVisible = _top[group.Index].Visible;
        var items = _items[group.Index]!;
        var changed = false;
        Span<int> index = stackalloc int[1];
        for (var i = 0; i < items.Count; i++)
        {
            index[0] = i;
            ref var slot = ref items[i][plan.FieldIndex];
            var visible = groupVisible && (plan.ShowIf is null || plan.ShowIf.IsTrue(_data, Today, index));
            var value = !visible ? RuleValue.Null
                : plan.Value is not null ? plan.Value.Evaluate(_data, Today, index)
                : slot.Answer;
            changed |= visible != slot.Visible || !value.Equals(slot.Value);
            slot.Visible = visible;
            slot.Value = value;
        }

        return changed;
    }

    private void RecomputeChecks(NodePlan plan)
    {
        if (plan.Repeat is null)
        {
            RecomputeChecks(plan, ref _top[plan.Index], -1);
            return;
        }

        var items = _items[plan.Repeat.Index]!;
        for (var i = 0; i < items.Count; i++)
        {
            RecomputeChecks(plan, ref items[i][plan.FieldIndex], i);
        }
    }

    private void RecomputeChecks(NodePlan plan, ref Slot slot, int item)
    {
        Span<int> index = stackalloc int[item < 0 ? 0 : 1];
        if (item >= 0)
        {
            index[0] = item;
        }

        slot.Errors = null;
        slot.Required = false;
        slot.Missing = false;
        if (!slot.Visible)
        {
            return;
        }

        var question = plan.Question;
        var canRequire = question is null || question.TakesAnswer || question.Type == QuestionType.Repeat;
        slot.Required = canRequire && (plan.Node.Required.Always || (plan.RequiredWhen?.IsTrue(_data, Today, index) ?? false));
        var answered = IsAnswered(plan, in slot);
        slot.Missing = (slot.Required && !answered) || (plan.IsRepeat && !answered && question!.MinItems > 0);

        if (slot.AnswerError is { } answerError)
        {
            AddError(ref slot, new SlotError(answerError));
        }

        if (!answered)
        {
            return;
        }

        for (var i = 0; i < plan.Validations.Count; i++)
        {
            var (rule, message) = plan.Validations[i];
            if (!rule.IsTrue(_data, Today, index))
            {
                AddError(ref slot, new SlotError(message, plan.Node.Validations[i].MessageText));
            }
        }

        if (question is null)
        {
            return;
        }

        if (question.Type == QuestionType.Number && slot.Value.Kind == RuleTypeKind.Number)
        {
            var number = slot.Value.AsNumber;
            if (question.Min is { } min && number < min)
            {
                AddError(ref slot, Limit(Views.Wording.For("en").NumberAtLeastFormat, min, words => words.NumberAtLeastFormat));
            }

            if (question.Max is { } max && number > max)
            {
                AddError(ref slot, Limit(Views.Wording.For("en").NumberAtMostFormat, max, words => words.NumberAtMostFormat));
            }
        }

        if (question.Type == QuestionType.Repeat)
        {
            var count = _items[plan.Index]!.Count;
            if (question.MinItems is { } minItems && count < minItems)
            {
                AddError(ref slot, Limit(Views.Wording.For("en").ItemsAtLeastFormat, minItems, words => words.ItemsAtLeastFormat));
            }

            if (question.MaxItems is { } maxItems && count > maxItems)
            {
                AddError(ref slot, Limit(Views.Wording.For("en").ItemsAtMostFormat, maxItems, words => words.ItemsAtMostFormat));
            }
        }
    }

    private bool IsAnswered(NodePlan plan, in Slot slot)
    {
        if (plan.IsSection)
        {
            return plan.Children.Any(child => child.Question is { TakesAnswer: true } or { Type: QuestionType.Repeat } && IsAnswered(child, in _top[child.Index]));
        }

        if (plan.IsRepeat)
        {
            return _items[plan.Index]!.Count > 0;
        }

        return !slot.Value.IsNull && !(slot.Value.Kind == RuleTypeKind.List && slot.Value.AsList.Count == 0);
    }

    private static void AddError(ref Slot slot, SlotError message) => (slot.Errors ??= []).Add(message);

    /// <summary>FormEngine's own message for a number or item limit, worded for whichever language reads it.</summary>
    private static SlotError Limit(string englishFormat, decimal limit, Func<Views.Wording, string> format)
    {
        var shown = Views.AnswerFormatter.FormatNumber(limit);
        var plural = limit == 1 ? string.Empty : "s";
        return new SlotError(Views.Wording.Fill(englishFormat, shown, plural), Engine: words => Views.Wording.Fill(format(words), shown, plural));
    }
}
