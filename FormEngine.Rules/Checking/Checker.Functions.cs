using System.Globalization;
using System.Text.RegularExpressions;
using FormEngine.Rules.Ast;
using FormEngine.Rules.Diagnostics;

namespace FormEngine.Rules.Checking;

/// <summary>Type rules of the built-in functions.</summary>
internal sealed partial class Checker
{
    private BoundExpression BindCall(CallSyntax call, RuleSymbol? scope)
    {
        var function = FunctionCatalogue.Find(call.Name);
        if (function is null)
        {
            var nearest = Suggestions.Nearest(call.Name, FunctionCatalogue.All.Select(f => f.Name));
            Error(DiagnosticCatalogue.UnknownFunction, call.Offset, call.NameLength,
                $"Unknown function `{call.Name}`.",
                nearest is null ? "See the list of functions in the rules guide." : $"Did you mean `{nearest}`?");
            return new BoundError(call, call.Arguments.Select(a => Bind(a, scope, ArgumentPosition.AggregateOrGroup)).ToArray());
        }

        var count = call.Arguments.Count;
        if (count < function.MinArguments || count > function.MaxArguments)
        {
            Error(DiagnosticCatalogue.WrongArgumentCount, call,
                $"{function.Name}() needs {function.ArityText}, but {(count == 1 ? "1 was" : $"{count} were")} given.",
                $"Write it as {function.Usage}.");
            return new BoundError(call, call.Arguments.Select(a => Bind(a, scope, ArgumentPosition.AggregateOrGroup)).ToArray());
        }

        var arguments = new BoundExpression[count];
        for (var i = 0; i < count; i++)
        {
            var position = i == 0 ? Position(function.First) : ArgumentPosition.None;
            var argumentScope = scope;
            if (i == 1 && function.First == FirstArgument.Group && arguments[0] is BoundReference { Mode: ReferenceMode.GroupItems } group)
            {
                argumentScope = group.Symbol;
            }

            arguments[i] = Bind(call.Arguments[i], argumentScope, position);
        }

        Regex? pattern = null;
        var type = function.Name switch
        {
            "answered" => RuleType.Boolean,
            "count" => CheckCount(call, arguments[0]),
            "sum" => CheckNumberList(call, arguments[0]) ? RuleType.Number : null,
            "min" or "max" => CheckMinMax(call, arguments[0]),
            "any" or "all" => CheckQuantifier(call, arguments),
            "today" => Today(),
            "date" => CheckDate(call, arguments[0]),
            "age" => Expect(call, arguments, 0, RuleTypeKind.Date) && Today() is not null ? RuleType.Number : null,
            "years_between" or "days_between" => Expect(call, arguments, 0, RuleTypeKind.Date) & Expect(call, arguments, 1, RuleTypeKind.Date) ? RuleType.Number : null,
            "len" => CheckLength(call, arguments[0]),
            "contains" => CheckContains(call, arguments),
            "matches" => CheckMatches(call, arguments, out pattern),
            "if" => CheckIf(call, arguments),
            "coalesce" => CheckCoalesce(call, arguments),
            "round" => Expect(call, arguments, 0, RuleTypeKind.Number) & (count < 2 || Expect(call, arguments, 1, RuleTypeKind.Number)) ? RuleType.Number : null,
            "lower" or "upper" or "trim" => Expect(call, arguments, 0, RuleTypeKind.Text) ? RuleType.Text : null,
            "abs" or "floor" or "ceiling" => Expect(call, arguments, 0, RuleTypeKind.Number) ? RuleType.Number : null,
            "number" => Expect(call, arguments, 0, RuleTypeKind.Text) ? RuleType.Number : null,
            _ => throw new InvalidOperationException($"Function {function.Name} has no type rule."),
        };

        return type is null ? new BoundError(call, arguments) : new BoundCall(call, type, function, arguments, pattern);
    }

    private static ArgumentPosition Position(FirstArgument first) => first switch
    {
        FirstArgument.Aggregate => ArgumentPosition.Aggregate,
        FirstArgument.AggregateOrGroup => ArgumentPosition.AggregateOrGroup,
        FirstArgument.Group => ArgumentPosition.Group,
        _ => ArgumentPosition.None,
    };

