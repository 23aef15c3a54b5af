using System.Text.Json.Nodes;
using FormEngine.Loading;

namespace FormEngine.Tests.Schema;

/// <summary>The JSON Schema editors use and the loader must accept exactly the same keys.</summary>
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
}
