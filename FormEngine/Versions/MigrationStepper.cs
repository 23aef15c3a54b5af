using System.Text.Json.Nodes;
using FormEngine.Binding;
using FormEngine.Evaluation;
using FormEngine.Templates;

namespace FormEngine.Versions;

/// <summary>
/// Carries one answers document from one version to the next: each answer moves to the path a rename gives it
/// (or stays at its own), its choices are mapped, and it is kept where it fits the new question. Anything no
/// step carries (a removed question, a choice that no longer exists, a value that no longer fits, an answer
/// a <c>set</c> replaces) goes to <c>$archived</c> with its original value, the version it was made with and
/// why. Nothing is ever dropped.
/// </summary>
internal sealed partial class MigrationStepper
{
    private readonly FormTemplate _old;
    private readonly FormTemplate _new;
    private readonly Migration? _migration;
    private readonly DateOnly _today;
    private readonly Dictionary<string, NodePlan> _newQuestions;
    private readonly JsonArray _archived = [];
    private readonly JsonObject _result = [];

    private MigrationStepper(FormTemplate old, FormTemplate @new, DateOnly today)
    {
        _old = old;
        _new = @new;
        _migration = @new.Definition.Migrations.FirstOrDefault(m => m.From == old.Version);
        _today = today;
        _newQuestions = MigrationChecker.Questions(@new.Bound);
    }

    /// <summary>The answers of <paramref name="old"/> as answers of <paramref name="new"/>, stamped with it.</summary>
    public static JsonObject Apply(JsonObject answers, FormTemplate old, FormTemplate @new, DateOnly today) =>
        new MigrationStepper(old, @new, today).Run(answers);

    private JsonObject Run(JsonObject answers)
    {
        foreach (var (key, value) in answers)
        {
            if (StoredAnswers.IsMetadataKey(key))
            {
                CopyMetadata(key, value);
            }
            else if (value is JsonObject section)
            {
                foreach (var (id, answer) in section)
                {
                    Carry($"{key}.{id}", answer);
                }
            }
            else if (value is not null)
            {
                Archive(key, value, $"`{key}` is not a section's answers.");
            }
        }

        ApplySets(answers);
        if (_archived.Count > 0)
        {
            _result[ArchivedKey] = _archived;
        }

        return AnswersProvenance.Stamped(_result, _new);
    }

    /// <summary>The key of the archive of answers no step carried forward.</summary>
    public const string ArchivedKey = ArchivedAnswers.Key;

    private void CopyMetadata(string key, JsonNode? value)
    {
        if (key == TemplateStamp.Key)
        {
            return;
        }

        if (key != ArchivedKey)
        {
            _result[key] = value?.DeepClone();
        }
        else if (value is JsonArray earlier)
        {
            // Earlier archives come first, so the archive reads in the order things were set aside.
            foreach (var entry in earlier)
            {
                _archived.Add(entry?.DeepClone());
            }
        }
        else if (value is not null)
        {
            Archive(ArchivedKey, value, "The earlier archive was not a list, so it is kept whole here.");
        }
    }

    private void Carry(string oldPath, JsonNode? value)
    {
        if (value is null)
        {
            return;
        }

        if (Dropped(oldPath))
        {
            Archive(oldPath, value, $"Version {_new.Version} no longer asks this; its migration archives it.");
            return;
        }

        var target = Renamed(oldPath) ?? oldPath;
        if (!_newQuestions.TryGetValue(target, out var plan) || plan.Repeat is not null)
        {
            Archive(oldPath, value, $"Version {_new.Version} has no question `{target}`.");
            return;
        }

        if (plan.IsRepeat)
        {
            CarryGroup(oldPath, target, plan, value);
            return;
        }

        var section = Section(plan.Parent!.Node.Id);
        Place(oldPath, value, plan, section, plan.Node.Id);
    }

