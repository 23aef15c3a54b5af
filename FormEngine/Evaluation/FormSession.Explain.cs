using FormEngine.Binding;
using FormEngine.Rules;
using FormEngine.Templates;

namespace FormEngine.Evaluation;

/// <summary>Explaining decisions to template authors with the rules language's traces.</summary>
public sealed partial class FormSession
{
    /// <summary>Why a section or question is shown or hidden, and required or not, for the current answers.</summary>
    /// <param name="path">A section or question path; for a repeat field, the item: <c>household.members[1].school</c>.</param>
    /// <returns>The explanation, with the trace of every rule involved.</returns>
    public PathExplanation Explain(string path)
    {
        var (plan, index) = ResolvePath(path);
        var slot = SlotOf(plan, index);
        Span<int> item = stackalloc int[index < 0 ? 0 : 1];
        if (index >= 0)
        {
            item[0] = index;
        }

        var visibility = new List<RuleTrace>();
        foreach (var node in plan.Chain)
        {
            if (node.ShowIf is null)
            {
                continue;
            }

            var nodeItem = node.Repeat is null ? [] : item;
            var role = node == plan ? "show_if" : $"show_if of {(node.IsSection ? "section" : "group")} `{node.Path}`";
            visibility.Add(new RuleTrace(role, node.Node.ShowIf!.Location, node.ShowIf.Explain(_data, Today, nodeItem)));
        }

        RuleTrace? requirement = null;
        if (slot.Visible && plan.RequiredWhen is { } requiredWhen)
        {
            requirement = new RuleTrace("required", plan.Node.Required.When!.Location, requiredWhen.Explain(_data, Today, item));
        }

        RuleTrace? value = null;
        if (slot.Visible && plan.Value is { } valueRule && plan.Question is { Value: { } valueText })
        {
            value = new RuleTrace("value", valueText.Location, valueRule.Explain(_data, Today, item));
        }

        return new PathExplanation
        {
            Path = path,
            Visible = slot.Visible,
            Required = slot.Required,
            Visibility = visibility,
            Requirement = requirement,
            Value = value,
        };
    }

    /// <summary>How a flag's rule was evaluated, or null when the template has no such flag.</summary>
    internal RuleExplanation? ExplainFlag(string id)
    {
        var plan = _flagPlans.FirstOrDefault(f => f.Flag.Id == id);
        return plan?.When?.Explain(_data, Today);
    }
}
