using System.Linq.Expressions;
using System.Reflection;
using FormEngine.Rules.Checking;
using FormEngine.Rules.Compilation;
using FormEngine.Rules.Runtime;

namespace FormEngine.Rules.Functions;

/// <summary>
/// What a call of one function compiles to in each tier: a closure (<see cref="Closure"/>, built in
/// microseconds) and an expression tree (<see cref="Tree"/>, compiled to IL for rules evaluated often).
/// Both call the same static runtime method, so the tiers cannot disagree about what a function means.
/// </summary>
internal sealed class CallCompiler(Func<BoundCall, Evaluator> closure, Func<BoundCall, ExpressionCompiler, Expression> tree)
{
    public Func<BoundCall, Evaluator> Closure { get; } = closure;

    public Func<BoundCall, ExpressionCompiler, Expression> Tree { get; } = tree;

    /// <summary>The common case: evaluate the argument, then pass its value to one runtime method.</summary>
    public static CallCompiler Calling(Func<RuleValue, RuleValue> function) => new(
        call =>
        {
            var a = Compiler.Compile(call.Arguments[0]);
            return (in EvalContext x) => function(a(in x));
        },
        (call, emit) => Invoke(function, emit.Value(call.Arguments[0])));

    /// <summary>The common case with two arguments.</summary>
    public static CallCompiler Calling(Func<RuleValue, RuleValue, RuleValue> function) => new(
        call =>
        {
            var a = Compiler.Compile(call.Arguments[0]);
            var b = Compiler.Compile(call.Arguments[1]);
            return (in EvalContext x) => function(a(in x), b(in x));
        },
        (call, emit) => Invoke(function, emit.Value(call.Arguments[0]), emit.Value(call.Arguments[1])));

    /// <summary>A direct call of the delegate's method: static for method groups, on the lambda's own target otherwise.</summary>
    public static Expression Invoke(Delegate function, params Expression[] arguments) =>
        function.Target is null
            ? Expression.Call(function.Method, arguments)
            : Expression.Call(Expression.Constant(function.Target), function.Method, arguments);

    /// <summary>A call of a static runtime method found by name (for methods that take more than values, e.g. a pattern).</summary>
    public static Expression Call(Type type, string method, params Expression[] arguments) =>
        Expression.Call(type.GetMethod(method, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, arguments.Select(a => a.Type).ToArray())
            ?? throw new InvalidOperationException($"No runtime method {type.Name}.{method}."), arguments);
}
