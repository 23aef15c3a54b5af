using FormEngine.Rules.Diagnostics;

namespace FormEngine.Rules.Checking;

/// <summary>Resolves names and checks types of a parsed rule, collecting every problem.</summary>
internal static class Checker
{
    public static CheckResult Check(string source, RuleSyntax syntax, ISymbolTable symbols, RuleCompileOptions options)
    {
        var diagnostics = new DiagnosticBag(source);
        return new CheckResult(null, diagnostics.Sorted());
    }
}

/// <summary>The bound tree (null when checking could not produce one) and the diagnostics.</summary>
internal sealed record CheckResult(BoundExpression? Bound, IReadOnlyList<RuleDiagnostic> Diagnostics);
