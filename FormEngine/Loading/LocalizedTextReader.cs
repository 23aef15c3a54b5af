using FormEngine.Diagnostics;
using FormEngine.Templates;
using FormEngine.Yaml;

namespace FormEngine.Loading;

/// <summary>
/// Reads texts (labels, hints, titles, messages) that are plain, in the default language and for everyone,
/// or written per language and audience, warning once per text about each declared language it lacks.
/// </summary>
internal sealed class LocalizedTextReader(Declarations declarations, DiagnosticBag diagnostics)
{
    private IReadOnlyList<string> Languages => declarations.Languages;

    private IReadOnlyList<string> Audiences => declarations.Audiences;

    private string DefaultLanguage => declarations.DefaultLanguage;

    /// <summary>The part of the template being read, named in summaries of missing translations.</summary>
    private string _part = "the top of the template";

    /// <summary>Names the part of the template read until the result is disposed, when the previous name returns.</summary>
    public IDisposable Within(string part)
    {
        var previous = _part;
        _part = part;
        return new Restore(() => _part = previous);
    }

    /// <summary>
    /// The text under <paramref name="key"/>: its default wording (empty when there is none) and every
    /// wording, or null when the key is absent or not a text.
    /// </summary>
    public (string Text, LocalizedText? Localized) Read(MapReader reader, string key)
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
                diagnostics.Report(DiagnosticCatalogue.WrongShape, node.Location, $"`{key}` must be text, or text per language (e.g. `en: ...` and `cy: ...`), but here it is {node.KindName}.");
                return (string.Empty, null);
        }
    }

    private static string LanguageName(string code) => LanguageNames.English(code) is { } name ? $"{name} ({code})" : $"`{code}`";

    private void ReadVariant(YamlScalar key, YamlNode value, Dictionary<(string, string), string> variants)
    {
        if (Languages.Contains(key.Value) && value is YamlScalar { IsNull: false } text)
        {
            variants[(string.Empty, key.Value)] = text.Value;
        }
        else if (Audiences.Contains(key.Value) && value is YamlScalar { IsNull: false } audienceText)
        {
            variants[(key.Value, DefaultLanguage)] = audienceText.Value;
        }
        else if (Audiences.Contains(key.Value) && value is YamlMap perLanguage)
        {
            foreach (var (language, languageText) in perLanguage.Entries)
            {
                if (!Languages.Contains(language.Value))
                {
                    UnknownKey(language, languagesOnly: true);
                }
                else if (languageText is YamlScalar { IsNull: false } scalar)
                {
                    variants[(key.Value, language.Value)] = scalar.Value;
                }
            }
        }
        else if (!Languages.Contains(key.Value) && !Audiences.Contains(key.Value))
        {
            UnknownKey(key, languagesOnly: false);
        }
        else
        {
            diagnostics.Report(DiagnosticCatalogue.WrongShape, value.Location, $"The `{key.Value}` wording must be text.");
        }
    }

    private void UnknownKey(YamlScalar key, bool languagesOnly)
    {
        var candidates = languagesOnly ? Languages : Languages.Concat(Audiences).ToList();
        diagnostics.Report(
            DiagnosticCatalogue.UnknownLanguageOrAudience,
            key.Location,
            $"`{key.Value}` is not one of the template's {(languagesOnly ? "languages" : "languages or audiences")} ({string.Join(", ", candidates)}).",
            NameSuggester.DidYouMean(key.Value, candidates) ?? "Declare languages and audiences at the top of the template, e.g. `languages: [en, cy]` and `audiences: [practitioner, child]`.");
    }

    private void WarnMissingLanguages(LocalizedText text, string key, YamlScalar at)
    {
        if (Languages.Count < 2)
        {
            return;
        }

        var missing = Languages.Where(language => !text.HasLanguage(language)).ToList();
        foreach (var audience in text.Variants.Keys.Select(v => v.Audience).Where(a => a.Length > 0).Distinct().Order(StringComparer.Ordinal))
        {
            missing.AddRange(Languages.Where(language => !text.Variants.ContainsKey((audience, language))).Select(language => $"{audience}:{language}"));
        }

        if (missing.Count == 0)
        {
            return;
        }

        var names = missing.Select(m => m.Contains(':', StringComparison.Ordinal) ? $"{LanguageName(m.Split(':')[1])} for {m.Split(':')[0]}" : LanguageName(m));
        var instead = $"readers will see the {LanguageNames.English(DefaultLanguage) ?? DefaultLanguage} instead";
        var message = $"`{key}` has no {string.Join(", ", names)} wording; {instead}.";
        // Grouped by the languages lacking, audiences aside: "no Welsh wording" whether for everyone or for a child.
        var languages = missing.Select(m => m.Contains(':', StringComparison.Ordinal) ? m.Split(':')[1] : m).Distinct().Select(LanguageName);
        diagnostics.Add(DiagnosticCatalogue.MissingTranslation.At(at.Location, message, "Add the missing wording so every language is treated equally.") with
        {
            Group = new DiagnosticGroup(_part, $"no {string.Join(" or ", languages)} wording", instead),
        });
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
