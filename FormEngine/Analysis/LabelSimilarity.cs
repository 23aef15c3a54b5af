namespace FormEngine.Analysis;

/// <summary>
/// How alike two question labels are, from 0 (nothing shared) to 1 (the same words): the overlap of
/// their word sets, ignoring case, punctuation and small words, so "Does the child have a disability?"
/// and "Does your child have any disability?" come out close.
/// </summary>
public static class LabelSimilarity
{
    private static readonly HashSet<string> SmallWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "is", "are", "does", "do", "any", "your", "their", "this", "that", "with", "be", "has", "have",
    };

    /// <summary>The similarity of two labels.</summary>
    /// <param name="a">One label.</param>
    /// <param name="b">The other.</param>
    /// <returns>A number from 0 to 1.</returns>
    public static double Of(string a, string b) => Of(Words(a), Words(b));

    /// <summary>The similarity of two labels already split into words with <see cref="Words"/>.</summary>
    internal static double Of(HashSet<string> left, HashSet<string> right)
    {
        if (left.Count == 0 || right.Count == 0)
        {
            return 0;
        }

        var shared = left.Count(right.Contains);
        return (double)shared / (left.Count + right.Count - shared);
    }

    /// <summary>A label's words, without case, punctuation or small words.</summary>
    internal static HashSet<string> Words(string text) =>
        [.. text.ToLowerInvariant()
            .Split([' ', '\n', '\t', ',', '.', '?', '!', ';', ':', '(', ')', '\'', '"', '/', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !SmallWords.Contains(w))];
}
