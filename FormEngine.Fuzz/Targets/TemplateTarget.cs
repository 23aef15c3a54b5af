using System.Text.Json;

namespace FormEngine.Fuzz.Targets;

/// <summary>
/// The YAML template loader: reading, includes, binding, rule compilation and the dependency and
/// withholding analysis. <see cref="FormTemplate.LoadFromText"/> promises never to throw for bad input.
/// </summary>
internal sealed class TemplateTarget : IFuzzTarget
{
    private string _folder = "";

    public string Name => "template";

    public void Prepare()
    {
        // The single assessment's folder, so an input's `include: [common/choices.yaml]` finds a real file
        // and the include paths (confinement, cycles, depth) are reached too.
        _folder = Path.Combine(AppContext.BaseDirectory, "templates", "single-assessment");
        if (!Directory.Exists(_folder))
        {
            throw new DirectoryNotFoundException($"The example templates are missing from {_folder}; rebuild the harness.");
        }
    }

    public void Run(string input)
    {
        var result = FormTemplate.LoadFromText(input, "fuzz.yaml", _folder);
        foreach (var diagnostic in result.Diagnostics)
        {
            _ = diagnostic.ToString();
        }

        if (result.Template is { } template)
        {
            _ = template.QuestionCount;
            _ = template.Warnings.Count;
        }
    }

    public IEnumerable<(string Name, string Text)> Seeds(string repoRoot)
    {
        foreach (var file in Corpus.Files(repoRoot, "examples", "*.yaml").Concat(Corpus.Files(repoRoot, Path.Combine("FormEngine.Tests", "Templates"), "*.yaml")))
        {
            if (!file.EndsWith(".scenarios.yaml", StringComparison.Ordinal))
            {
                yield return (Path.GetRelativePath(repoRoot, file), File.ReadAllText(file));
            }
        }
    }

    public IEnumerable<string> DictionaryWords(string repoRoot)
    {
        // Every key and fixed value the template schema knows, plus the YAML syntax that changes how they read.
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(repoRoot, "schema", "formengine-template.schema.json")));
        foreach (var word in SchemaWords(schema.RootElement))
        {
            yield return word;
        }

        foreach (var syntax in new[] { ": ", "- ", "\n  ", "\n    - ", "[", "]", "{", "}", "&a ", "*a", "!!str ", "|\n", ">\n", "'", "\"", "# ", "---\n", "...\n", "include:", "common/choices.yaml", "common/family-and-environment.yaml" })
        {
            yield return syntax;
        }
    }

    private static IEnumerable<string> SchemaWords(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "properties" && property.Value.ValueKind == JsonValueKind.Object)
                {
                    foreach (var key in property.Value.EnumerateObject())
                    {
                        yield return key.Name + ":";
                    }
                }
                else if (property.Name is "enum" or "const")
                {
                    var values = property.Value.ValueKind == JsonValueKind.Array ? property.Value.EnumerateArray().ToList() : [property.Value];
                    foreach (var value in values.Where(v => v.ValueKind == JsonValueKind.String))
                    {
                        yield return value.GetString()!;
                    }
                }

                foreach (var word in SchemaWords(property.Value))
                {
                    yield return word;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var word in SchemaWords(item))
                {
                    yield return word;
                }
            }
        }
    }
}