    private RuleType Today()
    {
        _readsToday = true;
        return RuleType.Date;
    }

    private bool Expect(CallSyntax call, BoundExpression[] arguments, int index, RuleTypeKind kind)
    {
        var argument = arguments[index];
        if (TypeRules.Fits(argument.Type, kind))
        {
            return true;
        }

        var needed = TypeRules.Describe(kind switch
        {
            RuleTypeKind.Date => RuleType.Date,
            RuleTypeKind.Number => RuleType.Number,
            RuleTypeKind.Text => RuleType.Text,
            _ => RuleType.Boolean,
        });
        var suggestion = kind == RuleTypeKind.Date && argument is BoundLiteral { Value.Kind: RuleTypeKind.Text } literal
            ? $"Did you mean `date({literal.Value})`?"
            : null;
        Error(DiagnosticCatalogue.ArgumentTypeMismatch, argument.Syntax,
            $"{call.Name}() needs {needed} here, but this is {TypeRules.Describe(argument.Type)}.", suggestion);
        return false;
    }

    private RuleType? CheckCount(CallSyntax call, BoundExpression argument)
    {
        if (argument.Type.Kind is RuleTypeKind.Group || TypeRules.Fits(argument.Type, RuleTypeKind.List))
        {
            return RuleType.Number;
        }

        Error(DiagnosticCatalogue.ArgumentTypeMismatch, argument.Syntax,
            $"count() counts the items of a list, a multiple-choice answer or a repeat group, but this is {TypeRules.Describe(argument.Type)}.",
            "To check that a question has an answer, use answered(...).");
        return null;
    }

    private bool CheckNumberList(CallSyntax call, BoundExpression argument)
    {
        var type = argument.Type;
        if (TypeRules.IsOpen(type) || (type.Kind == RuleTypeKind.List && TypeRules.Fits(type.Element!, RuleTypeKind.Number)))
        {
            return true;
        }

        Error(DiagnosticCatalogue.ArgumentTypeMismatch, argument.Syntax,
            $"{call.Name}() needs a list of numbers, such as [a, b, c] or a number question in a repeat group, but this is {TypeRules.Describe(type)}.");
        return false;
    }

    private RuleType? CheckMinMax(CallSyntax call, BoundExpression argument)
    {
        var type = argument.Type;
        if (TypeRules.IsOpen(type))
        {
            return RuleType.Any;
        }

        if (type.Kind == RuleTypeKind.List && type.Element!.Kind is RuleTypeKind.Number or RuleTypeKind.Date or RuleTypeKind.Any or RuleTypeKind.Null)
        {
            return type.Element.Kind == RuleTypeKind.Null ? RuleType.Any : type.Element;
        }

        Error(DiagnosticCatalogue.ArgumentTypeMismatch, argument.Syntax,
            $"{call.Name}() needs a list of numbers or dates, such as [a, b] or a question in a repeat group, but this is {TypeRules.Describe(type)}.");
        return null;
    }

    private RuleType? CheckQuantifier(CallSyntax call, BoundExpression[] arguments)
    {
        var ok = true;
        if (arguments[0] is not BoundReference { Mode: ReferenceMode.GroupItems } && arguments[0] is not BoundError)
        {
            Error(DiagnosticCatalogue.GroupExpected, arguments[0].Syntax,
                $"{call.Name}() needs a repeat group as its first value, but this is {TypeRules.Describe(arguments[0].Type)}.",
                $"Write it as {call.Name}(household.members, age < 5).");
            ok = false;
        }

        if (!TypeRules.Fits(arguments[1].Type, RuleTypeKind.Boolean))
        {
            Error(DiagnosticCatalogue.ArgumentTypeMismatch, arguments[1].Syntax,
                $"{call.Name}() needs a condition as its second value, but this is {TypeRules.Describe(arguments[1].Type)}.");
            ok = false;
        }

        return ok ? RuleType.Boolean : null;
    }

