using FormEngine.Diagnostics;

namespace FormEngine.Templates;

/// <summary>
/// A text written in one or more languages, optionally with other wording for some audiences (a
/// child-friendly question, say). In YAML it is either plain text, in the template's default language
/// for everyone, or a block keyed by language and audience:
/// <code>
/// label:
///   en: Does the child have a disability?
///   cy: Oes gan y plentyn anabledd?
///   child:
///     en: Do you have a disability?
///     cy: Oes gennych chi anabledd?
/// </code>
/// </summary>
public sealed class LocalizedText
{
    private readonly Dictionary<(string Audience, string Language), string> _variants;

    /// <summary>Creates a text from its variants; the audience is empty for the wording everyone gets.</summary>
    /// <param name="variants">The variants.</param>
    /// <param name="defaultLanguage">The language plain text is in.</param>
    /// <param name="location">Where the text is written.</param>
    public LocalizedText(IReadOnlyDictionary<(string Audience, string Language), string> variants, string defaultLanguage, SourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(variants);
        _variants = new(variants);
        DefaultLanguage = defaultLanguage;
        Location = location;
    }

    /// <summary>The language plain text is in.</summary>
    public string DefaultLanguage { get; }

    /// <summary>Where the text is written.</summary>
    public SourceLocation Location { get; }

    /// <summary>Every variant: (audience, language) to text; the audience is empty for the wording everyone gets.</summary>
    public IReadOnlyDictionary<(string Audience, string Language), string> Variants => _variants;

    /// <summary>The wording everyone gets, in the default language (empty if there is none).</summary>
    public string Default => Resolve(null, DefaultLanguage);

    /// <summary>A text in the default language only.</summary>
    /// <param name="text">The text.</param>
    /// <param name="language">The default language.</param>
    /// <param name="location">Where it is written.</param>
    /// <returns>The text.</returns>
    public static LocalizedText Plain(string text, string language = "en", SourceLocation location = default) =>
        new(new Dictionary<(string, string), string> { [(string.Empty, language)] = text }, language, location);

    /// <summary>
    /// The text for an audience in a language. Falls back, in order, to: the audience's wording in the
    /// language; everyone's wording in the language; the audience's wording in the default language;
    /// everyone's wording in the default language. A reader who asked for Welsh therefore gets Welsh
    /// wherever the template has it, before any other audience's English.
    /// </summary>
    /// <param name="audience">The audience, or null for everyone's wording.</param>
    /// <param name="language">The language wanted.</param>
    /// <returns>The text, or empty if the template has none.</returns>
    public string Resolve(string? audience, string language)
    {
        var who = audience ?? string.Empty;
        if (_variants.TryGetValue((who, language), out var text) || _variants.TryGetValue((string.Empty, language), out text)
            || _variants.TryGetValue((who, DefaultLanguage), out text) || _variants.TryGetValue((string.Empty, DefaultLanguage), out text))
        {
            return text;
        }

        return _variants.Values.FirstOrDefault() ?? string.Empty;
    }

    /// <summary>True when the text has wording in <paramref name="language"/> for everyone.</summary>
    /// <param name="language">A language code.</param>
    /// <returns>Whether a translation exists.</returns>
    public bool HasLanguage(string language) => _variants.ContainsKey((string.Empty, language));

    /// <inheritdoc/>
    public override string ToString() => Default;
}
