using System.Linq.Expressions;
using FormEngine.Rules.Checking;
using FormEngine.Rules.Compilation;
using FormEngine.Rules.Diagnostics;
using FormEngine.Rules.Runtime;

namespace FormEngine.Rules.Functions;

/// <summary>
/// Functions over many answers at once: a written list, a multiple-choice answer, or a question in a
/// repeat group read from outside it (every item's answer, as a list). count, any and all also take the
/// repeat group itself, and walk its items without building a list.
/// </summary>
internal static class AggregateFunctions
{
    public static FunctionDefinition[] Definitions { get; } =
    [
        new("answered", "answered(question)", Arity.Exactly(1), FirstArgument.Aggregate)
        {
            Check = _ => RuleType.Boolean,
            Compile = CallCompiler.Calling(RuleFunctions.Answered),
            Wording = FunctionWording.Phrase(en: "{0} is answered", cy: "yw {0} wedi'i ateb"),
        },
        new("count", "count(list or repeat group)", Arity.Exactly(1), FirstArgument.AggregateOrGroup)
        {
            Check = CheckCount,
            Compile = new(CompileCount, EmitCount),
            Wording = FunctionWording.Phrase(en: "the number of {0}", cy: "nifer {0}"),
        },
        new("sum", "sum(list of numbers)", Arity.Exactly(1), FirstArgument.Aggregate)
        {
            Check = call => CheckNumberList(call) ? RuleType.Number : null,
            Compile = CallCompiler.Calling(RuleFunctions.Sum),
            Wording = FunctionWording.Phrase(en: "the total of {0}", cy: "cyfanswm {0}"),
        },
        new("min", "min(list of numbers or dates)", Arity.Exactly(1), FirstArgument.Aggregate)
        {
            Check = CheckMinMax,
            Compile = CallCompiler.Calling(list => RuleFunctions.Extreme(list, largest: false)),
            Wording = FunctionWording.Phrase(en: "the smallest of {0}", cy: "y lleiaf o {0}"),
        },
        new("max", "max(list of numbers or dates)", Arity.Exactly(1), FirstArgument.Aggregate)
        {
            Check = CheckMinMax,
            Compile = CallCompiler.Calling(list => RuleFunctions.Extreme(list, largest: true)),
            Wording = FunctionWording.Phrase(en: "the largest of {0}", cy: "y mwyaf o {0}"),
        },
        new("any", "any(repeat group, condition)", Arity.Exactly(2), FirstArgument.Group)
        {
            Check = CheckQuantifier,
            Compile = new(call => CompileQuantifier(call, all: false), (call, emit) => EmitQuantifier(call, emit, all: false)),
            Wording = FunctionWording.Phrase(en: "any of {0} has {1}", cy: "oes gan unrhyw un o {0} {1}"),
        },
        new("all", "all(repeat group, condition)", Arity.Exactly(2), FirstArgument.Group)
        {
            Check = CheckQuantifier,
            Compile = new(call => CompileQuantifier(call, all: true), (call, emit) => EmitQuantifier(call, emit, all: true)),
            Wording = FunctionWording.Phrase(en: "every one of {0} has {1}", cy: "oes gan bob un o {0} {1}"),
        },
    ];

    private static RuleType? CheckCount(CallChecker call)
    {
        var argument = call.Arguments[0];
        if (argument.Type.Kind is RuleTypeKind.Group || TypeRules.Fits(argument.Type, RuleTypeKind.List))
        {
            return RuleType.Number;
        }

        call.Error(DiagnosticCatalogue.ArgumentTypeMismatch, argument.Syntax,
            $"count() counts the items of a list, a multiple-choice answer or a repeat group, but this is {TypeRules.Describe(argument.Type)}.",
            "To check that a question has an answer, use answered(...).");
        return null;
    }

    private static bool CheckNumberList(CallChecker call)
    {
        var argument = call.Arguments[0];
        var type = argument.Type;
        if (TypeRules.IsOpen(type) || (type.Kind == RuleTypeKind.List && TypeRules.Fits(type.Element!, RuleTypeKind.Number)))
        {
            return true;
        }

        call.Error(DiagnosticCatalogue.ArgumentTypeMismatch, argument.Syntax,
            $"{call.Name}() needs a list of numbers, such as [a, b, c] or a number question in a repeat group, but this is {TypeRules.Describe(type)}.");
        return false;
    }

