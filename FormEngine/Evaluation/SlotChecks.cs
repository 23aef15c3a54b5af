using FormEngine.Binding;
using FormEngine.Rules;
using FormEngine.Templates;

namespace FormEngine.Evaluation;

/// <summary>
/// A node's checks: whether it is required now, whether it is missing, and its error messages (the
/// answer not fitting, <c>validate</c> rules, number and item limits). Only shown nodes are checked, and
/// validations only once answered, so a hidden or empty question never shows an error.
/// </summary>
internal static class SlotChecks
{
    /// <summary>Redoes a node's checks, in every repeat item for a repeat field.</summary>
    public static void Recompute(NodePlan plan, SlotTable slots, DateOnly today)
    {
        if (plan.Repeat is null)
        {
            Recompute(plan, ref slots.Top(plan), -1, slots, today);
            return;
        }

        var items = slots.Items(plan.Repeat);
        for (var i = 0; i < items.Count; i++)
        {
            Recompute(plan, ref items[i][plan.FieldIndex], i, slots, today);
        }
    }

    private static void Recompute(NodePlan plan, ref Slot slot, int item, SlotTable slots, DateOnly today)
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
        var canRequire = question is null || question.IsAnswerable;
        slot.Required = canRequire && (plan.Node.Required.Always || (plan.RequiredWhen?.IsTrue(slots, today, index) ?? false));
        var answered = IsAnswered(plan, in slot, slots);
        slot.Missing = slot.Required && !answered;

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
            if (!rule.IsTrue(slots, today, index))
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
                AddError(ref slot, Limit(LimitKind.NumberAtLeast, min));
            }

            if (question.Max is { } max && number > max)
            {
                AddError(ref slot, Limit(LimitKind.NumberAtMost, max));
            }
        }

        if (question.Type == QuestionType.Repeat)
        {
            var count = slots.Items(plan).Count;
            if (question.MinItems is { } minItems && count < minItems)
            {
                AddError(ref slot, Limit(LimitKind.ItemsAtLeast, minItems));
            }

            if (question.MaxItems is { } maxItems && count > maxItems)
            {
                AddError(ref slot, Limit(LimitKind.ItemsAtMost, maxItems));
            }
        }
    }

    private static bool IsAnswered(NodePlan plan, in Slot slot, SlotTable slots)
    {
        if (plan.IsSection)
        {
            // A loop, not Any(): a lambda here would allocate on every check of every node, section or not.
            foreach (var child in plan.Children)
            {
                if (child.Question is { IsAnswerable: true } && IsAnswered(child, in slots.Top(child), slots))
                {
                    return true;
                }
            }

            return false;
        }

        if (plan.IsRepeat)
        {
            return slots.Items(plan).Count > 0;
        }

        return !slot.Value.IsNull && !(slot.Value.Kind == RuleTypeKind.List && slot.Value.AsList.Count == 0);
    }

    private static void AddError(ref Slot slot, SlotError message) => (slot.Errors ??= []).Add(message);

    /// <summary>FormEngine's own message for a number or item limit: the limit as data, with its English text.</summary>
    private static SlotError Limit(LimitKind kind, decimal limit)
    {
        var error = new LimitError(kind, limit);
        return new SlotError(error.EnglishText, Limit: error);
    }
}
