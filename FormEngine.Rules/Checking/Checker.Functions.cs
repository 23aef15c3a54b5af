using FormEngine.Rules.Ast;
using FormEngine.Rules.Diagnostics;
using FormEngine.Rules.Functions;

namespace FormEngine.Rules.Checking;

/// <summary>Calls: the function's name and number of values here; its type rule lives with its definition.</summary>
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
        if (!function.Arity.Allows(count))
        {
            Error(DiagnosticCatalogue.WrongArgumentCount, call,
                $"{function.Name}() needs {function.Arity.Text}, but {(count == 1 ? "1 was" : $"{count} were")} given.",
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

        var checker = new CallChecker(call, arguments, _diagnostics);
        var type = function.Check(checker);
        _readsToday |= checker.ReadsToday;
        return type is null ? new BoundError(call, arguments) : new BoundCall(call, type, function, arguments, checker.Pattern);
    }

    private static ArgumentPosition Position(FirstArgument first) => first switch
    {
        FirstArgument.Aggregate => ArgumentPosition.Aggregate,
        FirstArgument.AggregateOrGroup => ArgumentPosition.AggregateOrGroup,
        FirstArgument.Group => ArgumentPosition.Group,
        _ => ArgumentPosition.None,
    };
}
