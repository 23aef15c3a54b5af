using System.Text.Json;
using System.Text.Json.Nodes;
using FormEngine.Binding;
using FormEngine.Evaluation;
using FormEngine.Rules;
using FormEngine.Templates;

namespace FormEngine.Views;

/// <summary>Builds the <see cref="FormView"/> renderers draw from a session's current state.</summary>
public static class FormViewBuilder
{
    /// <summary>The evaluated form for the session's current answers.</summary>
    /// <param name="session">The session.</param>
    /// <returns>The view.</returns>
    public static FormView Build(FormSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var result = session.Evaluate();
        var carried = session.CarriedForward.ToHashSet(StringComparer.Ordinal);
        var sections = new List<SectionView>();
        foreach (var plan in session.Template.Plans.Where(p => p.IsSection))
        {
            var slot = session.SlotAt(plan, -1);
            sections.Add(new SectionView
            {
                Id = plan.Node.Id,
                Path = plan.Path,
                Label = plan.Node.Label,
                Hint = plan.Node.Hint,
                Visible = slot.Visible,
                Required = slot.Required,
                Missing = slot.Missing,
                Errors = slot.Errors?.ToArray() ?? [],
                ShowIfDescription = plan.ShowIf?.Describe(),
                RequiredDescription = plan.RequiredWhen?.Describe(),
                HiddenBy = slot.Visible ? null : HiddenBy(session, plan, -1),
                Questions = [.. plan.Children.Select(child => Question(session, child, -1, carried))],
            });
        }

        return new FormView
        {
            TemplateId = result.TemplateId,
            TemplateVersion = result.TemplateVersion,
            Title = session.Template.Title,
            Today = session.Today,
            Sections = sections,
            Flags = [.. result.Flags.Select((flag, index) => (flag, index)).OrderByDescending(f => f.flag.Severity).ThenBy(f => f.index).Select(f => f.flag)],
            Errors = result.Errors,
            Missing = result.Missing,
            CarriedForward = result.CarriedForward,
        };
    }

    private static QuestionView Question(FormSession session, NodePlan plan, int item, HashSet<string> carried)
    {
        var question = plan.Question!;
        var slot = session.SlotAt(plan, item);
        var path = item < 0 ? plan.Path : AnswerPath.Format(plan.Repeat!.Path, item, plan.Node.Id);
        var answer = question.Type == QuestionType.Calculated ? slot.Value : slot.Visible ? slot.Value : slot.Answer;
        var selected = SelectedValues(answer);
        return new QuestionView
        {
            Id = plan.Node.Id,
            Path = path,
            Label = plan.Node.Label,
            Hint = plan.Node.Hint,
            Type = question.Type,
            Visible = slot.Visible,
            Required = slot.Required,
            Missing = slot.Missing,
            Errors = slot.Errors?.ToArray() ?? [],
            ShowIfDescription = plan.ShowIf?.Describe(),
            RequiredDescription = plan.RequiredWhen?.Describe(),
            HiddenBy = slot.Visible ? null : HiddenBy(session, plan, item),
            Value = slot.Value,
            DisplayValue = AnswerFormatter.Format(question, answer),
            InputValue = slot.AnswerError is null ? AnswerFormatter.FormatForInput(answer) : RawText(session.StoredAnswer(plan, item)),
            Choices = [.. (question.Choices?.Choices ?? []).Select(c => new ChoiceView(c.Value, c.Label, c.Hint, selected.Contains(c.Value)))],
            Min = question.Min,
            Max = question.Max,
            CarriedForward = item < 0 && carried.Contains(plan.Path),
            Items = question.Type == QuestionType.Repeat && item < 0
                ? [.. Enumerable.Range(0, session.ItemCount(plan.Path)).Select(i => new RepeatItemView(i, [.. plan.Fields.Select(f => Question(session, f, i, carried))]))]
                : [],
            ItemTemplate = question.Type == QuestionType.Repeat ? [.. plan.Fields.Select(f => Blank(f, slot.Visible))] : [],
        };
    }

    private static QuestionView Blank(NodePlan plan, bool visible)
    {
        var question = plan.Question!;
        return new QuestionView
        {
            Id = plan.Node.Id,
            Path = plan.Path,
            Label = plan.Node.Label,
            Hint = plan.Node.Hint,
            Type = question.Type,
            Visible = visible,
            Required = plan.Node.Required.Always,
            ShowIfDescription = plan.ShowIf?.Describe(),
            RequiredDescription = plan.RequiredWhen?.Describe(),
            Choices = [.. (question.Choices?.Choices ?? []).Select(c => new ChoiceView(c.Value, c.Label, c.Hint, false))],
            Min = question.Min,
            Max = question.Max,
        };
    }

    private static HashSet<string> SelectedValues(RuleValue value) => value.Kind switch
    {
        RuleTypeKind.Text => [value.AsText],
        RuleTypeKind.List => [.. value.AsList.Where(v => v.Kind == RuleTypeKind.Text).Select(v => v.AsText)],
        _ => [],
    };

    private static string RawText(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    /// <summary>The outermost show_if on the element's chain that is false: that is what hides it.</summary>
    private static HiddenReason? HiddenBy(FormSession session, NodePlan plan, int item)
    {
        var chain = new List<NodePlan>();
        for (var current = plan; current is not null; current = current.Parent)
        {
            chain.Insert(0, current);
        }

        Span<int> index = stackalloc int[item < 0 ? 0 : 1];
        if (item >= 0)
        {
            index[0] = item;
        }

        foreach (var node in chain)
        {
            if (node.ShowIf is null)
            {
                continue;
            }

            var explanation = node.ShowIf.Explain(session.RuleData, session.Today, node.Repeat is null ? [] : index);
            if (!explanation.IsTrue)
            {
                return new HiddenReason(node.Path, node.ShowIf.Source, node.Node.ShowIf!.Location, string.Join(" → ", explanation.Steps));
            }
        }

        return null;
    }
}
