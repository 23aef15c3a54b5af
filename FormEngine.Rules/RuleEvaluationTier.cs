namespace FormEngine.Rules;

/// <summary>How a compiled rule is evaluated: see <see cref="RuleCompileOptions.Tier"/>.</summary>
public enum RuleEvaluationTier
{
    /// <summary>Nested closures only: compiled in microseconds, evaluated in tens of nanoseconds. The default.</summary>
    Closures,

    /// <summary>
    /// Compiled to IL at once (expression trees): evaluated in a few nanoseconds, but compiling takes a few
    /// hundred microseconds per rule. For a host that evaluates the same rules very often.
    /// </summary>
    IL,

    /// <summary>Closures first, for fast start-up; compiled to IL once a rule has been evaluated <see cref="RuleCompileOptions.AdaptiveThreshold"/> times.</summary>
    Adaptive,
}
