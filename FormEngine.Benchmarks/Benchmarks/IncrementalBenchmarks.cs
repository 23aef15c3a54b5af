using BenchmarkDotNet.Attributes;
using FormEngine.Benchmarks.Workloads;
using FormEngine.Evaluation;

namespace FormEngine.Benchmarks.Benchmarks;

/// <summary>
/// A practitioner changes one answer in a 2,000-question assessment: what the engine recomputes, against
/// recomputing the whole session. Each call alternates between two answers, so every call is a real change.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Engine")]
public class IncrementalBenchmarks
{
    private FormSession _session = null!;
    private string _leaf = null!;
    private string _screening = null!;
    private bool _flip;

    [GlobalSetup]
    public void Setup()
    {
        var generated = GeneratedTemplate.Large;
        _session = FormSession.Open(generated.Load(), generated.Answers, new FormSessionOptions { Today = RuleCases.Today });
        _leaf = generated.LeafTextPath;
        _screening = generated.ScreeningPath;
    }

    /// <summary>A text answer that one other question's show_if reads.</summary>
    [Benchmark(Baseline = true)]
    public void SetOneAnswer()
    {
        _flip = !_flip;
        _session.Set(_leaf, _flip ? "Lives with mum and two sisters." : "Lives with mum, dad and two sisters.");
    }

    /// <summary>A screening answer: yes and no in turn hide and show most of its section and change the next.</summary>
    [Benchmark]
    public void SetScreeningAnswer()
    {
        _flip = !_flip;
        _session.Set(_screening, _flip ? "no" : "yes");
    }

    [Benchmark]
    public void RecalculateAll() => _session.RecalculateAll();
}
