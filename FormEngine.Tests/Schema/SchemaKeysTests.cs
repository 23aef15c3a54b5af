using System.Text.Json;
using System.Text.Json.Nodes;
using FormEngine.Loading;
using FormEngine.Templates;

namespace FormEngine.Tests.Schema;

/// <summary>The JSON Schema editors use and the loader must accept exactly the same keys, for the same question types.</summary>
public class SchemaKeysTests
{
    private static JsonNode Schema => JsonNode.Parse(File.ReadAllText(Path.Combine(TestTemplates.RepoRoot, "schema", "formengine-template.schema.json")))!;

    [TestCase("", nameof(TemplateKeys.Template))]
    [TestCase("section", nameof(TemplateKeys.Section))]
    [TestCase("question", nameof(TemplateKeys.Question))]
    [TestCase("choice_object", nameof(TemplateKeys.Choice))]
    [TestCase("validation", nameof(TemplateKeys.Validation))]
    [TestCase("flag", nameof(TemplateKeys.Flag))]
    public void Schema_and_loader_know_the_same_keys(string definition, string keysField)
    {
        var node = definition.Length == 0 ? Schema : Schema["$defs"]![definition]!;
        var schemaKeys = node["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal);
        var loaderKeys = ((string[])typeof(TemplateKeys).GetField(keysField)!.GetValue(null)!).Order(StringComparer.Ordinal);
        Assert.That(schemaKeys, Is.EqualTo(loaderKeys));
    }

    [Test]
    public void Schema_and_loader_know_the_same_migration_keys()
    {
        var migration = Schema["$defs"]!["migration"]!["properties"]!.AsObject().Select(p => p.Key);
        Assert.That(migration, Is.EquivalentTo(MigrationReader.EntryKeys));
        var steps = Schema["$defs"]!["migration_step"]!["oneOf"]!.AsArray()
            .Select(s => s!["properties"]!.AsObject().Single())
            .ToDictionary(p => p.Key, p => p.Value!["properties"]!.AsObject().Select(k => k.Key).ToArray());
        Assert.That(steps.Keys, Is.EquivalentTo(MigrationReader.StepKinds));
        foreach (var (kind, keys) in steps)
        {
            Assert.That(keys, Is.EquivalentTo(MigrationReader.StepKeys[kind]), kind);
        }
    }

    [Test]
    public void Schema_and_loader_limit_the_same_keys_to_the_same_question_types()
    {
        foreach (var name in QuestionTypes.Names)
        {
            Assert.That(QuestionTypes.TryParse(name, out var type), Is.True);
            var (forbidden, required) = SchemaRulesFor(name);
            var loaderForbids = TemplateKeys.ForQuestionTypes.Where(k => !k.Types.Contains(type)).Select(k => k.Key);
            var loaderRequires = TemplateKeys.RequiredByQuestionTypes.Where(k => k.Types.Contains(type)).Select(k => k.Key);
            Assert.That(forbidden, Is.EquivalentTo(loaderForbids), $"keys a `{name}` question may not have");
            Assert.That(required, Is.EquivalentTo(loaderRequires), $"keys a `{name}` question must have");
        }
    }

    /// <summary>Applies the question's <c>allOf</c> of <c>if type is ... then ... else ...</c> to one type.</summary>
    private static (List<string> Forbidden, List<string> Required) SchemaRulesFor(string typeName)
    {
        var forbidden = new List<string>();
        var required = new List<string>();
        foreach (var rule in Schema["$defs"]!["question"]!["allOf"]!.AsArray())
        {
            var condition = rule!["if"]!["properties"]!["type"]!;
            var matches = condition["const"] is { } single
                ? single.GetValue<string>() == typeName
                : condition["enum"]!.AsArray().Any(v => v!.GetValue<string>() == typeName);
            if (rule[matches ? "then" : "else"] is not { } branch)
            {
                continue;
            }

            forbidden.AddRange(branch["properties"]?.AsObject().Where(p => p.Value!.GetValueKind() == JsonValueKind.False).Select(p => p.Key) ?? []);
            required.AddRange(branch["required"]?.AsArray().Select(k => k!.GetValue<string>()) ?? []);
        }

        return (forbidden, required);
    }
}