    private RuleType? CheckDate(CallSyntax call, BoundExpression argument)
    {
        if (!Expect(call, [argument], 0, RuleTypeKind.Text))
        {
            return null;
        }

        if (argument is BoundLiteral { Value.Kind: RuleTypeKind.Text } literal
            && !DateOnly.TryParseExact(literal.Value.AsText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            Error(DiagnosticCatalogue.InvalidDateLiteral, argument.Syntax,
                $"{literal.Value} is not a real date written as year-month-day.",
                "Write dates like date('2024-01-31').");
            return null;
        }

        return RuleType.Date;
    }

    private RuleType? CheckLength(CallSyntax call, BoundExpression argument)
    {
        if (TypeRules.Fits(argument.Type, RuleTypeKind.Text) || argument.Type.Kind == RuleTypeKind.List)
        {
            return RuleType.Number;
        }

        Error(DiagnosticCatalogue.ArgumentTypeMismatch, argument.Syntax,
            $"len() needs text or a list, but this is {TypeRules.Describe(argument.Type)}.");
        return null;
    }

    private RuleType? CheckContains(CallSyntax call, BoundExpression[] arguments)
    {
        var (whole, part) = (arguments[0], arguments[1]);
        if (whole.Type.Kind == RuleTypeKind.List)
        {
            if (TypeRules.Unify(whole.Type.Element!, part.Type) is not null)
            {
                return RuleType.Boolean;
            }

            Error(DiagnosticCatalogue.ArgumentTypeMismatch, part.Syntax,
                $"contains() looks for {TypeRules.Describe(part.Type)} in {TypeRules.Describe(whole.Type)}, so it could never match.");
            return null;
        }

        return Expect(call, arguments, 0, RuleTypeKind.Text) & Expect(call, arguments, 1, RuleTypeKind.Text) ? RuleType.Boolean : null;
    }

    private RuleType? CheckMatches(CallSyntax call, BoundExpression[] arguments, out Regex? pattern)
    {
        pattern = null;
        var ok = Expect(call, arguments, 0, RuleTypeKind.Text);
        if (arguments[1] is not BoundLiteral { Value.Kind: RuleTypeKind.Text } literal)
        {
            Error(DiagnosticCatalogue.PatternNotLiteral, arguments[1].Syntax,
                "matches() needs its pattern written in quotes in the rule, so it can be checked before the form is used.",
                "Write it as matches(child.postcode, '^[A-Z]{1,2}[0-9]').");
            return null;
        }

        var compiled = PatternCompiler.TryCompile(literal.Value.AsText, out var problem, out var unsupported);
        if (compiled is null)
        {
            Error(unsupported ? DiagnosticCatalogue.UnsupportedPattern : DiagnosticCatalogue.InvalidPattern, literal.Syntax, problem!);
            return null;
        }

        pattern = compiled;
        return ok ? RuleType.Boolean : null;
    }

    private RuleType? CheckIf(CallSyntax call, BoundExpression[] arguments)
    {
        var ok = Expect(call, arguments, 0, RuleTypeKind.Boolean);
        var type = TypeRules.Unify(arguments[1].Type, arguments[2].Type);
        if (type is null)
        {
            Error(DiagnosticCatalogue.IncompatibleTypes, arguments[2].Syntax,
                $"Both results of if() must be of one type, but the first is {TypeRules.Describe(arguments[1].Type)} and the second is {TypeRules.Describe(arguments[2].Type)}.");
            return null;
        }

        return ok ? type : null;
    }

    private RuleType? CheckCoalesce(CallSyntax call, BoundExpression[] arguments)
    {
        var type = RuleType.Null;
        foreach (var argument in arguments)
        {
            var unified = TypeRules.Unify(type, argument.Type);
            if (unified is null)
            {
                Error(DiagnosticCatalogue.IncompatibleTypes, argument.Syntax,
                    $"All values given to coalesce() must be of one type, but this is {TypeRules.Describe(argument.Type)} and the earlier ones are {TypeRules.Describe(type)}.");
                return null;
            }

            type = unified;
        }

        return type;
    }
}
