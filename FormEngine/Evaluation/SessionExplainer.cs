using FormEngine.Binding;
using FormEngine.Rules;

namespace FormEngine.Evaluation;

/// <summary>Explains a session's decisions to template authors with the rules language's traces.</summary>
internal static class SessionExplainer
{
    /// <summary>Why a node is shown or hidden, and required or not, with the trace of every rule involved.</summary>
    /// <param name="state">The session.</param>
    /// <param name="path">The path as the caller gave it, echoed in the explanation.</param>
    /// <param name="plan">The node at <paramref name="path"/>.</param>
    /// <param name="index">The repeat item, or -1 outside repeat groups.</param>
    public static PathExplanation Explain(SessionReadModel state, string path, NodePlan plan, int index)
    {
        var slot = state.SlotAt(plan, index);
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
            visibility.Add(new RuleTrace(role, node.Node.ShowIf!.Location, node.ShowIf.Explain(state.RuleData, state.Today, nodeItem)));
        }

        RuleTrace? requirement = null;
        if (slot.Visible && plan.RequiredWhen is { } requiredWhen)
        {
            requirement = new RuleTrace("required", plan.Node.Required.When!.Location, requiredWhen.Explain(state.RuleData, state.Today, item));
        }

        RuleTrace? value = null;
        if (slot.Visible && plan.Value is { } valueRule && plan.Question is { Value: { } valueText })
        {
            value = new RuleTrace("value", valueText.Location, valueRule.Explain(state.RuleData, state.Today, item));
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
    public static RuleExplanation? ExplainFlag(SessionReadModel state, string id) =>
        state.Flags.FirstOrDefault(f => f.Flag.Id == id)?.When?.Explain(state.RuleData, state.Today);
}
