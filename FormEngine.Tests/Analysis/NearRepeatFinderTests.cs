using FormEngine.Analysis;

namespace FormEngine.Tests.Analysis;

/// <summary>
/// The near-repeat search finds exactly the pairs a comparison of every label with every other finds, while
/// doing far less work: a few steps per label at 20,000 questions, where every pair would be 200 million
/// comparisons. Work is counted, not timed.
/// </summary>
public class NearRepeatFinderTests
{
    private static readonly string[] Topics = ["health", "school", "housing", "income", "friends", "safety", "sleep", "food", "speech", "play", "carers", "money"];

    /// <summary>Labels like a large real template's: common words shared by thousands, rarer ones by a handful, a few repeats.</summary>
    private static List<HashSet<string>> Labels(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var topic = Topics[random.Next(Topics.Length)];
            var text = i % 500 == 0
                ? $"How is the child's {topic} at home?"
                : $"Question {i} about the child's {topic} and {Topics[random.Next(Topics.Length)]} since {random.Next(count / 10)}";
            return LabelSimilarity.Words(text);
        })];
    }

    private static List<(int, int, double)> EveryPair(List<HashSet<string>> labels, double threshold)
    {
        var pairs = new List<(int, int, double)>();
        for (var i = 0; i < labels.Count; i++)
        {
            for (var j = i + 1; j < labels.Count; j++)
            {
                var similarity = LabelSimilarity.Of(labels[i], labels[j]);
                if (similarity >= threshold)
                {
                    pairs.Add((i, j, similarity));
                }
            }
        }

        return pairs;
    }

    [TestCase(1, 0.75)]
    [TestCase(2, 0.75)]
    [TestCase(3, 0.5)]
    [TestCase(4, 0.9)]
    [TestCase(5, 0.3)]
    [TestCase(6, 1.0)]
    public void Finds_exactly_the_pairs_every_comparison_finds(int seed, double threshold)
    {
        var labels = Labels(600, seed);
        // Some labels that differ by one word, and some empty ones, among them.
        labels.Add(LabelSimilarity.Words("Does the child have a disability or long-term condition?"));
        labels.Add(LabelSimilarity.Words("Does your child have any disability or long-term illness?"));
        labels.Add([]);
        var found = NearRepeatFinder.Find(labels, threshold, int.MaxValue, out _);
        Assert.That(string.Join("\n", found), Is.EqualTo(string.Join("\n", EveryPair(labels, threshold))));
    }

    [TestCase(20_000)]
    [TestCase(100_000)]
    public void Work_grows_linearly_with_the_number_of_labels(int count)
    {
        var labels = Labels(count, 7);
        NearRepeatFinder.Find(labels, BurdenAnalyzer.NearRepeatThreshold, int.MaxValue, out var work);
        // Every pair would be count * (count - 1) / 2 comparisons: 199,990,000 at 20,000.
        Assert.That(work, Is.LessThan(20L * count));
    }

    [Test]
    public void Many_labels_sharing_most_words_but_not_alike_are_not_compared_in_pairs()
    {
        // "Question 1 about the health of the child", "Question 2 about ...": eight topics, so a topic word alone
        // is shared by thousands of labels, none alike enough.
        var labels = Enumerable.Range(0, 20_000).Select(i => LabelSimilarity.Words($"Question {i} about the {Topics[i % 8]} of the child")).ToList();
        var found = NearRepeatFinder.Find(labels, BurdenAnalyzer.NearRepeatThreshold, int.MaxValue, out var work);
        Assert.That(found, Is.Empty);
        Assert.That(work, Is.LessThan(20L * labels.Count));
    }

    [Test]
    public void Labels_that_are_all_the_same_stop_at_the_limit()
    {
        var labels = Enumerable.Range(0, 20_000).Select(_ => LabelSimilarity.Words("Name")).ToList();
        var found = NearRepeatFinder.Find(labels, BurdenAnalyzer.NearRepeatThreshold, BurdenAnalyzer.MaxNearRepeats, out var work);
        Assert.That(found, Has.Count.EqualTo(BurdenAnalyzer.MaxNearRepeats));
        Assert.That(work, Is.LessThan(3L * BurdenAnalyzer.MaxNearRepeats));
    }
}
