using System.Globalization;
using System.Text.Json.Nodes;
using FormEngine.Binding;
using FormEngine.Evaluation;
using FormEngine.Rules;
using FormEngine.Templates;

namespace FormEngine.Versions;

/// <summary>
/// The <c>set</c> steps of a migration: each new answer computed by a rule over the old version's answers (per
/// item inside a repeat group), after everything else has been carried. An answer a <c>set</c> replaces is archived.
/// </summary>
internal sealed partial class MigrationStepper
{
    private void ApplySets(JsonObject oldAnswers)
    {
        var sets = _migration?.Steps.OfType<SetStep>().ToList() ?? [];
        if (sets.Count == 0)
        {
            return;
        }

        var session = FormSession.Open(_old, oldAnswers, new FormSessionOptions { Today = _today });
        var oldQuestions = MigrationChecker.Questions(_old.Bound);
        foreach (var set in sets)
        {
            var plan = _newQuestions[set.Path.Path];
            var expected = MigrationChecker.ExpectedType(plan.Question!.Type);
            if (plan.Repeat is null)
            {
                var rule = Rule.Compile(set.Value.Source, _old.Bound.Symbols, new RuleCompileOptions { ExpectedType = expected });
                Write(set, plan, Section(plan.Parent!.Node.Id), rule.Evaluate(session.State.RuleData, _today));
                continue;
            }

            var oldGroup = oldQuestions.GetValueOrDefault(MigrationChecker.OldPathOf(plan.Repeat.Path, _migration!));
            var groupRule = Rule.Compile(set.Value.Source, _old.Bound.Symbols, new RuleCompileOptions { ExpectedType = expected, Scope = oldGroup?.Symbol });
            var section = Section(plan.Repeat.Parent!.Node.Id);
            if (oldGroup is null || section[plan.Repeat.Node.Id] is not JsonArray items)
            {
                continue;
            }

            for (var i = 0; i < items.Count && i < session.State.ItemCount(oldGroup); i++)
            {
                Write(set, plan, (JsonObject)items[i]!, groupRule.Evaluate(session.State.RuleData, _today, [i]), i);
            }
        }
    }

    private void Write(SetStep set, NodePlan plan, JsonObject into, RuleValue value, int item = -1)
    {
        if (ToJson(value) is not { } json)
        {
            return;
        }

        var shown = item < 0 ? plan.Path : $"{plan.Repeat!.Path}[{item}].{plan.Node.Id}";
        if (into[plan.Node.Id] is { } earlier && !JsonNode.DeepEquals(earlier, json))
        {
            Archive(shown, earlier, $"Replaced by version {_new.Version}'s `set` rule `{set.Value.Source}`.");
        }

        into[plan.Node.Id] = json;
    }

    private static JsonNode? ToJson(RuleValue value) => value.Kind switch
    {
        RuleTypeKind.Text => JsonValue.Create(value.AsText),
        RuleTypeKind.Number => JsonValue.Create(value.AsNumber),
        RuleTypeKind.Boolean => JsonValue.Create(value.AsBoolean),
        RuleTypeKind.Date => JsonValue.Create(value.AsDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        RuleTypeKind.List => new JsonArray([.. value.AsList.Select(ToJson)]),
        _ => null,
    };
}
