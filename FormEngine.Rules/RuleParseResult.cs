namespace FormEngine.Rules;

/// <summary>The outcome of <see cref="Rule.Parse"/>: a syntax tree, or the syntax errors.</summary>
public sealed class RuleParseResult
{
    internal RuleParseResult(RuleSyntax? syntax, IReadOnlyList<RuleDiagnostic> diagnostics)
    {
        Syntax = syntax;
        Diagnostics = diagnostics;
    }

    /// <summary>The syntax tree, or null when the rule has syntax errors.</summary>
    public RuleSyntax? Syntax { get; }

    /// <summary>The syntax errors; empty when <see cref="Syntax"/> is not null.</summary>
    public IReadOnlyList<RuleDiagnostic> Diagnostics { get; }
}
