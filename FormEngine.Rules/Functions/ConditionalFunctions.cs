using System.Linq.Expressions;
using FormEngine.Rules.Checking;
using FormEngine.Rules.Compilation;
using FormEngine.Rules.Diagnostics;
using FormEngine.Rules.Runtime;

namespace FormEngine.Rules.Functions;

/// <summary>Choosing between values; each evaluates only the values it needs.</summary>
internal static class ConditionalFunctions
{
    public static FunctionDefinition[] Definitions { get; } =
    [
        new("if", "if(condition, value if true, value if false)", Arity.Exactly(3))
        {
            Check = CheckIf,
            Compile = new(
            call =>
            {
                var condition = Compiler.Compile(call.Arguments[0]);
                var whenTrue = Compiler.Compile(call.Arguments[1]);
                var whenFalse = Compiler.Compile(call.Arguments[2]);
                return (in EvalContext x) => RuleOps.IsTrue(condition(in x)) ? whenTrue(in x) : whenFalse(in x);
            },
            (call, emit) => Expression.Condition(emit.Condition(call.Arguments[0]), emit.Value(call.Arguments[1]), emit.Value(call.Arguments[2]))),
            Wording = FunctionWording.Phrase(en: "{1} if {0}, otherwise {2}", cy: "{1} os {0}, fel arall {2}"),
        },
        new("coalesce", "coalesce(value, fallback, ...)", Arity.AtLeast(2))
        {
            Check = CheckCoalesce,
            Compile = new(
            call =>
            {
                var values = call.Arguments.Select(Compiler.Compile).ToArray();
                return (in EvalContext x) => Coalesce(values, in x);
            },
            (call, emit) => EmitCoalesce(call.Arguments, 0, emit)),
            Wording = FunctionWording.JoinedBy(en: ", or if not answered ", cy: ", neu os nad yw wedi'i ateb "),
        },
    ];

    private static RuleType? CheckIf(CallChecker call)
    {
        var ok = call.Expect(0, RuleTypeKind.Boolean);
        var (whenTrue, whenFalse) = (call.Arguments[1], call.Arguments[2]);
        var type = TypeRules.Unify(whenTrue.Type, whenFalse.Type);
        if (type is null)
        {
            call.Error(DiagnosticCatalogue.IncompatibleTypes, whenFalse.Syntax,
                $"Both results of if() must be of one type, but the first is {TypeRules.Describe(whenTrue.Type)} and the second is {TypeRules.Describe(whenFalse.Type)}.");
            return null;
        }

        return ok ? type : null;
    }

    private static RuleType? CheckCoalesce(CallChecker call)
    {
        var type = RuleType.Null;
        foreach (var argument in call.Arguments)
        {
            var unified = TypeRules.Unify(type, argument.Type);
            if (unified is null)
            {
                call.Error(DiagnosticCatalogue.IncompatibleTypes, argument.Syntax,
                    $"All values given to coalesce() must be of one type, but this is {TypeRules.Describe(argument.Type)} and the earlier ones are {TypeRules.Describe(type)}.");
                return null;
            }

            type = unified;
        }

        return type;
    }

    /// <summary>The first value that is not null, evaluating no further than needed.</summary>
    private static RuleValue Coalesce(Evaluator[] values, in EvalContext context)
    {
        foreach (var value in values)
        {
            var result = value(in context);
            if (!result.IsNull)
            {
                return result;
            }
        }

        return RuleValue.Null;
    }

    /// <summary>The same as <see cref="Coalesce"/>: each value is read once, and only when the ones before it are null.</summary>
    private static Expression EmitCoalesce(IReadOnlyList<BoundExpression> values, int from, ExpressionCompiler emit) =>
        from == values.Count
            ? Expression.Constant(RuleValue.Null)
            : emit.Let(emit.Value(values[from]), value => Expression.Condition(
                Expression.Property(value, nameof(RuleValue.IsNull)), EmitCoalesce(values, from + 1, emit), value));
}
