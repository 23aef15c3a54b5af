using System.Text.Json.Nodes;
using FormEngine.Binding;
using FormEngine.Diagnostics;
using FormEngine.Templates;

namespace FormEngine.Evaluation;

/// <summary>
/// The answers document: JSON with one object per section, an array of objects per repeat group.
/// The document is the record of what was entered; typed values are read from it, and it is never
/// rewritten except where an answer is set, so unknown or ill-fitting answers survive untouched.
/// </summary>
public sealed partial class FormSession
{
    private void LoadDocument()
    {
        foreach (var plan in _plans)
        {
            if (plan.IsRepeat && plan.Repeat is null)
            {
                LoadItems(plan);
            }
            else if (plan.Repeat is null && plan.Question is { TakesAnswer: true })
            {
                ReadAnswer(plan, ref _top[plan.Index], SectionObject(plan.Parent!, create: false)?[plan.Node.Id]);
            }
        }

        FindUnrecognised();
    }

    private void LoadItems(NodePlan group)
    {
        var items = new List<Slot[]>();
        _items[group.Index] = items;
        var node = SectionObject(group.Parent!, create: false)?[group.Node.Id];
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

    private static void ReadAnswer(NodePlan plan, ref Slot slot, JsonNode? node)
    {
        var (value, error) = AnswerConverter.Read(plan.Question!, node);
        slot.Answer = value;
        slot.AnswerError = error;
    }

    private void FindUnrecognised()
    {
        _unrecognised.Clear();
        foreach (var (key, value) in _document)
        {
            var section = Template.FindPlan(key);
            if (section is not { IsSection: true })
            {
                AddUnrecognised(key, "The template has no section with this id.");
                continue;
            }

            if (value is null)
            {
                continue;
            }

            if (value is not JsonObject answers)
            {
                AddUnrecognised(key, "A section's answers should be an object of question ids and answers.");
                continue;
            }

            foreach (var (questionId, answer) in answers)
            {
                var path = $"{key}.{questionId}";
                var question = Template.FindPlan(path);
                if (question?.Question is not { } q || !(q.TakesAnswer || q.Type == QuestionType.Repeat))
                {
                    AddUnrecognised(path, question is null ? "The template has no question with this id here." : "This question takes no answer.");
                }
                else if (q.Type == QuestionType.Repeat && answer is JsonArray items)
                {
                    for (var i = 0; i < items.Count; i++)
                    {
                        if (items[i] is not JsonObject item)
                        {
                            AddUnrecognised($"{path}[{i}]", "Each item should be an object of question ids and answers.");
                            continue;
                        }

                        foreach (var (fieldId, _) in item)
                        {
                            var field = Template.FindPlan($"{path}.{fieldId}");
                            if (field?.Question is not { TakesAnswer: true })
                            {
                                AddUnrecognised(AnswerPath.Format(path, i, fieldId), field is null ? "The repeat group has no question with this id." : "This question takes no answer.");
                            }
                        }
                    }
                }
            }
        }
    }

    private void AddUnrecognised(string path, string message) =>
        _unrecognised.Add(new AnswerIssue(DiagnosticCatalogue.AnswerUnrecognised.Code, path, message));

    /// <summary>
    /// Copies answers to questions marked <c>carry_forward</c> from the previous assessment where this one
    /// has none yet, and records each path so the practitioner can confirm rather than retype.
    /// </summary>
    private void CarryForward(JsonObject previous)
    {
        foreach (var plan in _plans)
        {
            if (plan is not { Repeat: null, Question.CarryForward: true } || plan.Parent is not { } section)
            {
                continue;
            }

            var old = (previous[section.Node.Id] as JsonObject)?[plan.Node.Id];
            if (old is null || IsEmpty(old))
            {
                continue;
            }

            var current = SectionObject(section, create: true)!;
            if (current[plan.Node.Id] is { } existing && !IsEmpty(existing))
            {
                continue;
            }

            current[plan.Node.Id] = old.DeepClone();
            _carriedForward.Add(plan.Path);
        }
    }

    private static bool IsEmpty(JsonNode node) => node switch
    {
        JsonArray array => array.Count == 0,
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String => value.GetValue<string>().Length == 0,
        _ => false,
    };

    private JsonObject? SectionObject(NodePlan section, bool create)
    {
        if (_document[section.Node.Id] is JsonObject existing)
        {
            return existing;
        }

        if (!create)
        {
            return null;
        }

        var created = new JsonObject();
        _document[section.Node.Id] = created;
        return created;
    }

    private JsonArray? GroupArray(NodePlan group, bool create)
    {
        var section = SectionObject(group.Parent!, create);
        if (section?[group.Node.Id] is JsonArray existing)
        {
            return existing;
        }

        if (!create || section is null)
        {
            return null;
        }

        // Anything else stored here does not fit a repeat group; it is replaced only because the caller asked to add an item.
        var created = new JsonArray();
        section[group.Node.Id] = created;
        return created;
    }

    private JsonObject ItemObject(NodePlan group, int index)
    {
        var array = GroupArray(group, create: true)!;
        if (array[index] is JsonObject item)
        {
            return item;
        }

        var created = new JsonObject();
        array[index] = created;
        return created;
    }
}
