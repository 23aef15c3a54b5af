using BenchmarkDotNet.Attributes;
using FormEngine.Benchmarks.Workloads;
using FormEngine.Evaluation;

namespace FormEngine.Benchmarks.Benchmarks;

/// <summary>
/// Many practitioners at once against one compiled template: each operation opens a session of the
/// 2,000-question assessment (a full evaluation) and changes one answer. The same number of operations
/// runs on one thread and spread over every core; times are per operation.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Engine")]
public class ConcurrencyBenchmarks
{
    public const int Operations = 16;

    private FormTemplate _template = null!;
    private GeneratedTemplate _generated = null!;

    [GlobalSetup]
    public void Setup()
    {
        _generated = GeneratedTemplate.Large;
        _template = _generated.Load();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Operations)]
    public void OneThread()
    {
        for (var i = 0; i < Operations; i++)
        {
            Work();
        }
    }

    [Benchmark(OperationsPerInvoke = Operations)]
    public void AllCores() =>
        Parallel.For(0, Operations, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, _ => Work());

    private void Work()
    {
        var session = FormSession.Open(_template, _generated.Answers, new FormSessionOptions { Today = RuleCases.Today });
        session.Set(_generated.ScreeningPath, "no");
    }
}
