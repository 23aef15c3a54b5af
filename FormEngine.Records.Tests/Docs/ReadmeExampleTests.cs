using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FormEngine.Records.Sqlite;
using Microsoft.Data.Sqlite;

namespace FormEngine.Records.Tests.Docs;

/// <summary>The package README's example is this test's code, line for line, and it runs.</summary>
public sealed partial class ReadmeExampleTests
{
    [Test]
    public async Task The_readme_example_stores_and_reads_a_record()
    {
        var folder = Directory.CreateTempSubdirectory("formengine-readme-").FullName;
        var previous = Directory.GetCurrentDirectory();
        var output = new StringWriter();
        var console = Console.Out;
        Directory.SetCurrentDirectory(folder);
        Console.SetOut(output);
        try
        {
            // README:start
            await using var store = await SqliteRecordStore.OpenAsync("records.db");
            var template = new TemplateRef("single_assessment", "3", "sha256:5f1c");
            var record = await store.CreateRecordAsync(new NewRecord("CIN-2026-0042", "assessment", template, "sam.worker"));

            var answers = JsonNode.Parse("""{"child": {"dob": "2017-03-02"}}""")!.AsObject();
            var saved = await store.SaveAsync(new SaveRequest(record.RecordId, 0, answers, "sam.worker"));
            foreach (var conflict in saved.Conflicts)
            {
                Console.WriteLine($"{conflict.Path}: now {conflict.CurrentJson}, yours {conflict.SavingJson}");
            }

            var current = await store.GetCurrentAsync(record.RecordId);
            Console.WriteLine($"revision {current.Revision}: {current.Answers.ToJsonString()}");
            // README:end
        }
        finally
        {
            Console.SetOut(console);
            Directory.SetCurrentDirectory(previous);
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }

        Assert.That(output.ToString().Trim(), Is.EqualTo("""revision 1: {"child":{"dob":"2017-03-02"}}"""));
    }

    [Test]
    public void The_readme_example_is_the_code_this_test_runs_and_under_20_lines()
    {
        var root = FindRepoRoot();
        var readme = File.ReadAllText(Path.Combine(root, "FormEngine.Records", "README.md"));
        var block = CSharpBlock().Match(readme).Groups[1].Value.ReplaceLineEndings("\n");
        var code = string.Join("\n", block.Split('\n').Where(l => !l.StartsWith("using ", StringComparison.Ordinal))).Trim();

        var source = File.ReadAllText(Path.Combine(root, "FormEngine.Records.Tests", "Docs", "ReadmeExampleTests.cs")).ReplaceLineEndings("\n");
        var start = source.IndexOf("// README:start\n", StringComparison.Ordinal) + "// README:start\n".Length;
        var end = source.IndexOf("            // README:end", start, StringComparison.Ordinal);
        var tested = string.Join("\n", source[start..end].Split('\n').Select(l => l.Length >= 12 ? l[12..] : l.TrimStart())).Trim();

        Assert.That(code, Is.EqualTo(tested));
        Assert.That(block.Trim().Split('\n'), Has.Length.LessThan(20));
    }

    private static string FindRepoRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "FormEngine.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("FormEngine.sln not found above the test's folder.");
    }

    [GeneratedRegex("```csharp\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
