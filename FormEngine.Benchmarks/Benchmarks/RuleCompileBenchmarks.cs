using BenchmarkDotNet.Attributes;
using DynamicExpresso;
using FormEngine.Benchmarks.Workloads;
using Jint;
using NCalc;
using FormEngineRule = FormEngine.Rules.Rule;

namespace FormEngine.Benchmarks.Benchmarks;

/// <summary>
/// Turning rule text into something that can be evaluated: FormEngine parses, checks names and types and
/// builds its delegates; NCalc parses to its expression tree (caching off, so every call really parses);
/// DynamicExpresso parses and compiles a typed delegate; Jint parses and prepares a script.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Rules")]
public class RuleCompileBenchmarks
{
    private RuleCase _case = null!;
    private Interpreter _interpreter = null!;

    [ParamsSource(nameof(Names))]
    public string Rule { get; set; } = "comparison";

    public static IEnumerable<string> Names => RuleCases.All.Select(c => c.Name);

    [GlobalSetup]
    public void Setup()
    {
        _case = RuleCases.Find(Rule);
        _interpreter = RuleCases.CreateInterpreter();
    }

    [Benchmark(Baseline = true)]
    public object FormEngine() => FormEngineRule.Compile(_case.FormEngine, RuleCases.Symbols, RuleCases.CompileOptions);

    [Benchmark]
    public object NCalc() => new Expression(_case.NCalc, ExpressionOptions.NoCache).GetLogicalExpression()!;

    [Benchmark]
    public object DynamicExpresso() => _case.BindDynamicExpresso(_interpreter);

    [Benchmark]
    public object Jint() => Engine.PrepareScript(_case.JavaScript);
}
