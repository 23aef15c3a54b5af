namespace FormEngine.Templates;

/// <summary>
/// The names of the languages templates are written in, in one table: in English (for template authors'
/// messages) and in the language itself (for readers choosing one).
/// </summary>
public static class LanguageNames
{
    private static readonly Dictionary<string, (string English, string Own)> Names = new(StringComparer.Ordinal)
    {
        ["en"] = ("English", "English"),
        ["cy"] = ("Welsh", "Cymraeg"),
        ["ga"] = ("Irish", "Gaeilge"),
        ["gd"] = ("Scottish Gaelic", "Gàidhlig"),
        ["pl"] = ("Polish", "Polski"),
        ["ur"] = ("Urdu", "اردو"),
        ["pa"] = ("Punjabi", "ਪੰਜਾਬੀ"),
        ["ar"] = ("Arabic", "العربية"),
    };

    /// <summary>The language's name in English ("Welsh"), or null for a code not in the table.</summary>
    /// <param name="code">The language code, e.g. <c>cy</c>.</param>
    /// <returns>The name, or null.</returns>
    public static string? English(string code) => Names.TryGetValue(code, out var names) ? names.English : null;

    /// <summary>The language's name in itself ("Cymraeg"), or null for a code not in the table.</summary>
    /// <param name="code">The language code, e.g. <c>cy</c>.</param>
    /// <returns>The name, or null.</returns>
    public static string? Own(string code) => Names.TryGetValue(code, out var names) ? names.Own : null;

    /// <summary>For a reader choosing a language: its own name, with the English name after it where they differ ("Cymraeg (Welsh)"); the code for one not in the table.</summary>
    /// <param name="code">The language code.</param>
    /// <returns>The name.</returns>
    public static string ForChoosing(string code) => Names.TryGetValue(code, out var names)
        ? names.Own == names.English ? names.Own : $"{names.Own} ({names.English})"
        : code;
}
