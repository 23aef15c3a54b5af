using System.Collections.Concurrent;
using FormEngine.Rules.Parsing;

namespace FormEngine.Rules;

/// <summary>
/// Parsed rules kept so that the same rule text is read once and shared by every template and template
/// version that contains it (the versions of one template repeat almost all their rules word for word).
/// Give one cache to every compilation that should share it through <see cref="RuleCompileOptions.SyntaxCache"/>.
/// Thread-safe. Bounded: once it holds <see cref="Capacity"/> rules it keeps those and parses any other rule
/// without keeping it, so a cache never grows without limit and never changes a result.
/// </summary>
/// <remarks>
/// What is shared is the result of parsing, and only that. Parsing depends on nothing but the rule's text and
/// the depth limit, so the key is exactly those two and a shared tree can never carry another template's names,
/// types or answer slots. Checking and compiling still run for every template against its own questions: they
/// resolve each name to that template's symbol (whose slot index the compiled closures and IL read, and whose
/// label and choices explanations use), so a question that became text in a later version is checked as text
/// there and reported at that version's own line. That split follows the cost: parsing is 75–85 % of preparing
/// a rule (1.7–4.9 µs of 2.3–6.1 µs for the rules of the generated 2,000-question template), while checking
/// and building closures take under a microsecond, about what it would cost to re-point a compiled rule at
/// another version's slots. Only rules that parse are kept; every diagnostic a kept rule can still get comes from
/// checking it against its own template, as an offset into the rule's text that the template maps to its own
/// file, line and column.
/// </remarks>
public sealed class RuleSyntaxCache
{
    /// <summary>
    /// The number of rules a cache keeps by default: 50,000, the distinct rules of some twenty-five templates of
    /// 2,000 questions (one has about 1,800), at about 500 bytes each (some 25 MB when full).
    /// </summary>
    public const int DefaultCapacity = 50_000;

    private readonly ConcurrentDictionary<(string Source, int MaxDepth), RuleParseResult> _parsed = new();
    private int _count;

    /// <summary>Creates an empty cache.</summary>
    /// <param name="capacity">The most rules kept (default <see cref="DefaultCapacity"/>); at least 1.</param>
    public RuleSyntaxCache(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>The most rules the cache keeps.</summary>
    public int Capacity { get; }

    /// <summary>The number of rules kept now: distinct texts that parsed, counted once per depth limit they were parsed with.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The parse of a rule: the kept one when this text was parsed before with the same depth limit.</summary>
    internal RuleParseResult Parse(string source, RuleCompileOptions options)
    {
        // A rule over the length limit is refused before it is read, and the refusal names the limit, so it
        // is neither looked up nor kept.
        if (source.Length > options.MaxLength)
        {
            return RuleParser.Parse(source, options);
        }

        var key = (source, RuleParser.EffectiveMaxDepth(options));
        if (_parsed.TryGetValue(key, out var kept))
        {
            return kept;
        }

        var parsed = RuleParser.Parse(source, options);

        // A rule that does not parse is not kept: such rules are rare and quick to read again, and one of
        // their errors (nesting too deep for the stack of the thread reading it) depends on the thread, not
        // only on the text.
        if (parsed.Syntax is null)
        {
            return parsed;
        }

        // Reserve a place before adding, so parallel loads cannot overshoot the capacity. Two threads parsing
        // the same new text both get an equal tree; only the first is kept and the second gives its place back.
        if (Interlocked.Increment(ref _count) > Capacity)
        {
            Interlocked.Decrement(ref _count);
            return parsed;
        }

        if (!_parsed.TryAdd(key, parsed))
        {
            Interlocked.Decrement(ref _count);
            return _parsed.TryGetValue(key, out kept) ? kept : parsed;
        }

        return parsed;
    }
}
