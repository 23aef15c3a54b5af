namespace FormEngine.Rules;

/// <summary>The outcome of <see cref="Rule.TryCompile"/>: a compiled rule, or the diagnostics that explain why there is none.</summary>
public sealed class RuleCompilation
{
    internal RuleCompilation(CompiledRule? rule, IReadOnlyList<RuleDiagnostic> diagnostics)
    {
        Rule = rule;
        Diagnostics = diagnostics;
    }

    /// <summary>True when the rule compiled (there may still be warnings).</summary>
    public bool Success => Rule is not null;

    /// <summary>The compiled rule, or null when there were errors.</summary>
    public CompiledRule? Rule { get; }

    /// <summary>All errors and warnings, in the order of their position in the rule.</summary>
    public IReadOnlyList<RuleDiagnostic> Diagnostics { get; }
}
