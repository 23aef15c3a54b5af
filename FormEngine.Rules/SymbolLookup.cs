namespace FormEngine.Rules;

/// <summary>The outcome of resolving a reference. Symbol null with an empty list means "not found".</summary>
/// <param name="Symbol">The symbol found, or null.</param>
/// <param name="AmbiguousWith">When the name matched several symbols, their paths; otherwise empty.</param>
public readonly record struct SymbolLookup(RuleSymbol? Symbol, IReadOnlyList<string> AmbiguousWith)
{
    /// <summary>A lookup that found nothing.</summary>
    public static SymbolLookup NotFound { get; } = new(null, Array.Empty<string>());

    /// <summary>A lookup that found exactly one symbol.</summary>
    /// <param name="symbol">The symbol found.</param>
    /// <returns>The lookup.</returns>
    public static SymbolLookup Found(RuleSymbol symbol) => new(symbol, Array.Empty<string>());
}
