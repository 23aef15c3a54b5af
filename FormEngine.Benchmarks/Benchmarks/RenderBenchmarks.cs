using BenchmarkDotNet.Attributes;
using FormEngine.Benchmarks.Workloads;

namespace FormEngine.Benchmarks.Benchmarks;

/// <summary>The 300-question completed record as HTML and as PDF: building the view from the session, then rendering.</summary>
[MemoryDiagnoser]
[BenchmarkCategory("Rendering")]
public class RenderBenchmarks
{
    private RecordFixture _record = null!;
    private readonly MemoryStream _output = new();

    [GlobalSetup]
    public void Setup() => _record = new RecordFixture();

    [Benchmark(Baseline = true)]
    public long Html() => _record.Render(_record.Html, _output);

    [Benchmark]
    public long Pdf() => _record.Render(_record.Pdf, _output);
}
