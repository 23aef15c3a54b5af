using System.Text.Json;
using System.Text.Json.Nodes;
using FormEngine.Evaluation;
using Json.Schema;

namespace FormEngine.Tests.Schema;

/// <summary>
/// The JSON Schema in <c>schema/</c> lets editors check templates as authors type. Every example must
/// satisfy it, it must reject what the loader rejects for unknown keys, and every example must say
/// which schema it follows.
/// </summary>
public class TemplateSchemaTests
{
    private static string SchemaFolder => Path.Combine(TestTemplates.RepoRoot, "schema");

    [TestCaseSource(nameof(ExampleTemplates))]
    public void Example_template_satisfies_the_json_schema(string relativePath)
    {
        var path = Path.Combine(TestTemplates.RepoRoot, relativePath);
        var included = IsIncludedFile(path);
        var schema = LoadSchemas()[included ? "included" : "template"];
        var json = JsonSerializer.SerializeToElement(YamlToJson.Convert(path));

        var result = schema.Evaluate(json, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.That(result.IsValid, Is.True, Describe(result));
    }

    [TestCaseSource(nameof(ExampleTemplates))]
    public void Example_template_names_its_schema_for_editors(string relativePath)
    {
        var firstLine = File.ReadLines(Path.Combine(TestTemplates.RepoRoot, relativePath)).First();
        Assert.That(firstLine, Does.StartWith("# yaml-language-server: $schema=").And.Contain("schema/formengine-"));
    }

    [Test]
    public void Schema_rejects_an_unknown_key_as_the_loader_does()
    {
        var template = JsonNode.Parse("""{"id": "t", "sections": [{"id": "s", "titel": "x"}]}""");
        var result = LoadSchemas()["template"].Evaluate(JsonSerializer.SerializeToElement(template), new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.That(result.IsValid, Is.False);
        Assert.That(FormTemplate.LoadFromText("id: t\nsections:\n  - id: s\n    titel: x\n").Success, Is.False);
    }

    [TestCase("""{"id": "t", "question_sets": {"person": [{"id": "name", "type": "text"}, {"use": "contact"}]}, "sections": [{"id": "s", "questions": [{"use": "person"}, {"id": "m", "type": "repeat", "questions": [{"use": "person"}]}]}]}""", true)]
    [TestCase("""{"id": "t", "sections": [{"id": "s", "questions": [{"use": "person", "label": "x"}]}]}""", false)]
    [TestCase("""{"id": "t", "question_sets": {"Person": [{"id": "name", "type": "text"}]}}""", false)]
    [TestCase("""{"id": "t", "question_sets": {"person": []}}""", false)]
    public void Schema_knows_question_sets_and_their_use(string template, bool valid)
    {
        var result = LoadSchemas()["template"].Evaluate(JsonDocument.Parse(template).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.That(result.IsValid, Is.EqualTo(valid), Describe(result));
    }

    [TestCaseSource(nameof(ExampleAnswers))]
    public void Example_answers_satisfy_the_generated_answers_schema(string relativePath)
    {
        var answersPath = Path.Combine(TestTemplates.RepoRoot, relativePath);
        var folder = Path.GetDirectoryName(Path.GetDirectoryName(answersPath))!;
        var templatePath = Directory.EnumerateFiles(folder, "*.yaml").Single(p => !p.EndsWith(".scenarios.yaml", StringComparison.Ordinal));
        var template = FormTemplate.Load(templatePath).GetTemplateOrThrow();
        var schema = JsonSchema.FromText(AnswersSchema.Generate(template).ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });

        var result = schema.Evaluate(JsonDocument.Parse(File.ReadAllText(answersPath)).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.That(result.IsValid, Is.True, Describe(result));
    }

    [Test]
    public void Generated_answers_schema_rejects_a_value_that_is_not_a_choice()
    {
        var template = TestTemplates.Load();
        var schema = JsonSchema.FromText(AnswersSchema.Generate(template).ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        var answers = JsonDocument.Parse("""{"child": {"has_disability": "maybe"}}""").RootElement;
        Assert.That(schema.Evaluate(answers).IsValid, Is.False);
    }

    [Test]
    public void Generated_answers_schema_describes_the_template_stamp_and_the_archive_of_earlier_answers()
    {
        var generated = AnswersSchema.Generate(TestTemplates.Load());
        Assert.That(generated["properties"]!["$template"]!["title"]!.GetValue<string>(), Does.Contain("template"));
        var schema = JsonSchema.FromText(generated.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });

        var migrated = JsonDocument.Parse("""
            {"child": {"name": "Alex"}, "$template": {"id": "single_assessment", "version": 2, "hash": "sha256:ab"},
             "$archived": [{"path": "child.nickname", "value": "Al", "version": 1, "reason": "No step carries it."}]}
            """).RootElement;
        Assert.That(schema.Evaluate(migrated).IsValid, Is.True);
        Assert.That(schema.Evaluate(JsonDocument.Parse("""{"$template": {"version": 2}}""").RootElement).IsValid, Is.False, "a stamp names its template");
        Assert.That(schema.Evaluate(JsonDocument.Parse("""{"$archived": [{"path": "child.nickname"}]}""").RootElement).IsValid, Is.False, "an archived answer keeps its value, version and reason");
    }

    private static bool IsIncludedFile(string path) =>
        File.ReadLines(path).First().Contains("included-file", StringComparison.Ordinal);

    private static Dictionary<string, JsonSchema> LoadSchemas()
    {
        var registry = new SchemaRegistry();
        var options = new BuildOptions { SchemaRegistry = registry };
        var templateText = File.ReadAllText(Path.Combine(SchemaFolder, "formengine-template.schema.json"));
        var template = JsonSchema.FromText(templateText, options);
        // The included-file schema refers to the template schema by its file name, as editors resolve it.
        var besideIt = new Uri("https://formengine.dev/schema/formengine-template.schema.json");
        registry.Register(besideIt, template);
        var included = JsonSchema.FromText(File.ReadAllText(Path.Combine(SchemaFolder, "formengine-included-file.schema.json")), options, new Uri("https://formengine.dev/schema/formengine-included-file.schema.json"));
        return new() { ["template"] = template, ["included"] = included };
    }

    private static string Describe(EvaluationResults result) =>
        string.Join(Environment.NewLine, (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    private static IEnumerable<string> ExampleTemplates() =>
        Directory.EnumerateFiles(Path.Combine(TestTemplates.RepoRootForSources, "examples"), "*.yaml", SearchOption.AllDirectories)
            .Where(p => !p.EndsWith(".scenarios.yaml", StringComparison.Ordinal))
            .Select(p => Path.GetRelativePath(TestTemplates.RepoRootForSources, p))
            .Order(StringComparer.Ordinal);

    private static IEnumerable<string> ExampleAnswers() =>
        Directory.EnumerateFiles(Path.Combine(TestTemplates.RepoRootForSources, "examples"), "*.json", SearchOption.AllDirectories)
            .Where(p => Path.GetFileName(Path.GetDirectoryName(p)) == "answers")
            .Select(p => Path.GetRelativePath(TestTemplates.RepoRootForSources, p))
            .Order(StringComparer.Ordinal);
}
