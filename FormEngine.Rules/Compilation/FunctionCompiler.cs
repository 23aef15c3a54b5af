using FormEngine.Rules.Checking;
using FormEngine.Rules.Runtime;

namespace FormEngine.Rules.Compilation;

/// <summary>Closures for the built-in functions; each calls the matching <see cref="RuleFunctions"/> method.</summary>
internal static class FunctionCompiler
{
    public static Evaluator Compile(BoundCall call)
    {
        var name = call.Function.Name;
        if (name is "any" or "all" or "count" && call.Arguments[0] is BoundReference { Mode: ReferenceMode.GroupItems } group)
        {
            return CompileGroupFunction(name, group, call);
        }

        var args = call.Arguments.Select(Compiler.Compile).ToArray();
        var a = args.Length > 0 ? args[0] : null!;
        var b = args.Length > 1 ? args[1] : null!;
        var c = args.Length > 2 ? args[2] : null!;
        switch (name)
        {
            case "answered": return (in EvalContext x) => RuleFunctions.Answered(a(in x));
            case "count": return (in EvalContext x) => RuleFunctions.Count(a(in x));
            case "sum": return (in EvalContext x) => RuleFunctions.Sum(a(in x));
            case "min": return (in EvalContext x) => RuleFunctions.Extreme(a(in x), largest: false);
            case "max": return (in EvalContext x) => RuleFunctions.Extreme(a(in x), largest: true);
            case "today": return (in EvalContext x) => RuleValue.FromDate(x.Today);
            case "date": return (in EvalContext x) => RuleFunctions.Date(a(in x));
            case "age": return (in EvalContext x) => RuleFunctions.Age(a(in x), x.Today);
            case "years_between": return (in EvalContext x) => RuleFunctions.YearsBetween(a(in x), b(in x));
            case "days_between": return (in EvalContext x) => RuleFunctions.DaysBetween(a(in x), b(in x));
            case "len": return (in EvalContext x) => RuleFunctions.Length(a(in x));
            case "contains": return (in EvalContext x) => RuleFunctions.Contains(a(in x), b(in x));
            case "matches":
                var pattern = call.Pattern!;
                return (in EvalContext x) => RuleFunctions.Matches(a(in x), pattern);
            case "if": return (in EvalContext x) => RuleOps.IsTrue(a(in x)) ? b(in x) : c(in x);
            case "coalesce": return (in EvalContext x) => Coalesce(args, in x);
            case "round":
                return args.Length == 1
                    ? (in EvalContext x) => RuleFunctions.Round(a(in x), RuleValue.Null)
                    : (in EvalContext x) => RuleFunctions.Round(a(in x), b(in x));
            case "lower": return (in EvalContext x) => RuleFunctions.Lower(a(in x));
            case "upper": return (in EvalContext x) => RuleFunctions.Upper(a(in x));
            case "trim": return (in EvalContext x) => RuleFunctions.Trim(a(in x));
            case "number": return (in EvalContext x) => RuleFunctions.Number(a(in x));
            case "abs": return (in EvalContext x) => RuleFunctions.Abs(a(in x));
            case "floor": return (in EvalContext x) => RuleFunctions.Floor(a(in x));
            case "ceiling": return (in EvalContext x) => RuleFunctions.Ceiling(a(in x));
            default: throw new InvalidOperationException($"Function {name} has no compiler.");
        }
    }

    /// <summary>The first value that is not null, evaluating no further than needed.</summary>
    private static RuleValue Coalesce(Evaluator[] args, in EvalContext context)
    {
        foreach (var arg in args)
        {
            var value = arg(in context);
            if (!value.IsNull)
            {
                return value;
            }
        }

        return RuleValue.Null;
    }

    private static Evaluator CompileGroupFunction(string name, BoundReference group, BoundCall call)
    {
        var chain = group.Chain;
        var fixedDepth = group.FixedDepth;
        if (name == "count")
        {
            return (in EvalContext x) => RepeatWalker.CountItems(in x, chain, fixedDepth);
        }

        var condition = Compiler.Compile(call.Arguments[1]);
        var all = name == "all";
        return (in EvalContext x) => RepeatWalker.Quantify(in x, chain, fixedDepth, condition, all);
    }
}
