using FormEngine.Rules;
using FormEngine.Templates;

namespace FormEngine.Binding;

/// <summary>
/// The names a rule inside a question set can use: the set's own questions by their bare ids, as they are
/// where the set is used (<c>dob</c> in a set used in section <c>child</c> is <c>child.dob</c>, even when the
/// set is also used elsewhere and the bare name alone would be ambiguous); every other name as anywhere else.
/// </summary>
internal sealed class QuestionSetSymbols(ISymbolTable template, QuestionSetUse use) : ISymbolTable
{
    private readonly string[] _parent = use.ParentPath.Split('.');

    public SymbolLookup Resolve(IReadOnlyList<string> segments, RuleSymbol? scope)
    {
        var lookup = template.Resolve(segments, scope);
        if (lookup.Symbol is not null || segments.Count == 0 || !use.Ids.Contains(segments[0]))
        {
            return lookup;
        }

        var own = template.Resolve([.. _parent, .. segments], null);
        return own.Symbol is not null ? own : lookup;
    }

    public IEnumerable<string> SuggestionCandidates(RuleSymbol? scope) =>
        use.Ids.Concat(template.SuggestionCandidates(scope));
}