    private static RuleType? CheckMinMax(CallChecker call)
    {
        var argument = call.Arguments[0];
        var type = argument.Type;
        if (TypeRules.IsOpen(type))
        {
            return RuleType.Any;
        }

        if (type.Kind == RuleTypeKind.List && type.Element!.Kind is RuleTypeKind.Number or RuleTypeKind.Date or RuleTypeKind.Any or RuleTypeKind.Null)
        {
            return type.Element.Kind == RuleTypeKind.Null ? RuleType.Any : type.Element;
        }

        call.Error(DiagnosticCatalogue.ArgumentTypeMismatch, argument.Syntax,
            $"{call.Name}() needs a list of numbers or dates, such as [a, b] or a question in a repeat group, but this is {TypeRules.Describe(type)}.");
        return null;
    }

    private static RuleType? CheckQuantifier(CallChecker call)
    {
        var (group, condition) = (call.Arguments[0], call.Arguments[1]);
        var ok = true;
        if (group is not BoundReference { Mode: ReferenceMode.GroupItems } && group is not BoundError)
        {
            call.Error(DiagnosticCatalogue.GroupExpected, group.Syntax,
                $"{call.Name}() needs a repeat group as its first value, but this is {TypeRules.Describe(group.Type)}.",
                $"Write it as {call.Name}(household.members, age < 5).");
            ok = false;
        }

        if (!TypeRules.Fits(condition.Type, RuleTypeKind.Boolean))
        {
            call.Error(DiagnosticCatalogue.ArgumentTypeMismatch, condition.Syntax,
                $"{call.Name}() needs a condition as its second value, but this is {TypeRules.Describe(condition.Type)}.");
            ok = false;
        }

        return ok ? RuleType.Boolean : null;
    }

    private static readonly CallCompiler CountList = CallCompiler.Calling(RuleFunctions.Count);

    private static Evaluator CompileCount(BoundCall call)
    {
        if (call.Arguments[0] is not BoundReference { Mode: ReferenceMode.GroupItems } group)
        {
            return CountList.Closure(call);
        }

        var (chain, fixedDepth) = (group.Chain, group.FixedDepth);
        return (in EvalContext x) => RepeatWalker.CountItems(in x, chain, fixedDepth);
    }

    private static Evaluator CompileQuantifier(BoundCall call, bool all)
    {
        // Only a rule without errors is compiled, and then the type rule has made the first value a repeat group.
        var group = (BoundReference)call.Arguments[0];
        var (chain, fixedDepth) = (group.Chain, group.FixedDepth);
        var condition = Compiler.Compile(call.Arguments[1]);
        return (in EvalContext x) => RepeatWalker.Quantify(in x, chain, fixedDepth, condition, all);
    }

    private static Expression EmitCount(BoundCall call, ExpressionCompiler emit)
    {
        if (call.Arguments[0] is not BoundReference { Mode: ReferenceMode.GroupItems } group)
        {
            return CountList.Tree(call, emit);
        }

        return CallCompiler.Call(typeof(RepeatWalker), nameof(RepeatWalker.CountItems), emit.Data, emit.Indexes, Expression.Constant(group.Chain), Expression.Constant(group.FixedDepth));
    }

    private static Expression EmitQuantifier(BoundCall call, ExpressionCompiler emit, bool all)
    {
        // The condition is compiled on its own and called for each item, with that item's indexes.
        var group = (BoundReference)call.Arguments[0];
        var condition = ExpressionCompiler.CompileCondition(call.Arguments[1]);
        return CallCompiler.Call(typeof(RepeatWalker), nameof(RepeatWalker.Quantify),
            emit.Data, emit.Today, emit.Indexes, Expression.Constant(group.Chain), Expression.Constant(group.FixedDepth), Expression.Constant(condition), Expression.Constant(all));
    }
}
