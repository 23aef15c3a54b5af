using System.Text.RegularExpressions;
using FormEngine.Rules.Ast;
using FormEngine.Rules.Diagnostics;

namespace FormEngine.Rules.Checking;

/// <summary>
/// What a function's type rule works with: the call, its arguments already bound, and the ways to report
/// a problem with them or to record what the call needs at run time.
/// </summary>
internal sealed class CallChecker(CallSyntax syntax, IReadOnlyList<BoundExpression> arguments, DiagnosticBag diagnostics)
{
    public CallSyntax Syntax => syntax;

    /// <summary>The function's name, for messages.</summary>
    public string Name => syntax.Name;

    public IReadOnlyList<BoundExpression> Arguments => arguments;

    /// <summary>Set when the call's value depends on the evaluation date.</summary>
    public bool ReadsToday { get; private set; }

    /// <summary>A pattern the type rule compiled from a written argument, kept for the compiled call.</summary>
    public Regex? Pattern { get; set; }

    /// <summary>Records that the call's value depends on the evaluation date, and gives <paramref name="type"/>.</summary>
    public RuleType ReadingToday(RuleType type)
    {
        ReadsToday = true;
        return type;
    }

    /// <summary>True when argument <paramref name="index"/> can be of <paramref name="kind"/>; otherwise reports it.</summary>
    public bool Expect(int index, RuleTypeKind kind)
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
            $"{Name}() needs {needed} here, but this is {TypeRules.Describe(argument.Type)}.", suggestion);
        return false;
    }

    public void Error(DiagnosticDescriptor descriptor, RuleSyntax at, string message, string? suggestion = null) =>
        diagnostics.Add(descriptor, at, message, suggestion);
}
