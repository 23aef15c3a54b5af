using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using FormEngine.Benchmarks.Workloads;
using FormEngine.Evaluation;
using FormEngine.Rules;
using FormEngine.Versions;

namespace FormEngine.Benchmarks.Benchmarks;

/// <summary>
/// A server that keeps every published version: opening a catalogue of ten versions of the 2,000-question
/// template (each differing from the last in a few questions, see <see cref="GeneratedTemplate.VersionYaml"/>)
/// and the first session of each, against a catalogue holding one version and its first session. Each
/// operation starts from a new catalogue, so every version is read from disk, checked against its manifest and
/// compiled, as at a server's start. <see cref="TenVersionsUnshared"/> is the same with no rule shared between
/// versions (a cache that keeps one rule), to show what sharing saves.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Engine")]
public class CatalogueBenchmarks
{
    public const int Versions = 10;

    private const string TemplateId = "generated_assessment";

    private string _folder = null!;
    private string _oneVersion = null!;
    private string _tenVersions = null!;
    private JsonObject[] _answers = null!;

    [GlobalSetup]
    public void Setup()
    {
        var generated = GeneratedTemplate.Large;
        _folder = Path.Combine(Path.GetTempPath(), $"formengine-bench-catalogue-{Guid.NewGuid():N}");
        _oneVersion = Path.Combine(_folder, "one");
        _tenVersions = Path.Combine(_folder, "ten");
        Publish(_oneVersion, generated, 1);
        Publish(_tenVersions, generated, Versions);
        _answers = [.. Enumerable.Range(1, Versions).Select(v => Stamped(generated.Answers, v))];
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Baseline = true)]
    public FormSession OneVersion() => new TemplateCatalogue(_oneVersion).OpenSession(_answers[0], Options);

    [Benchmark]
    public FormSession TenVersions() => OpenEvery(new TemplateCatalogue(_tenVersions));

    [Benchmark]
    public FormSession TenVersionsUnshared() =>
        OpenEvery(new TemplateCatalogue(_tenVersions, new TemplateLoadOptions { RuleCache = new RuleSyntaxCache(capacity: 1) }));

    private static FormSessionOptions Options => new() { Today = RuleCases.Today };

    private FormSession OpenEvery(TemplateCatalogue catalogue)
    {
        FormSession? last = null;
        foreach (var answers in _answers)
        {
            last = catalogue.OpenSession(answers, Options);
        }

        return last!;
    }

    private static void Publish(string catalogueFolder, GeneratedTemplate generated, int versions)
    {
        var catalogue = new TemplateCatalogue(catalogueFolder);
        var work = Path.Combine(catalogueFolder + "-work", "generated.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(work)!);
        for (var version = 1; version <= versions; version++)
        {
            File.WriteAllText(work, generated.VersionYaml(version));
            var result = catalogue.Publish(work, new DateOnly(2026, 1, version));
            if (result.Outcome != PublishOutcome.Published)
            {
                throw new InvalidOperationException($"Version {version} of the generated template was not published:\n{string.Join("\n", result.Diagnostics)}");
            }
        }
    }

    private static JsonObject Stamped(JsonObject answers, int version)
    {
        var stamped = answers.DeepClone().AsObject();
        stamped[TemplateStamp.Key] = new JsonObject { ["id"] = TemplateId, ["version"] = version };
        return stamped;
    }
}
