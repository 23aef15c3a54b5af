using FormEngine.Diagnostics;
using FormEngine.Templates;
using FormEngine.Yaml;

namespace FormEngine.Loading;

/// <summary>Languages, audiences, sensitivity levels, and texts written per language and audience.</summary>
internal sealed partial class TemplateReader
{
    private static readonly Dictionary<string, string> LanguageNames = new(StringComparer.Ordinal)
    {
        ["en"] = "English",
        ["cy"] = "Welsh",
        ["ga"] = "Irish",
        ["gd"] = "Scottish Gaelic",
        ["pl"] = "Polish",
        ["ur"] = "Urdu",
        ["pa"] = "Punjabi",
        ["ar"] = "Arabic",
    };

    private string DefaultLanguage => _languages[0];

    private static string LanguageName(string code) => LanguageNames.TryGetValue(code, out var name) ? $"{name} ({code})" : $"`{code}`";

    /// <summary>The main file's <c>languages</c>, <c>audiences</c> and <c>sensitivity</c>, read before any text.</summary>
    private void ReadDeclarations(MapReader top)
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
                _diagnostics.Report(DiagnosticCatalogue.DuplicateId, audiences.Location, $"`{clash}` is declared both as a language and as an audience.", "Give the audience another id.");
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
                _diagnostics.Report(DiagnosticCatalogue.InvalidId, key.Location, $"The sensitivity level `{key.Value}` must be lower_snake_case.", $"Try `{TemplateIds.Suggest(key.Value)}`.");
            }

            if (value is not YamlMap levelMap)
            {
                _diagnostics.Report(DiagnosticCatalogue.WrongShape, value.Location, $"The sensitivity level `{key.Value}` must say which `audiences:` may see it, and may give a `label:`.");
                continue;
            }

            var reader = new MapReader(levelMap, "a sensitivity level", _diagnostics);
            reader.RejectUnknownKeys(TemplateKeys.SensitivityLevel);
            reader.RequireKey("audiences", "List the audiences that may see answers at this level, e.g. `audiences: [practitioner]`.");
            var allowed = reader.Sequence("audiences") is { } list ? KnownAudiences(list) : [];
            var (label, labelText) = ReadText(reader, "label");
            var text = label.Length > 0 ? labelText! : LocalizedText.Plain(key.Value.Replace('_', ' ').Replace("third party", "third-party", StringComparison.Ordinal), DefaultLanguage, key.Location);
            _sensitivity[key.Value] = new SensitivityLevel(key.Value, text, allowed, key.Location);
        }
    }

    private List<string> Codes(YamlSequence list, string what, string hint)
    {
        var codes = new List<string>();
        foreach (var item in list.Items)
        {
            if (item is not YamlScalar { IsNull: false } scalar || !TemplateIds.IsValid(scalar.Value))
            {
                _diagnostics.Report(DiagnosticCatalogue.InvalidId, item.Location, $"Each {what} must be a lower_snake_case code.", hint);
                continue;
            }

            if (codes.Contains(scalar.Value))
            {
                _diagnostics.Report(DiagnosticCatalogue.DuplicateId, scalar.Location, $"The {what} `{scalar.Value}` is listed twice.");
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
                _diagnostics.Report(DiagnosticCatalogue.WrongShape, item.Location, "Each audience must be an id such as `practitioner`.");
                continue;
            }

            if (!_audiences.Contains(scalar.Value))
            {
                _diagnostics.Report(
                    DiagnosticCatalogue.UnknownLanguageOrAudience,
                    scalar.Location,
                    $"`{scalar.Value}` is not one of the template's audiences.",
                    _audiences.Count == 0 ? "Declare them at the top of the template, e.g. `audiences: [practitioner, child, parent]`." : NameSuggester.DidYouMean(scalar.Value, _audiences) ?? $"Audiences: {string.Join(", ", _audiences)}.");
                continue;
            }

            known.Add(scalar.Value);
        }

        return known;
    }

    private IReadOnlyList<string>? ReadAudiences(MapReader reader) =>
        reader.Sequence("audiences") is { } list ? KnownAudiences(list) : null;

    private string? ReadSensitivity(MapReader reader)
    {
        if (reader.Scalar("sensitivity") is not { IsNull: false } scalar)
        {
            return null;
        }

        if (!_sensitivity.ContainsKey(scalar.Value))
        {
            _diagnostics.Report(
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

    /// <summary>
    /// Reads a text that is plain (the default language, for everyone) or a block keyed by language and
    /// audience. Warns once per text about each declared language it lacks.
    /// </summary>
    private (string Text, LocalizedText? Localized) ReadText(MapReader reader, string key)
    {
        var node = reader.Node(key);
        switch (node)
        {
            case null or YamlScalar { IsNull: true }:
                return (string.Empty, null);
            case YamlScalar scalar:
                var plain = LocalizedText.Plain(scalar.Value, DefaultLanguage, scalar.Location);
                WarnMissingLanguages(plain, key, reader.KeyNode(key)!);
                return (scalar.Value, plain);
            case YamlMap map:
                var variants = new Dictionary<(string, string), string>();
                foreach (var (variantKey, value) in map.Entries)
                {
                    ReadVariant(variantKey, value, variants);
                }

                var text = new LocalizedText(variants, DefaultLanguage, map.Location);
                WarnMissingLanguages(text, key, reader.KeyNode(key)!);
                return (text.Default, text);
            default:
                _diagnostics.Report(DiagnosticCatalogue.WrongShape, node.Location, $"`{key}` must be text, or text per language (e.g. `en: ...` and `cy: ...`), but here it is {node.KindName}.");
                return (string.Empty, null);
        }
    }

    private void ReadVariant(YamlScalar key, YamlNode value, Dictionary<(string, string), string> variants)
    {
        if (_languages.Contains(key.Value) && value is YamlScalar { IsNull: false } text)
        {
            variants[(string.Empty, key.Value)] = text.Value;
        }
        else if (_audiences.Contains(key.Value) && value is YamlScalar { IsNull: false } audienceText)
        {
            variants[(key.Value, DefaultLanguage)] = audienceText.Value;
        }
        else if (_audiences.Contains(key.Value) && value is YamlMap perLanguage)
        {
            foreach (var (language, languageText) in perLanguage.Entries)
            {
                if (!_languages.Contains(language.Value))
                {
                    UnknownKey(language, languagesOnly: true);
                }
                else if (languageText is YamlScalar { IsNull: false } scalar)
                {
                    variants[(key.Value, language.Value)] = scalar.Value;
                }
            }
        }
        else if (!_languages.Contains(key.Value) && !_audiences.Contains(key.Value))
        {
            UnknownKey(key, languagesOnly: false);
        }
        else
        {
            _diagnostics.Report(DiagnosticCatalogue.WrongShape, value.Location, $"The `{key.Value}` wording must be text.");
        }
    }

    private void UnknownKey(YamlScalar key, bool languagesOnly)
    {
        var candidates = languagesOnly ? _languages : _languages.Concat(_audiences).ToList();
        _diagnostics.Report(
            DiagnosticCatalogue.UnknownLanguageOrAudience,
            key.Location,
            $"`{key.Value}` is not one of the template's {(languagesOnly ? "languages" : "languages or audiences")} ({string.Join(", ", candidates)}).",
            NameSuggester.DidYouMean(key.Value, candidates) ?? "Declare languages and audiences at the top of the template, e.g. `languages: [en, cy]` and `audiences: [practitioner, child]`.");
    }

    private void WarnMissingLanguages(LocalizedText text, string key, YamlScalar at)
    {
        if (_languages.Count < 2)
        {
            return;
        }

        var missing = _languages.Where(language => !text.HasLanguage(language)).ToList();
        foreach (var audience in text.Variants.Keys.Select(v => v.Audience).Where(a => a.Length > 0).Distinct().Order(StringComparer.Ordinal))
        {
            missing.AddRange(_languages.Where(language => !text.Variants.ContainsKey((audience, language))).Select(language => $"{audience}:{language}"));
        }

        if (missing.Count == 0)
        {
            return;
        }

        var names = missing.Select(m => m.Contains(':', StringComparison.Ordinal) ? $"{LanguageName(m.Split(':')[1])} for {m.Split(':')[0]}" : LanguageName(m));
        _diagnostics.Report(
            DiagnosticCatalogue.MissingTranslation,
            at.Location,
            $"`{key}` has no {string.Join(", ", names)} wording; readers will see the {LanguageNames.GetValueOrDefault(DefaultLanguage, DefaultLanguage)} instead.",
            "Add the missing wording so every language is treated equally.");
    }
}
