namespace FormEngine.Analysis;

/// <summary>
/// Finds the pairs of labels whose word sets are at least <see cref="BurdenAnalyzer.NearRepeatThreshold"/>
/// alike without comparing every label with every other (which takes minutes at 20,000 questions). Two word
/// sets that alike must share one of their rarest words, early enough in each (rarest first) that the words
/// left after it could still make up the overlap needed; labels of very different lengths cannot be alike.
/// Only pairs that pass those tests are compared in full. This is the prefix and position filtering of the
/// "PPJoin" similarity join: the pairs found are exactly those a full comparison finds, and for real labels
/// the work grows about linearly with their number.
/// </summary>
internal static class NearRepeatFinder
{
    // Ceilings of products that are whole numbers in exact arithmetic must not round up past them.
    private const double Epsilon = 1e-9;

    /// <summary>The pairs (first index lower) at or above the threshold, in index order, at most <paramref name="limit"/> of them.</summary>
    /// <param name="labels">Each label's words (<see cref="LabelSimilarity.Words"/>).</param>
    /// <param name="threshold">The similarity a pair needs, above 0 and at most 1.</param>
    /// <param name="limit">The most pairs to find; a template whose labels are all the same would otherwise list every pair.</param>
    /// <param name="work">Index entries visited plus pairs compared in full: the work done, for tests.</param>
    public static List<(int First, int Second, double Similarity)> Find(IReadOnlyList<HashSet<string>> labels, double threshold, int limit, out long work)
    {
        work = 0;
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in labels.SelectMany(l => l))
        {
            frequency[word] = frequency.GetValueOrDefault(word) + 1;
        }

        // Rarest first, ties in ordinal order, so every label orders shared words the same way.
        var ordered = labels.Select(l => l.OrderBy(w => frequency[w]).ThenBy(w => w, StringComparer.Ordinal).ToArray()).ToArray();
        var bySize = Enumerable.Range(0, labels.Count).Where(i => labels[i].Count > 0).OrderBy(i => labels[i].Count).ThenBy(i => i).ToArray();
        var index = new Dictionary<string, List<(int Label, int Position)>>(StringComparer.Ordinal);
        var found = new List<(int, int, double)>();
        var overlap = new Dictionary<int, int>();
        const int Pruned = int.MinValue;
        foreach (var x in bySize)
        {
            var size = ordered[x].Length;
            overlap.Clear();
            for (var i = 0; i < ProbePrefix(size, threshold); i++)
            {
                if (!index.TryGetValue(ordered[x][i], out var entries))
                {
                    continue;
                }

                foreach (var (y, j) in entries)
                {
                    work++;
                    var other = ordered[y].Length;
                    // Labels come in order of size, so y is no larger; too small a y cannot reach the threshold.
                    if (other < threshold * size - Epsilon || overlap.GetValueOrDefault(y) == Pruned)
                    {
                        continue;
                    }

                    // The words after this shared one, in both labels, bound how much more they can share.
                    var needed = (int)Math.Ceiling((threshold / (1 + threshold) * (size + other)) - Epsilon);
                    var possible = 1 + Math.Min(size - i - 1, other - j - 1);
                    overlap[y] = overlap.GetValueOrDefault(y) + possible >= needed ? overlap.GetValueOrDefault(y) + 1 : Pruned;
                }
            }

            foreach (var (y, shared) in overlap)
            {
                if (shared <= 0)
                {
                    continue;
                }

                work++;
                var similarity = LabelSimilarity.Of(labels[x], labels[y]);
                if (similarity >= threshold)
                {
                    found.Add((Math.Min(x, y), Math.Max(x, y), similarity));
                    if (found.Count >= limit)
                    {
                        return Sorted(found);
                    }
                }
            }

            // Labels processed later are no smaller, so a shorter prefix of this one is enough to be found by them.
            for (var i = 0; i < IndexPrefix(size, threshold); i++)
            {
                if (!index.TryGetValue(ordered[x][i], out var list))
                {
                    index[ordered[x][i]] = list = [];
                }

                list.Add((x, i));
            }
        }

        return Sorted(found);
    }

    /// <summary>How many of a label's rarest words another label at the threshold must share at least one of.</summary>
    private static int ProbePrefix(int size, double threshold) => size - (int)Math.Ceiling((threshold * size) - Epsilon) + 1;

    /// <summary>How many of them need indexing when every later label is at least as long.</summary>
    private static int IndexPrefix(int size, double threshold) => size - (int)Math.Ceiling((2 * threshold / (1 + threshold) * size) - Epsilon) + 1;

    private static List<(int, int, double)> Sorted(List<(int First, int Second, double Similarity)> pairs) =>
        [.. pairs.OrderBy(p => p.First).ThenBy(p => p.Second)];
}
