using BenchmarkDotNet.Attributes;
using FormEngine.Benchmarks.Workloads;

namespace FormEngine.Benchmarks.Benchmarks;

/// <summary>Reading, checking and compiling a 2,000-question template from YAML, as a server does at start-up or when a council publishes a new version.</summary>
[MemoryDiagnoser]
[BenchmarkCategory("Engine")]
public class TemplateLoadBenchmarks
{
    private string _yaml = null!;

    [GlobalSetup]
    public void Setup() => _yaml = GeneratedTemplate.Large.Yaml;

    [Benchmark]
    public FormTemplate LoadFromText() => FormTemplate.LoadFromText(_yaml, "generated.yaml").GetTemplateOrThrow();
}
