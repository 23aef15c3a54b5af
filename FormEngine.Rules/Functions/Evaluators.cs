using FormEngine.Rules.Checking;
using FormEngine.Rules.Compilation;
using FormEngine.Rules.Runtime;

namespace FormEngine.Rules.Functions;

/// <summary>Compile rules for the common case: evaluate every argument, then pass the values to one runtime method.</summary>
internal static class Evaluators
{
    public static Func<BoundCall, Evaluator> Calling(Func<RuleValue, RuleValue> function) => call =>
    {
        var a = Compiler.Compile(call.Arguments[0]);
        return (in EvalContext x) => function(a(in x));
    };

    public static Func<BoundCall, Evaluator> Calling(Func<RuleValue, RuleValue, RuleValue> function) => call =>
    {
        var a = Compiler.Compile(call.Arguments[0]);
        var b = Compiler.Compile(call.Arguments[1]);
        return (in EvalContext x) => function(a(in x), b(in x));
    };
}
