using FormEngine.Binding;
using FormEngine.Diagnostics;
using FormEngine.Templates;

namespace FormEngine.Evaluation;

/// <summary>
/// Turns the paths callers give a session (<c>child.dob</c>, <c>household.members[0].age</c>) into the
/// node and item they name, with messages that say what was meant when they name nothing.
/// </summary>
internal static class SessionPaths
{
    /// <summary>The node and item (-1 outside repeat groups) at a section or question path.</summary>
    /// <exception cref="ArgumentException">The template has no such node, or the item index is missing or not wanted.</exception>
    public static (NodePlan Plan, int Index) Resolve(SessionReadModel state, string path)
    {
        var template = state.Template;
        if (!AnswerPath.TryParse(path, out var parsed) || template.FindPlan(parsed.TemplatePath) is not { } plan)
        {
            throw new ArgumentException($"Template `{template.Id}` has no question `{path}`.{Suggest(template, path)}", nameof(path));
        }

        if ((plan.Repeat is null) != (parsed.ItemIndex < 0))
        {
            throw new ArgumentException(
                plan.Repeat is null
                    ? $"`{parsed.TemplatePath}` is not inside a repeat group, so it takes no item index."
                    : $"`{parsed.TemplatePath}` is inside repeat group `{plan.Repeat.Path}`: say which item, e.g. `{AnswerPath.Format(plan.Repeat.Path, 0, plan.Node.Id)}`.",
                nameof(path));
        }

        return (plan, parsed.ItemIndex);
    }

    /// <summary>
    /// The node and item an answer can be set at. For a repeat field, the item may be one past the last,
    /// which adds an item.
    /// </summary>
    /// <exception cref="ArgumentException">The path names nothing, or something that takes no answer.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The item is more than one past the last.</exception>
    public static (NodePlan Plan, int Index) ResolveAnswer(SessionReadModel state, string path)
    {
        var (plan, index) = Resolve(state, path);
        if (plan.Question is not { IsAnswerable: true } question)
        {
            throw new ArgumentException($"`{path}` takes no answer: it is {(plan.IsSection ? "a section" : "a " + QuestionTypes.NameOf(plan.Question!.Type) + " question")}.", nameof(path));
        }

        if (plan.Repeat is { } group && (index < 0 || index > state.ItemCount(group)))
        {
            var count = state.ItemCount(group);
            throw new ArgumentOutOfRangeException(nameof(path), $"`{group.Path}` has {count} item(s); use AddItem or index {count} to add one.");
        }

        return (plan, index);
    }

    /// <summary>The repeat group at a path.</summary>
    /// <exception cref="ArgumentException">The path is not a repeat group's.</exception>
    public static NodePlan RepeatGroup(SessionReadModel state, string groupPath)
    {
        var plan = state.Template.FindPlan(groupPath);
        if (plan is null || !plan.IsRepeat)
        {
            throw new ArgumentException($"`{groupPath}` is not a repeat group of template `{state.Template.Id}`.{Suggest(state.Template, groupPath)}", nameof(groupPath));
        }

        return plan;
    }

    private static string Suggest(FormTemplate template, string path)
    {
        var templatePath = AnswerPath.TryParse(path, out var parsed) ? parsed.TemplatePath : path;
        return NameSuggester.DidYouMean(templatePath, template.Paths) is { } hint ? " " + hint : string.Empty;
    }
}
