namespace FormEngine.Rules;

/// <summary>
/// The default <see cref="ISymbolTable"/>. A reference resolves, in order, to: the symbol whose path it
/// equals; inside a repeat group, a field of the group by bare name or relative path (innermost group
/// first, then outer groups); otherwise the one symbol in the template whose name is the bare name (when
/// several symbols share that name the lookup is ambiguous). Matching is case-sensitive.
/// </summary>
public sealed class SymbolTable : ISymbolTable
{
    private readonly List<RuleSymbol> _symbols = [];
    private readonly Dictionary<string, RuleSymbol> _byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<RuleSymbol>> _byName = new(StringComparer.Ordinal);

    /// <summary>Creates an empty table.</summary>
    public SymbolTable()
    {
    }

    /// <summary>Creates a table holding the given symbols.</summary>
    /// <param name="symbols">The symbols of a template; paths must be distinct.</param>
    public SymbolTable(IEnumerable<RuleSymbol> symbols)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        foreach (var symbol in symbols)
        {
            Add(symbol);
        }
    }

    /// <summary>All symbols, in the order they were added.</summary>
    public IReadOnlyList<RuleSymbol> Symbols => _symbols;

    /// <summary>Adds a symbol.</summary>
    /// <param name="symbol">The symbol; its path must not already be in the table.</param>
    /// <exception cref="ArgumentException">A symbol with the same path is already in the table.</exception>
    public void Add(RuleSymbol symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        if (!_byPath.TryAdd(symbol.Path, symbol))
        {
            throw new ArgumentException($"A symbol with path `{symbol.Path}` is already in the table.", nameof(symbol));
        }

        _symbols.Add(symbol);
        if (!_byName.TryGetValue(symbol.Name, out var named))
        {
            named = [];
            _byName.Add(symbol.Name, named);
        }

        named.Add(symbol);
    }

    /// <inheritdoc />
    public SymbolLookup Resolve(IReadOnlyList<string> segments, RuleSymbol? scope)
    {
        ArgumentNullException.ThrowIfNull(segments);
        if (segments.Count == 0)
        {
            return SymbolLookup.NotFound;
        }

        var path = string.Join('.', segments);
        if (_byPath.TryGetValue(path, out var exact))
        {
            return SymbolLookup.Found(exact);
        }

        for (var group = scope; group is not null; group = group.Group)
        {
            if (_byPath.TryGetValue(group.Path + "." + path, out var relative))
            {
                return SymbolLookup.Found(relative);
            }

            if (segments.Count == 1 && _byName.TryGetValue(path, out var sameName))
            {
                foreach (var candidate in sameName)
                {
                    if (ReferenceEquals(candidate.Group, group))
                    {
                        return SymbolLookup.Found(candidate);
                    }
                }
            }
        }

        if (segments.Count == 1 && _byName.TryGetValue(path, out var named))
        {
            return named.Count == 1
                ? SymbolLookup.Found(named[0])
                : new SymbolLookup(null, named.Select(s => s.Path).ToArray());
        }

        return SymbolLookup.NotFound;
    }

    /// <inheritdoc />
    public IEnumerable<string> SuggestionCandidates(RuleSymbol? scope)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var group = scope; group is not null; group = group.Group)
        {
            foreach (var symbol in _symbols)
            {
                if (ReferenceEquals(symbol.Group, group) && seen.Add(symbol.Name))
                {
                    yield return symbol.Name;
                }
            }
        }

        foreach (var symbol in _symbols)
        {
            if (seen.Add(symbol.Path))
            {
                yield return symbol.Path;
            }
        }

        foreach (var (name, symbols) in _byName)
        {
            if (symbols.Count == 1 && seen.Add(name))
            {
                yield return name;
            }
        }
    }
}
