using System.Linq.Expressions;
using FormEngine.Rules.Checking;
using FormEngine.Rules.Compilation;
using FormEngine.Rules.Diagnostics;
using FormEngine.Rules.Runtime;

namespace FormEngine.Rules.Functions;

/// <summary>Text: its length, searching it, and changing its case or spaces.</summary>
internal static class TextFunctions
{
    public static FunctionDefinition[] Definitions { get; } =
    [
        new("len", "len(text)", Arity.Exactly(1))
        {
            Check = CheckLength,
            Compile = CallCompiler.Calling(RuleFunctions.Length),
            Wording = FunctionWording.AsWritten,
        },
        new("contains", "contains(text, part)", Arity.Exactly(2))
        {
            Check = CheckContains,
            Compile = CallCompiler.Calling(RuleFunctions.Contains),
            Wording = FunctionWording.Phrase(en: "{0} contains {1}", cy: "yw {0} yn cynnwys {1}"),
        },
        new("matches", "matches(text, 'pattern')", Arity.Exactly(2))
        {
            Check = CheckMatches,
            Compile = new(
                call =>
                {
                    var text = Compiler.Compile(call.Arguments[0]);
                    var pattern = call.Pattern!;
                    return (in EvalContext x) => RuleFunctions.Matches(text(in x), pattern);
                },
                (call, emit) => CallCompiler.Call(typeof(RuleFunctions), nameof(RuleFunctions.Matches), emit.Value(call.Arguments[0]), Expression.Constant(call.Pattern!))),
            Wording = FunctionWording.Phrase(en: "{0} has the form {1}", cy: "yw {0} ar y ffurf {1}"),
        },
        new("lower", "lower(text)", Arity.Exactly(1))
        {
            Check = CheckTextToText,
            Compile = CallCompiler.Calling(RuleFunctions.Lower),
            Wording = FunctionWording.AsWritten,
        },
        new("upper", "upper(text)", Arity.Exactly(1))
        {
            Check = CheckTextToText,
            Compile = CallCompiler.Calling(RuleFunctions.Upper),
            Wording = FunctionWording.AsWritten,
        },
        new("trim", "trim(text)", Arity.Exactly(1))
        {
            Check = CheckTextToText,
            Compile = CallCompiler.Calling(RuleFunctions.Trim),
            Wording = FunctionWording.AsWritten,
        },
    ];

    private static RuleType? CheckTextToText(CallChecker call) => call.Expect(0, RuleTypeKind.Text) ? RuleType.Text : null;

    private static RuleType? CheckLength(CallChecker call)
    {
        var argument = call.Arguments[0];
        if (TypeRules.Fits(argument.Type, RuleTypeKind.Text) || argument.Type.Kind == RuleTypeKind.List)
        {
            return RuleType.Number;
        }

        call.Error(DiagnosticCatalogue.ArgumentTypeMismatch, argument.Syntax,
            $"len() needs text or a list, but this is {TypeRules.Describe(argument.Type)}.");
        return null;
    }

    private static RuleType? CheckContains(CallChecker call)
    {
        var (whole, part) = (call.Arguments[0], call.Arguments[1]);
        if (whole.Type.Kind == RuleTypeKind.List)
        {
            if (TypeRules.Unify(whole.Type.Element!, part.Type) is not null)
            {
                return RuleType.Boolean;
            }

            call.Error(DiagnosticCatalogue.ArgumentTypeMismatch, part.Syntax,
                $"contains() looks for {TypeRules.Describe(part.Type)} in {TypeRules.Describe(whole.Type)}, so it could never match.");
            return null;
        }

        return call.Expect(0, RuleTypeKind.Text) & call.Expect(1, RuleTypeKind.Text) ? RuleType.Boolean : null;
    }

    private static RuleType? CheckMatches(CallChecker call)
    {
        var ok = call.Expect(0, RuleTypeKind.Text);
        if (call.Arguments[1] is not BoundLiteral { Value.Kind: RuleTypeKind.Text } literal)
        {
            call.Error(DiagnosticCatalogue.PatternNotLiteral, call.Arguments[1].Syntax,
                "matches() needs its pattern written in quotes in the rule, so it can be checked before the form is used.",
                "Write it as matches(child.postcode, '^[A-Z]{1,2}[0-9]').");
            return null;
        }

        var compiled = PatternCompiler.TryCompile(literal.Value.AsText, out var problem, out var unsupported);
        if (compiled is null)
        {
            call.Error(unsupported ? DiagnosticCatalogue.UnsupportedPattern : DiagnosticCatalogue.InvalidPattern, literal.Syntax, problem!);
            return null;
        }

        call.Pattern = compiled;
        return ok ? RuleType.Boolean : null;
    }
}