    private void CarryGroup(string oldPath, string target, NodePlan group, JsonNode value)
    {
        if (value is not JsonArray items)
        {
            Archive(oldPath, value, $"`{target}` is a repeat group in version {_new.Version}, and this answer is not a list of items.");
            return;
        }

        // Two old groups carried onto one (two renames with the same target): the first keeps the place, as for a single answer.
        if (Section(group.Parent!.Node.Id).ContainsKey(group.Node.Id))
        {
            Archive(oldPath, value, $"Another answer was already carried to `{group.Path}`.");
            return;
        }

        var newItems = new JsonArray();
        for (var i = 0; i < items.Count; i++)
        {
            var newItem = new JsonObject();
            newItems.Add(newItem);
            if (items[i] is not JsonObject item)
            {
                if (items[i] is not null)
                {
                    Archive($"{oldPath}[{i}]", items[i]!, "This item is not a set of answers.");
                }

                continue;
            }

            foreach (var (field, answer) in item)
            {
                if (answer is null)
                {
                    continue;
                }

                var oldField = $"{oldPath}.{field}";
                var shown = $"{oldPath}[{i}].{field}";
                var targetField = Renamed(oldField) ?? $"{target}.{field}";
                if (Dropped(oldField))
                {
                    Archive(shown, answer, $"Version {_new.Version} no longer asks this; its migration archives it.");
                }
                else if (!_newQuestions.TryGetValue(targetField, out var plan) || plan.Repeat != group)
                {
                    Archive(shown, answer, $"Version {_new.Version} has no question `{targetField}` in `{target}`'s items.");
                }
                else
                {
                    Place(shown, answer, plan, newItem, plan.Node.Id);
                }
            }
        }

        Section(group.Parent!.Node.Id)[group.Node.Id] = newItems;
    }

    private void Place(string oldPath, JsonNode value, NodePlan plan, JsonObject into, string id)
    {
        var question = plan.Question!;
        if (!question.TakesAnswer)
        {
            Archive(oldPath, value, $"`{plan.Path}` takes no answer in version {_new.Version} (it is {question.Type.ToString().ToLowerInvariant()}).");
            return;
        }

        if (into.ContainsKey(id))
        {
            Archive(oldPath, value, $"Another answer was already carried to `{plan.Path}`.");
            return;
        }

        var mapped = MapChoices(plan.Path, value);
        if (question.Type == QuestionType.MultiChoice && mapped is JsonArray chosen && question.Choices is { } list)
        {
            // The choices that still exist are kept; the rest are archived, not lost.
            var kept = chosen.Where(c => c is JsonValue v && v.TryGetValue<string>(out var text) && list.Find(text) is not null).Select(c => c!.DeepClone()).ToList();
            var gone = chosen.Where(c => !(c is JsonValue v && v.TryGetValue<string>(out var text) && list.Find(text) is not null)).Select(c => c?.DeepClone()).ToList();
            if (gone.Count > 0)
            {
                Archive(oldPath, new JsonArray([.. gone]), $"Not choices of `{plan.Path}` in version {_new.Version}.");
            }

            if (kept.Count > 0 || gone.Count == 0)
            {
                into[id] = new JsonArray([.. kept]);
            }

            return;
        }

        var (_, error) = AnswerConverter.Read(question, mapped);
        if (error is not null)
        {
            Archive(oldPath, value, $"It does not fit `{plan.Path}` in version {_new.Version}: {error}");
            return;
        }

        into[id] = mapped.DeepClone();
    }

    private JsonNode MapChoices(string newPath, JsonNode value)
    {
        var maps = _migration?.Steps.OfType<MapChoicesStep>().Where(m => m.Path.Path == newPath).ToList() ?? [];
        if (maps.Count == 0)
        {
            return value;
        }

        JsonNode Map(JsonNode? node)
        {
            if (node is JsonValue v && v.TryGetValue<string>(out var text))
            {
                foreach (var map in maps)
                {
                    foreach (var (old, @new, _) in map.Values)
                    {
                        if (old == text)
                        {
                            return JsonValue.Create(@new);
                        }
                    }
                }
            }

            return node?.DeepClone()!;
        }

        return value is JsonArray list ? new JsonArray([.. list.Select(Map)]) : Map(value);
    }

    private bool Dropped(string oldPath) => _migration?.Steps.Any(s => s is DropStep d && d.Path.Path == oldPath) == true;

    private string? Renamed(string oldPath) => _migration?.Steps.OfType<RenameStep>().FirstOrDefault(r => r.From.Path == oldPath)?.To.Path;

    private JsonObject Section(string id)
    {
        if (_result[id] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        _result[id] = created;
        return created;
    }

    private void Archive(string path, JsonNode value, string reason) =>
        _archived.Add(ArchivedAnswers.Entry(path, value, _old.Version, reason));
}
