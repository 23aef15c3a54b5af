using System.Globalization;
using FormEngine.Diagnostics;
using FormEngine.Templates;
using FormEngine.Yaml;

namespace FormEngine.Loading;

/// <summary>
/// Reads the keys of one YAML block, reporting wrong shapes as it goes and, at the end, every key it was
/// not asked for, with the nearest valid key as a suggestion.
/// </summary>
internal sealed class MapReader
{
    private readonly YamlMap _map;
    private readonly DiagnosticBag _diagnostics;
    private readonly string _what;

    public MapReader(YamlMap map, string what, DiagnosticBag diagnostics)
    {
        _map = map;
        _what = what;
        _diagnostics = diagnostics;
    }

    public YamlMap Map => _map;

    /// <summary>An item of a list that must be a block (a section, question, flag...), or null after reporting that it is not.</summary>
    public static YamlMap? RequireMap(YamlNode node, string what, DiagnosticBag diagnostics)
    {
        if (node is YamlMap map)
        {
            return map;
        }

        diagnostics.Report(DiagnosticCatalogue.WrongShape, node.Location, $"Each {what} must be a set of `name: value` lines (starting with `id:`), but this is {node.KindName}.");
        return null;
    }

    public YamlNode? Node(string key) => IndexOf(key) is var i and >= 0 ? _map.Entries[i].Value : null;

    public YamlScalar? KeyNode(string key) => IndexOf(key) is var i and >= 0 ? _map.Entries[i].Key : null;

    // Every key a question may have is looked up in every question's block, tens of thousands of times in a
    // large template: a loop by index allocates no enumerator or closure, which a foreach or LINQ over the
    // read-only list would.
    private int IndexOf(string key)
    {
        var entries = _map.Entries;
        for (var i = 0; i < entries.Count; i++)
        {
            if (string.Equals(entries[i].Key.Value, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    public bool Has(string key) => Node(key) is not null;

    public YamlScalar? Scalar(string key)
    {
        var node = Node(key);
        if (node is null or YamlScalar)
        {
            return (YamlScalar?)node;
        }

        _diagnostics.Report(DiagnosticCatalogue.WrongShape, node.Location, $"`{key}` must be a single value, but here it is {node.KindName}.");
        return null;
    }

    /// <summary>The block's <c>id</c>, reported (but still returned) when it is not lower_snake_case, so reading goes on.</summary>
    public string? Id(string what)
    {
        var scalar = Scalar("id");
        if (scalar is null || scalar.IsNull)
        {
            return null;
        }

        if (!TemplateIds.IsValid(scalar.Value))
        {
            _diagnostics.Report(DiagnosticCatalogue.InvalidId, scalar.Location, $"The {what} id `{scalar.Value}` must be lower_snake_case: small letters, digits and `_`, starting with a letter.", $"Try `{TemplateIds.Suggest(scalar.Value)}`.");
        }

        return scalar.Value;
    }

    public string? Text(string key)
    {
        var scalar = Scalar(key);
        return scalar is null || scalar.IsNull ? null : scalar.Value;
    }

    public RuleText? Rule(string key)
    {
        var scalar = Scalar(key);
        if (scalar is null || scalar.IsNull)
        {
            return null;
        }

        return ToRule(scalar);
    }

    public static RuleText ToRule(YamlScalar scalar) => new(scalar.Value, scalar.Location) { Scalar = scalar };

    public bool? Bool(string key)
    {
        var scalar = Scalar(key);
        if (scalar is null || scalar.IsNull)
        {
            return null;
        }

        if (scalar.IsPlain && scalar.Value is "true" or "false")
        {
            return scalar.Value == "true";
        }

        _diagnostics.Report(DiagnosticCatalogue.InvalidValue, scalar.Location, $"`{key}` must be `true` or `false`, not `{scalar.Value}`.");
        return null;
    }

    public decimal? Decimal(string key)
    {
        var scalar = Scalar(key);
        if (scalar is null || scalar.IsNull)
        {
            return null;
        }

        if (decimal.TryParse(scalar.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        _diagnostics.Report(DiagnosticCatalogue.InvalidValue, scalar.Location, $"`{key}` must be a number, not `{scalar.Value}`.");
        return null;
    }

    public int? Int(string key, int minimum)
    {
        var scalar = Scalar(key);
        if (scalar is null || scalar.IsNull)
        {
            return null;
        }

        if (int.TryParse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum)
        {
            return value;
        }

        _diagnostics.Report(DiagnosticCatalogue.InvalidValue, scalar.Location, $"`{key}` must be a whole number of at least {minimum}, not `{scalar.Value}`.");
        return null;
    }

    public YamlSequence? Sequence(string key)
    {
        var node = Node(key);
        switch (node)
        {
            case null:
                return null;
            case YamlSequence sequence:
                return sequence;
            case YamlScalar { IsNull: true }:
                return null;
            default:
                _diagnostics.Report(DiagnosticCatalogue.WrongShape, node.Location, $"`{key}` must be a list (lines starting with `- `), but here it is {node.KindName}.");
                return null;
        }
    }

    public YamlMap? Mapping(string key)
    {
        var node = Node(key);
        switch (node)
        {
            case null:
                return null;
            case YamlMap map:
                return map;
            case YamlScalar { IsNull: true }:
                return null;
            default:
                _diagnostics.Report(DiagnosticCatalogue.WrongShape, node.Location, $"`{key}` must be a set of `name: value` lines, but here it is {node.KindName}.");
                return null;
        }
    }

    /// <summary>Reports every key not in <paramref name="allowed"/>, suggesting the nearest valid one.</summary>
    public void RejectUnknownKeys(IReadOnlyCollection<string> allowed)
    {
        foreach (var (key, _) in _map.Entries)
        {
            if (!allowed.Contains(key.Value))
            {
                // A key with spaces is almost always the rest of a text cut off by a comma inside { } or [ ].
                var suggestion = key.Value.Contains(' ', StringComparison.Ordinal)
                    ? "If this is the rest of the text before it, put that whole text in quotes: inside `{ }` and `[ ]` a comma ends a value."
                    : NameSuggester.DidYouMean(key.Value, allowed) ?? $"Valid keys here: {string.Join(", ", allowed.Order(StringComparer.Ordinal))}.";
                _diagnostics.Report(DiagnosticCatalogue.UnknownKey, key.Location, $"Unknown key `{key.Value}` in {_what}.", suggestion);
            }
        }
    }

    public void RequireKey(string key, string why)
    {
        if (!Has(key))
        {
            _diagnostics.Report(DiagnosticCatalogue.MissingKey, _map.Location, $"{Subject()} has no `{key}`.", why);
        }
    }

    // `what` reads "a question" or "the template" after "in"; at the start of a sentence it is "This question", "The template".
    private string Subject() => _what switch
    {
        _ when _what.StartsWith("a ", StringComparison.Ordinal) => "This " + _what[2..],
        _ when _what.StartsWith("an ", StringComparison.Ordinal) => "This " + _what[3..],
        _ when _what.StartsWith("the ", StringComparison.Ordinal) => "The " + _what[4..],
        _ => "This " + _what,
    };
}
