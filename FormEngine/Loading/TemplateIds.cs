using System.Text.RegularExpressions;

namespace FormEngine.Loading;

/// <summary>The shape of every id in a template: lower_snake_case, starting with a letter.</summary>
internal static partial class TemplateIds
{
    public static bool IsValid(string id) => IdPattern().IsMatch(id);

    /// <summary>A valid id that looks like what the author typed, for the suggestion.</summary>
    public static string Suggest(string id)
    {
        var cleaned = NonIdCharacters().Replace(id.Trim().ToLowerInvariant(), "_").Trim('_');
        if (cleaned.Length == 0 || !char.IsAsciiLetterLower(cleaned[0]))
        {
            cleaned = "q_" + cleaned;
        }

        return cleaned;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("[^a-z0-9_]+", RegexOptions.CultureInvariant)]
    private static partial Regex NonIdCharacters();
}
