using BenchmarkDotNet.Attributes;
using DynamicExpresso;
using FormEngine.Benchmarks.Workloads;
using FormEngine.Rules;
using Jint;
using NCalc;
using FormEngineRule = FormEngine.Rules.Rule;

namespace FormEngine.Benchmarks.Benchmarks;

/// <summary>
/// Evaluating one already compiled rule against answers already loaded, for each peer. FormEngine is
/// measured in both tiers: closures (<c>FormEngine</c>, the default) and IL (<c>FormEngineIL</c>).
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Rules")]
public class RuleEvaluationBenchmarks
{
    private CompiledRule _rule = null!;
    private CompiledRule _ilRule = null!;
    private RuleData _data = null!;
    private Expression _ncalc = null!;
    private Func<bool> _dynamicExpresso = null!;
    private Engine _jint = null!;
    private Prepared<Acornima.Ast.Script> _script;

    [ParamsSource(nameof(Names))]
    public string Rule { get; set; } = "comparison";

    public static IEnumerable<string> Names => RuleCases.All.Select(c => c.Name);

    [GlobalSetup]
    public void Setup()
    {
        var c = RuleCases.Find(Rule);
        _rule = FormEngineRule.Compile(c.FormEngine, RuleCases.Symbols, RuleCases.CompileOptions);
        _ilRule = FormEngineRule.Compile(c.FormEngine, RuleCases.Symbols, RuleCases.CompileOptions with { Tier = RuleEvaluationTier.IL });
        _data = RuleCases.CreateFormEngineData();
        _ncalc = RuleCases.CreateNCalc(c.NCalc);
        _dynamicExpresso = c.BindDynamicExpresso(RuleCases.CreateInterpreter());
        _jint = RuleCases.CreateJint();
        _script = Engine.PrepareScript(c.JavaScript);

        // The peers must agree, or the comparison means nothing.
        Check("FormEngine", FormEngine().Equals(RuleValue.FromBoolean(c.Expected)));
        Check("FormEngine (IL)", _ilRule.IsCompiledToIL && FormEngineIL().Equals(RuleValue.FromBoolean(c.Expected)));
        Check("NCalc", NCalc() is bool n && n == c.Expected);
        Check("DynamicExpresso", DynamicExpresso() == c.Expected);
        Check("Jint", Jint() is bool j && j == c.Expected);

        void Check(string peer, bool ok)
        {
            if (!ok)
            {
                throw new InvalidOperationException($"{peer} does not give {c.Expected} for rule `{c.Name}`.");
            }
        }
    }

    [Benchmark(Baseline = true)]
    public RuleValue FormEngine() => _rule.Evaluate(_data, RuleCases.Today);

    [Benchmark]
    public RuleValue FormEngineIL() => _ilRule.Evaluate(_data, RuleCases.Today);

    [Benchmark]
    public object? NCalc() => _ncalc.Evaluate();

    [Benchmark]
    public bool DynamicExpresso() => _dynamicExpresso();

    [Benchmark]
    public object? Jint() => _jint.Evaluate(_script).ToObject();
}
