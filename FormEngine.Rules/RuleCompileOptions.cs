namespace FormEngine.Rules;

/// <summary>Settings for compiling one rule. Options are records with a public <see cref="Default"/>, like the loader's.</summary>
public sealed record RuleCompileOptions
{
    /// <summary>The default options: top level, any type, the limits below.</summary>
    public static RuleCompileOptions Default { get; } = new();

    /// <summary>The repeat group the rule belongs to, so that bare field names resolve to the group's items; null at top level.</summary>
    public RuleSymbol? Scope { get; init; }

    /// <summary>The type the whole rule must have, e.g. <see cref="RuleType.Boolean"/> for <c>show_if</c>; a mismatch is a diagnostic. Default: any type.</summary>
    public RuleType ExpectedType { get; init; } = RuleType.Any;

    /// <summary>The longest rule accepted, in characters; a longer rule gets a diagnostic and is not parsed. Default 10,000.</summary>
    public int MaxLength { get; init; } = 10_000;

    /// <summary>The deepest nesting of the syntax tree accepted (parentheses, operators, calls). Default 100; values above 1,000 are treated as 1,000.</summary>
    public int MaxDepth { get; init; } = 100;

    /// <summary>
    /// How the rule is evaluated: closures (the default), IL at once, or closures until it has been
    /// evaluated often (<see cref="RuleEvaluationTier.Adaptive"/>). Every tier gives the same values.
    /// </summary>
    public RuleEvaluationTier Tier { get; init; } = RuleEvaluationTier.Closures;

    /// <summary>With <see cref="RuleEvaluationTier.Adaptive"/>, the number of evaluations after which the rule is compiled to IL. Default 1,000.</summary>
    public int AdaptiveThreshold { get; init; } = 1_000;

    /// <summary>
    /// Where parsed rules are kept and shared with other compilations given the same cache (every version of a
    /// template, every template of a catalogue); null (the default) parses every rule afresh. Sharing never
    /// changes a result: checking and compiling still run against <c>symbols</c> each time.
    /// </summary>
    public RuleSyntaxCache? SyntaxCache { get; init; }
}
