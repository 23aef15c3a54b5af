using System.Text.Json.Nodes;
using FormEngine.Binding;
using FormEngine.Rules;
using FormEngine.Templates;

namespace FormEngine.Evaluation;

/// <summary>Reading results out of a session, always in template order.</summary>
public sealed partial class FormSession
{
    /// <summary>What the rules decided for the current answers.</summary>
    /// <returns>A snapshot of visibility, missing answers, errors, calculated values and flags.</returns>
    public EvaluationResult Evaluate()
    {
        var visible = new List<string>();
        var missing = new List<string>();
        var errors = new List<AnswerError>();
        var values = new List<KeyValuePair<string, RuleValue>>();

        foreach (var plan in _plans)
        {
            if (plan.Repeat is not null)
            {
                continue;
            }

            Collect(plan, plan.Path, in _top[plan.Index], visible, missing, errors, values);
            if (plan.IsRepeat && _top[plan.Index].Visible)
            {
                var items = _items[plan.Index]!;
                for (var i = 0; i < items.Count; i++)
                {
                    foreach (var field in plan.Fields)
                    {
                        Collect(field, AnswerPath.Format(plan.Path, i, field.Node.Id), in items[i][field.FieldIndex], visible, missing, errors, values);
                    }
                }
            }
        }

        var flags = new List<RaisedFlag>();
        for (var i = 0; i < _flagPlans.Count; i++)
        {
            if (_flagRaised[i])
            {
                var flag = _flagPlans[i].Flag;
                flags.Add(new RaisedFlag(flag.Id, flag.Message, flag.Severity));
            }
        }

        return new EvaluationResult
        {
            TemplateId = Template.Id,
            TemplateVersion = Template.Version,
            Visible = visible,
            Missing = missing,
            Errors = errors,
            Values = values,
            Flags = flags,
            CarriedForward = [.. _carriedForward],
            Unrecognised = [.. _unrecognised.Select(u => u.Path)],
        };
    }

    /// <summary>Answers that do not fit their questions (wrong type, not a choice), whether shown or hidden. They are kept as given.</summary>
    /// <returns>One issue per answer, in template order.</returns>
    public IReadOnlyList<AnswerIssue> AnswerIssues()
    {
        var issues = new List<AnswerIssue>();
        foreach (var plan in _plans)
        {
            if (plan.Repeat is null && _top[plan.Index].AnswerError is { } error)
            {
                issues.Add(new AnswerIssue(Diagnostics.DiagnosticCatalogue.AnswerWrongType.Code, plan.Path, error));
            }

            if (plan.IsRepeat)
            {
                var items = _items[plan.Index]!;
                for (var i = 0; i < items.Count; i++)
                {
                    foreach (var field in plan.Fields)
                    {
                        if (items[i][field.FieldIndex].AnswerError is { } fieldError)
                        {
                            issues.Add(new AnswerIssue(Diagnostics.DiagnosticCatalogue.AnswerWrongType.Code, AnswerPath.Format(plan.Path, i, field.Node.Id), fieldError));
                        }
                    }
                }
            }
        }

        issues.AddRange(_unrecognised);
        return issues;
    }

    /// <summary>
    /// The answers of shown questions only, in template order: what outputs and exports should contain.
    /// Hidden answers stay in the session (and in <see cref="ToJson"/>) but are left out here.
    /// </summary>
    /// <returns>A new answers document.</returns>
    public JsonObject ExportVisibleAnswers()
    {
        var root = new JsonObject();
        foreach (var section in _plans.Where(p => p.IsSection && _top[p.Index].Visible))
        {
            var stored = _document[section.Node.Id] as JsonObject;
            var answers = new JsonObject();
            foreach (var child in section.Children)
            {
                if (!_top[child.Index].Visible || child.Question is not { } question)
                {
                    continue;
                }

                if (question.Type == QuestionType.Repeat)
                {
                    answers[child.Node.Id] = ExportItems(child, stored?[child.Node.Id] as JsonArray);
                }
                else if (question.TakesAnswer && !_top[child.Index].Value.IsNull)
                {
                    answers[child.Node.Id] = stored?[child.Node.Id]?.DeepClone();
                }
            }

            if (answers.Count > 0)
            {
                root[section.Node.Id] = answers;
            }
        }

        return root;
    }

    private JsonArray ExportItems(NodePlan group, JsonArray? stored)
    {
        var result = new JsonArray();
        var items = _items[group.Index]!;
        for (var i = 0; i < items.Count; i++)
        {
            var item = new JsonObject();
            var storedItem = stored?[i] as JsonObject;
            foreach (var field in group.Fields)
            {
                if (field.Question is { TakesAnswer: true } && items[i][field.FieldIndex] is { Visible: true, Value.IsNull: false })
                {
                    item[field.Node.Id] = storedItem?[field.Node.Id]?.DeepClone();
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
