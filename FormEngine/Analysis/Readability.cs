namespace FormEngine.Analysis;

/// <summary>
/// Estimates how hard a text is to read with the Flesch-Kincaid grade level: the school grade (US) a
/// reader needs, from words per sentence and syllables per word. Syllables are counted by vowel groups,
/// which is rough but steady; it is meant to point authors at long, dense wording, not to judge it exactly.
/// </summary>
public static class Readability
{
    /// <summary>The Flesch-Kincaid grade of <paramref name="text"/> (0 for text with no words).</summary>
    /// <param name="text">English text.</param>
    /// <returns>The grade; around 5 to 7 is plain English for most readers.</returns>
    public static double Grade(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = Words(text);
        if (words.Count == 0)
        {
            return 0;
        }

        var sentences = Math.Max(1, text.Count(c => c is '.' or '!' or '?'));
        var syllables = words.Sum(Syllables);
        var grade = (0.39 * words.Count / sentences) + (11.8 * syllables / words.Count) - 15.59;
        return Math.Round(Math.Max(0, grade), 1);
    }

    private static List<string> Words(string text) =>
        [.. text.Split([' ', '\n', '\r', '\t', ',', ';', ':', '(', ')', '"', '/'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', '!', '?', '\'', '-'))
            .Where(w => w.Any(char.IsLetter))];

    private static int Syllables(string word)
    {
        var lower = word.ToLowerInvariant();
        var count = 0;
        var previousVowel = false;
        foreach (var c in lower)
        {
            var vowel = c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
            if (vowel && !previousVowel)
            {
                count++;
            }

            previousVowel = vowel;
        }

        // A silent final e ("care", "home") does not make a syllable of its own.
        if (lower.EndsWith('e') && !lower.EndsWith("le", StringComparison.Ordinal) && count > 1)
        {
            count--;
        }

        return Math.Max(1, count);
    }
}
