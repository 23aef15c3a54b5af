using FormEngine.Diagnostics;
using FormEngine.Templates;
using FormEngine.Yaml;

namespace FormEngine.Loading;

/// <summary>
/// The main file's <c>languages</c>, <c>audiences</c> and <c>sensitivity</c>. They are read before any
/// other text, because every text, section and question is read against them; sections and questions
/// name their readers through <see cref="ReadAudiences"/> and <see cref="ReadSensitivity"/>.
/// </summary>
internal sealed class Declarations(DiagnosticBag diagnostics)
{
    private readonly Dictionary<string, SensitivityLevel> _sensitivity = new(StringComparer.Ordinal);
    private List<string> _languages = ["en"];
    private List<string> _audiences = [];

    public IReadOnlyList<string> Languages => _languages;

    public IReadOnlyList<string> Audiences => _audiences;

    public IReadOnlyCollection<SensitivityLevel> SensitivityLevels => _sensitivity.Values;

    public string DefaultLanguage => _languages[0];

    /// <summary>Reads the declarations; <paramref name="texts"/> reads the levels' labels, in the languages just declared.</summary>
    public void Read(MapReader top, LocalizedTextReader texts)
    {
        if (top.Sequence("languages") is { } languages)
        {
            var codes = Codes(languages, "language", "Languages are codes such as `en` and `cy`.");
            if (codes.Count > 0)
            {
                _languages = codes;
            }
        }

        if (top.Sequence("audiences") is { } audiences)
        {
            _audiences = Codes(audiences, "audience", "Audiences are ids such as `practitioner`, `child` and `parent`.");
            foreach (var clash in _audiences.Intersect(_languages))
            {
                diagnostics.Report(DiagnosticCatalogue.DuplicateId, audiences.Location, $"`{clash}` is declared both as a language and as an audience.", "Give the audience another id.");
            }
        }

        if (top.Mapping("sensitivity") is not { } levels)
        {
            return;
        }

        foreach (var (key, value) in levels.Entries)
        {
            if (!TemplateIds.IsValid(key.Value))
            {
                diagnostics.Report(DiagnosticCatalogue.InvalidId, key.Location, $"The sensitivity level `{key.Value}` must be lower_snake_case.", $"Try `{TemplateIds.Suggest(key.Value)}`.");
            }

            if (value is not YamlMap levelMap)
            {
                diagnostics.Report(DiagnosticCatalogue.WrongShape, value.Location, $"The sensitivity level `{key.Value}` must say which `audiences:` may see it, and may give a `label:`.");
                continue;
            }

            var reader = new MapReader(levelMap, "a sensitivity level", diagnostics);
            reader.RejectUnknownKeys(TemplateKeys.SensitivityLevel);
            reader.RequireKey("audiences", "List the audiences that may see answers at this level, e.g. `audiences: [practitioner]`.");
            var allowed = reader.Sequence("audiences") is { } list ? KnownAudiences(list) : [];
            var (label, labelText) = texts.Read(reader, "label");
            var text = label.Length > 0 ? labelText! : LocalizedText.Plain(key.Value.Replace('_', ' ').Replace("third party", "third-party", StringComparison.Ordinal), DefaultLanguage, key.Location);
            _sensitivity[key.Value] = new SensitivityLevel(key.Value, text, allowed, key.Location);
        }
    }

    /// <summary>A section's or question's <c>audiences:</c>, keeping only declared ones; null when it has none.</summary>
    public IReadOnlyList<string>? ReadAudiences(MapReader reader) =>
        reader.Sequence("audiences") is { } list ? KnownAudiences(list) : null;

    /// <summary>A section's or question's <c>sensitivity:</c>, or null when it has none or names an undeclared level.</summary>
    public string? ReadSensitivity(MapReader reader)
    {
        if (reader.Scalar("sensitivity") is not { IsNull: false } scalar)
        {
            return null;
        }

        if (!_sensitivity.ContainsKey(scalar.Value))
        {
            diagnostics.Report(
                DiagnosticCatalogue.UnknownLanguageOrAudience,
                scalar.Location,
                $"`{scalar.Value}` is not one of the template's sensitivity levels.",
                _sensitivity.Count == 0
                    ? "Declare it at the top of the template, e.g. `sensitivity: { third_party: { audiences: [practitioner] } }`."
                    : NameSuggester.DidYouMean(scalar.Value, _sensitivity.Keys) ?? $"Levels: {string.Join(", ", _sensitivity.Keys)}.");
            return null;
        }

        return scalar.Value;
    }

    private List<string> Codes(YamlSequence list, string what, string hint)
    {
        var codes = new List<string>();
        foreach (var item in list.Items)
        {
            if (item is not YamlScalar { IsNull: false } scalar || !TemplateIds.IsValid(scalar.Value))
            {
                diagnostics.Report(DiagnosticCatalogue.InvalidId, item.Location, $"Each {what} must be a lower_snake_case code.", hint);
                continue;
            }

            if (codes.Contains(scalar.Value))
            {
                diagnostics.Report(DiagnosticCatalogue.DuplicateId, scalar.Location, $"The {what} `{scalar.Value}` is listed twice.");
                continue;
            }

            codes.Add(scalar.Value);
        }

        return codes;
    }

    private List<string> KnownAudiences(YamlSequence list)
    {
        var known = new List<string>();
        foreach (var item in list.Items)
        {
            if (item is not YamlScalar { IsNull: false } scalar)
            {
                diagnostics.Report(DiagnosticCatalogue.WrongShape, item.Location, "Each audience must be an id such as `practitioner`.");
                continue;
            }

            if (IsDeclaredAudience(scalar))
            {
                known.Add(scalar.Value);
            }
        }

        return known;
    }

    /// <summary>True when the template declares the audience <paramref name="name"/> names; otherwise reports it.</summary>
    public bool IsDeclaredAudience(YamlScalar name)
    {
        if (_audiences.Contains(name.Value))
        {
            return true;
        }

        diagnostics.Report(
            DiagnosticCatalogue.UnknownLanguageOrAudience,
            name.Location,
            $"`{name.Value}` is not one of the template's audiences.",
            _audiences.Count == 0 ? "Declare them at the top of the template, e.g. `audiences: [practitioner, child, parent]`." : NameSuggester.DidYouMean(name.Value, _audiences) ?? $"Audiences: {string.Join(", ", _audiences)}.");
        return false;
    }
}
