using System.Text.Json.Nodes;
using FormEngine.Tests.Confidentiality;
using FormEngine.Versions;
using FsCheck;
using FsCheck.Fluent;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;

namespace FormEngine.Tests.Versions;

/// <summary>Properties of versions that must hold for every generated template and answers document, checked with FsCheck.</summary>
public sealed class VersionPropertyTests
{
    private static FormTemplate Generated(int seed, int version = 1)
    {
        var yaml = new RandomTemplate(seed).Yaml.Replace("id: generated\n", $"id: generated\nversion: {version}\n", StringComparison.Ordinal);
        return FormTemplate.LoadFromText(yaml, "generated.yaml").GetTemplateOrThrow();
    }

    [Property(MaxTest = 60)]
    public bool Diff_of_a_template_with_itself_is_empty_and_safe(PositiveInt seed)
    {
        var template = Generated(seed.Get);
        var diff = TemplateDiff.Between(template, Generated(seed.Get));
        return diff.Changes.Count == 0 && diff.Verdict == ChangeImpact.Safe;
    }

    [Property(MaxTest = 60)]
    public bool Migrating_any_answers_document_loses_no_value(PositiveInt oldSeed, PositiveInt newSeed, NonEmptyString stray)
    {
        // Two unrelated generated templates: most answers have no home in the new one, which is the hard case.
        var old = Generated(oldSeed.Get);
        var @new = Generated(newSeed.Get, version: 2);
        var answers = new RandomTemplate(oldSeed.Get).Answers();
        answers["stray_section"] = new JsonObject { ["stray"] = stray.Get };
        answers["$template"] = TemplateStamp.Of(old).ToJson();

        var migrated = MigrationStepper.Apply(answers, old, @new, TestTemplates.Today);

        var kept = Leaves(migrated.Where(e => !e.Key.StartsWith('$')).Select(e => e.Value))
            .Concat(Leaves((migrated["$archived"] as JsonArray ?? []).Select(entry => entry!["value"])))
            .GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());
        var given = Leaves(answers.Where(e => !e.Key.StartsWith('$')).Select(e => e.Value)).GroupBy(v => v);
        return given.All(g => kept.GetValueOrDefault(g.Key) >= g.Count())
            && migrated["$template"]!["version"]!.GetValue<int>() == 2;
    }

    [Property(MaxTest = 40)]
    public bool Migrating_is_deterministic(PositiveInt oldSeed, PositiveInt newSeed)
    {
        var old = Generated(oldSeed.Get);
        var @new = Generated(newSeed.Get, version: 2);
        var answers = new RandomTemplate(oldSeed.Get).Answers();
        answers["$template"] = TemplateStamp.Of(old).ToJson();
        var first = MigrationStepper.Apply(answers, old, @new, TestTemplates.Today);
        var second = MigrationStepper.Apply(answers, old, @new, TestTemplates.Today);
        return first.ToJsonString() == second.ToJsonString();
    }

    private static IEnumerable<string> Leaves(IEnumerable<JsonNode?> nodes) => nodes.SelectMany(Leaves);

    private static IEnumerable<string> Leaves(JsonNode? node) => node switch
    {
        null => [],
        JsonObject map => map.SelectMany(e => Leaves(e.Value)),
        JsonArray list => list.SelectMany(Leaves),
        _ => [node.ToJsonString()],
    };
}
