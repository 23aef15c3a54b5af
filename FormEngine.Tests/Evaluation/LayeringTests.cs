using System.Text.RegularExpressions;

namespace FormEngine.Tests.Evaluation;

/// <summary>
/// Data flows one way: evaluation works out answers, visibility and errors; views choose the words a reader sees.
/// Nothing in FormEngine/Evaluation may use FormEngine.Views (a limit error carries the limit, not a sentence).
/// </summary>
public sealed partial class LayeringTests
{
    [Test]
    public void Evaluation_does_not_depend_on_views()
    {
        var folder = Path.Combine(TestTemplates.RepoRootForSources, "FormEngine", "Evaluation");
        var files = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories);
        Assert.That(files, Is.Not.Empty);

        var uses = files.SelectMany(file => File.ReadAllLines(file).Select((line, i) => (file, line, i)))
            .Where(x => !x.line.TrimStart().StartsWith("//", StringComparison.Ordinal) && ViewsReference().IsMatch(x.line))
            .Select(x => $"{Path.GetFileName(x.file)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();

        Assert.That(uses, Is.Empty);
    }

    [GeneratedRegex(@"\bFormEngine\.Views\b|\bViews\.\w|\b(Wording|AnswerFormatter|FormView|QuestionView|FormViewBuilder)\b")]
    private static partial Regex ViewsReference();
}
