using System.Runtime.CompilerServices;
using FormEngine.Rules.Ast;
using FormEngine.Rules.Diagnostics;

namespace FormEngine.Rules.Checking;

/// <summary>
/// Resolves names and checks types of a parsed rule in one walk, collecting every problem rather than
/// stopping at the first. A node with an error is typed "any" so that one mistake is reported once.
/// </summary>
internal sealed partial class Checker
{
    private readonly ISymbolTable _symbols;
    private readonly DiagnosticBag _diagnostics;
    private readonly List<RuleSymbol> _references = [];
    private readonly HashSet<RuleSymbol> _referenced = [];
    private bool _readsToday;

    private Checker(ISymbolTable symbols, DiagnosticBag diagnostics)
    {
        _symbols = symbols;
        _diagnostics = diagnostics;
    }

    public static CheckResult Check(string source, RuleSyntax syntax, ISymbolTable symbols, RuleCompileOptions options)
    {
        var diagnostics = new DiagnosticBag(source);
        var checker = new Checker(symbols, diagnostics);
        BoundExpression bound;
        try
        {
            bound = checker.Bind(syntax, options.Scope, ArgumentPosition.None);
        }
        catch (InsufficientExecutionStackException)
        {
            // Second line of defence: the parser already limits depth to MaxDepth.
            diagnostics.Add(DiagnosticCatalogue.NestingTooDeep, 0, source.Length, "The rule is nested too deeply to check; simplify it.");
            return new CheckResult(null, diagnostics.Sorted(), [], false);
        }

        checker.CheckExpectedType(bound, options.ExpectedType);
        return new CheckResult(bound, diagnostics.Sorted(), checker._references, checker._readsToday);
    }

    private void CheckExpectedType(BoundExpression bound, RuleType expected)
    {
        if (expected.Kind == RuleTypeKind.Any || TypeRules.IsOpen(bound.Type) || TypeRules.Unify(expected, bound.Type) is not null)
        {
            return;
        }

        var purpose = expected.Kind == RuleTypeKind.Boolean ? " (it is used as a condition)" : string.Empty;
        Error(DiagnosticCatalogue.ResultTypeMismatch, bound.Syntax,
            $"This rule must give {TypeRules.Describe(expected)}{purpose}, but it gives {TypeRules.Describe(bound.Type)}.",
            expected.Kind == RuleTypeKind.Boolean ? "Compare it with something, e.g. `... > 0` or `... = 'yes'`." : null);
    }

    private BoundExpression Bind(RuleSyntax syntax, RuleSymbol? scope, ArgumentPosition position)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        return syntax switch
        {
            LiteralSyntax literal => new BoundLiteral(literal, literal.Value),
            ReferenceSyntax reference => BindReference(reference, scope, position),
            ListSyntax list => BindList(list, scope),
            UnarySyntax unary => BindUnary(unary, scope),
            BinarySyntax binary => BindBinary(binary, scope),
            CallSyntax call => BindCall(call, scope),
            _ => throw new InvalidOperationException($"Unknown syntax node {syntax.GetType().Name}."),
        };
    }

    private BoundExpression BindList(ListSyntax list, RuleSymbol? scope)
    {
        var items = list.Items.Select(item => Bind(item, scope, ArgumentPosition.None)).ToArray();
        RuleType element = RuleType.Null;
        foreach (var item in items)
        {
            var unified = TypeRules.Unify(element, item.Type);
            if (unified is null)
            {
                Error(DiagnosticCatalogue.IncompatibleTypes, item.Syntax,
                    $"All items of a list must be of one type, but this item is {TypeRules.Describe(item.Type)} and earlier items are {TypeRules.Describe(element)}.");
                return new BoundError(list, items);
            }

            element = unified;
        }

        if (element.Kind == RuleTypeKind.Null)
        {
            element = RuleType.Any;
        }

        return new BoundList(list, RuleType.ListOf(element), items);
    }

    private void Reference(RuleSymbol symbol)
    {
        if (_referenced.Add(symbol))
        {
            _references.Add(symbol);
        }
    }

    private void Error(DiagnosticDescriptor descriptor, RuleSyntax at, string message, string? suggestion = null) =>
        _diagnostics.Add(descriptor, at, message, suggestion);

    private void Error(DiagnosticDescriptor descriptor, int offset, int length, string message, string? suggestion = null) =>
        _diagnostics.Add(descriptor, offset, Math.Max(1, length), message, suggestion);

    /// <summary>Where a node sits, which decides whether repeat fields and groups may be read as a whole.</summary>
    private enum ArgumentPosition
    {
        None,
        Aggregate,
        AggregateOrGroup,
        Group,
    }
}

/// <summary>The bound tree (null when checking could not produce one), the diagnostics, and what the rule reads.</summary>
internal sealed record CheckResult(BoundExpression? Bound, IReadOnlyList<RuleDiagnostic> Diagnostics, IReadOnlyList<RuleSymbol> References, bool ReadsToday);
