namespace FormEngine.Rules;

/// <summary>Resolves the names a rule uses to the questions of a template.</summary>
public interface ISymbolTable
{
    /// <summary>Finds the symbol a reference names.</summary>
    /// <param name="segments">The dotted segments of the reference, e.g. <c>["child", "dob"]</c>.</param>
    /// <param name="scope">The repeat group the rule sits in, or null for a rule at top level.</param>
    /// <returns>The symbol, or an empty lookup when nothing matches, or the paths of all candidates when the name is ambiguous.</returns>
    SymbolLookup Resolve(IReadOnlyList<string> segments, RuleSymbol? scope);

    /// <summary>The paths and names from which to suggest a correction when a reference is not found.</summary>
    /// <param name="scope">The repeat group the rule sits in, or null for a rule at top level.</param>
    /// <returns>Candidate spellings.</returns>
    IEnumerable<string> SuggestionCandidates(RuleSymbol? scope);
}
