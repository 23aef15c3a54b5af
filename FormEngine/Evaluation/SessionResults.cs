using System.Text.Json.Nodes;
using FormEngine.Binding;
using FormEngine.Diagnostics;
using FormEngine.Rules;
using FormEngine.Templates;

namespace FormEngine.Evaluation;

/// <summary>What a session hands out as results: snapshots of its state and answers, always in template order.</summary>
internal static class SessionResults
{
    /// <summary>Visibility, missing answers, errors, calculated values and flags for the current answers.</summary>
    public static EvaluationResult Evaluate(SessionReadModel state)
    {
        var visible = new List<string>();
        var missing = new List<string>();
        var errors = new List<AnswerError>();
        var values = new List<KeyValuePair<string, RuleValue>>();

        foreach (var plan in state.Plans)
        {
            if (plan.Repeat is not null)
            {
                continue;
            }

            var slot = state.SlotAt(plan, -1);
            Collect(plan, plan.Path, in slot, visible, missing, errors, values);
            if (plan.IsRepeat && slot.Visible)
            {
                for (var i = 0; i < state.ItemCount(plan); i++)
                {
                    foreach (var field in plan.Fields)
                    {
                        Collect(field, AnswerPath.Format(plan.Path, i, field.Node.Id), state.SlotAt(field, i), visible, missing, errors, values);
                    }
                }
            }
        }

        return new EvaluationResult
        {
            TemplateId = state.Template.Id,
            TemplateVersion = state.Template.Version,
            Visible = visible,
            Missing = missing,
            Errors = errors,
            Values = values,
            Flags = [.. state.Flags.Where(state.IsRaised).Select(f => new RaisedFlag(f.Flag.Id, f.Flag.Message, f.Flag.Severity))],
            CarriedForward = [.. state.CarriedForward],
            Unrecognised = [.. state.Unrecognised.Select(u => u.Path)],
        };
    }

    /// <summary>Answers that do not fit their questions, whether shown or hidden, then answers the template has no question for.</summary>
    public static IReadOnlyList<AnswerIssue> AnswerIssues(SessionReadModel state)
    {
        var issues = new List<AnswerIssue>();
        foreach (var plan in state.Plans)
        {
            if (plan.Repeat is null && state.SlotAt(plan, -1).AnswerError is { } error)
            {
                issues.Add(new AnswerIssue(DiagnosticCatalogue.AnswerWrongType.Code, plan.Path, error));
            }

            if (plan.IsRepeat)
            {
                for (var i = 0; i < state.ItemCount(plan); i++)
                {
                    foreach (var field in plan.Fields)
                    {
                        if (state.SlotAt(field, i).AnswerError is { } fieldError)
                        {
                            issues.Add(new AnswerIssue(DiagnosticCatalogue.AnswerWrongType.Code, AnswerPath.Format(plan.Path, i, field.Node.Id), fieldError));
                        }
                    }
                }
            }
        }

        issues.AddRange(state.Unrecognised);
        return issues;
    }

    /// <summary>The stored answers of shown questions only, as a new answers document.</summary>
    public static JsonObject ExportVisibleAnswers(SessionReadModel state)
    {
        var root = new JsonObject();
        foreach (var section in state.Plans.Where(p => p.IsSection && state.SlotAt(p, -1).Visible))
        {
            var answers = new JsonObject();
            foreach (var child in section.Children)
            {
                var slot = state.SlotAt(child, -1);
                if (!slot.Visible || child.Question is not { } question)
                {
                    continue;
                }

                if (question.Type == QuestionType.Repeat)
                {
                    answers[child.Node.Id] = ExportItems(state, child);
                }
                else if (question.TakesAnswer && !slot.Value.IsNull)
                {
                    answers[child.Node.Id] = state.StoredAnswer(child, -1)?.DeepClone();
                }
            }

            if (answers.Count > 0)
            {
                root[section.Node.Id] = answers;
            }
        }

        return root;
    }

    private static JsonArray ExportItems(SessionReadModel state, NodePlan group)
    {
        var result = new JsonArray();
        for (var i = 0; i < state.ItemCount(group); i++)
        {
            var item = new JsonObject();
            foreach (var field in group.Fields)
            {
                if (field.Question is { TakesAnswer: true } && state.SlotAt(field, i) is { Visible: true, Value.IsNull: false })
                {
                    item[field.Node.Id] = state.StoredAnswer(field, i)?.DeepClone();
                }
            }

            result.Add(item);
        }

        return result;
    }

    private static void Collect(NodePlan plan, string path, in Slot slot, List<string> visible, List<string> missing, List<AnswerError> errors, List<KeyValuePair<string, RuleValue>> values)
    {
        if (!slot.Visible)
        {
            return;
        }

        visible.Add(path);
        if (slot.Missing)
        {
            missing.Add(path);
        }

        if (slot.Errors is { } messages)
        {
            errors.AddRange(messages.Select(m => new AnswerError(path, m.Text)));
        }

        if (plan.Question is { Type: QuestionType.Calculated })
        {
            values.Add(new(path, slot.Value));
        }
    }
}
