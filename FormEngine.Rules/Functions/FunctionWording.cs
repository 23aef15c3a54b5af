using System.Globalization;
using FormEngine.Rules.Checking;

namespace FormEngine.Rules.Functions;

/// <summary>
/// How a call reads on paper forms, in each language of <see cref="RulePhrases"/>. Most functions have a
/// phrase per language whose <c>{0}</c>, <c>{1}</c>... are the arguments already put into words. A few
/// read best as written: <c>round(x, 2)</c> is plainer than any sentence about it.
/// </summary>
internal sealed class FunctionWording
{
    private static readonly Dictionary<string, string> NoPhrases = [];

    // Given the phrase for the reader's language (null when there is none), the call and its arguments in
    // words: the call in words, or null to show it as written.
    private readonly Func<string?, BoundCall, string[], string?> _describe;

    private FunctionWording(IReadOnlyDictionary<string, string> phrases, Func<string?, BoundCall, string[], string?> describe)
    {
        Phrases = phrases;
        _describe = describe;
    }

    /// <summary>Shown as written, in every language.</summary>
    public static FunctionWording AsWritten { get; } = new(NoPhrases, (_, _, _) => null);

    /// <summary>The phrase for each language, keyed by language code; empty when the wording needs no words.</summary>
    public IReadOnlyDictionary<string, string> Phrases { get; }

    /// <summary>A phrase per language over the arguments, e.g. <c>the number of {0}</c>.</summary>
    public static FunctionWording Phrase(string en, string cy) =>
        new(ByLanguage(en, cy), (phrase, _, arguments) => phrase is null ? null : string.Format(CultureInfo.InvariantCulture, phrase, arguments));

    /// <summary>The arguments joined by a phrase per language, for a function that takes any number of them.</summary>
    public static FunctionWording JoinedBy(string en, string cy) =>
        new(ByLanguage(en, cy), (phrase, _, arguments) => phrase is null ? null : string.Join(phrase, arguments));

    /// <summary>Words that need no language of their own, such as a written date; null shows the call as written.</summary>
    public static FunctionWording Own(Func<BoundCall, string?> describe) => new(NoPhrases, (_, call, _) => describe(call));

    /// <summary>The call in words for a reader of <paramref name="language"/>, or null to show it as written.</summary>
    public string? Describe(BoundCall call, string[] arguments, string language) =>
        _describe(Phrases.GetValueOrDefault(language), call, arguments);

    private static Dictionary<string, string> ByLanguage(string en, string cy) => new(StringComparer.Ordinal) { ["en"] = en, ["cy"] = cy };
}
