namespace FormEngine.Tests.Loading;

/// <summary>
/// Each file in <c>Templates/Broken</c> is a template with mistakes. Its first lines say exactly which
/// diagnostics it must produce, one per line: <c># expect: CODE LINE:COL</c>. Nothing else may be reported.
/// A <c># says: TEXT</c> line pins the wording: some diagnostic's message, followed by its suggestion, must
/// contain TEXT. Files in subfolders are parts that the broken templates include.
/// </summary>
public class BrokenTemplateTests
{
    private static string Folder => Path.Combine(TestContext.CurrentContext.TestDirectory, "Templates", "Broken");

    [TestCaseSource(nameof(Files))]
    public void Broken_template_reports_exactly_the_expected_diagnostics(string name)
    {
        var path = Path.Combine(Folder, name);
        var header = File.ReadLines(path).TakeWhile(line => line.StartsWith('#')).ToList();
        var expected = header
            .Where(line => line.StartsWith("# expect: ", StringComparison.Ordinal))
            .Select(line => line["# expect: ".Length..].Trim())
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.That(expected, Is.Not.Empty, "a broken template must say what it expects");

        var result = FormTemplate.Load(path);
        var actual = result.Diagnostics.Select(d => $"{d.Code} {d.Line}:{d.Column}").Order(StringComparer.Ordinal).ToList();

        Assert.That(result.Success, Is.False);
        Assert.That(actual, Is.EqualTo(expected), string.Join(Environment.NewLine, result.Diagnostics));
        Assert.That(result.Diagnostics.All(d => d.Message.Length > 10), "every diagnostic says something an author can act on");
        var said = result.Diagnostics.Select(d => $"{d.Message} {d.Suggestion}").ToList();
        foreach (var wording in header.Where(line => line.StartsWith("# says: ", StringComparison.Ordinal)).Select(line => line["# says: ".Length..].Trim()))
        {
            Assert.That(said, Has.Some.Contains(wording), string.Join(Environment.NewLine, result.Diagnostics));
        }
    }

    private static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Templates", "Broken"), "*.yaml")
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)!;
}
