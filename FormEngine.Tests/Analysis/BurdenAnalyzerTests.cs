using System.Text.Json.Nodes;
using FormEngine.Analysis;
using FormEngine.Cli;

namespace FormEngine.Tests.Analysis;

public class BurdenAnalyzerTests
{
    private const string Template = """
        id: burden
        choices:
          yes_no: [yes, no]
        sections:
          - id: child
            questions:
              - { id: name, type: text, label: Child's name, required: true }
              - { id: disabled, type: choice, choices: yes_no, label: Does the child have a disability? }
              - { id: disability_details, type: textarea, label: Tell us about the disability, show_if: "child.disabled = 'yes'" }
              - { id: never, type: text, label: Never asked, show_if: 1 > 2 }
              - { id: disability_again, type: choice, choices: yes_no, label: Does your child have any disability? }
          - id: archive
            show_if: false
            questions:
              - { id: old, type: text, label: Old question }
        """;

    private static BurdenReport Analyze(params string[] answers) =>
        BurdenAnalyzer.Analyze(
            TestTemplates.Load(Template),
            answers.Select((a, i) => ($"case{i + 1}", JsonNode.Parse(a)!.AsObject())),
            TestTemplates.Today);

    [Test]
    public void Counts_what_each_case_is_shown_required_and_answered()
    {
        var report = Analyze("""{"child": {"name": "A", "disabled": "yes"}}""", """{"child": {"disabled": "no"}}""");
        Assert.That(report.Questions, Is.EqualTo(6));
        Assert.That(report.Cases.Select(c => (c.Shown, c.Required, c.Answered)), Is.EqualTo(new[] { (4, 1, 2), (3, 1, 1) }));
        Assert.That(report.Cases[0].EstimatedMinutes, Is.GreaterThan(report.Cases[1].EstimatedMinutes));
    }

    [Test]
    public void Finds_questions_never_reached_never_shown_and_shown_to_everyone()
    {
        var report = Analyze("""{"child": {"disabled": "no"}}""", """{"child": {"disabled": "no"}}""");
        Assert.That(report.NeverReached.Select(n => n.Path), Is.EqualTo(new[] { "child.disability_details", "child.never", "archive.old" }));
        Assert.That(report.NeverShown.Select(n => n.Path), Is.EqualTo(new[] { "child.never", "archive.old" }));
        Assert.That(report.ShownToEveryCase.Select(n => n.Path), Is.EqualTo(new[] { "child.name", "child.disabled", "child.disability_again" }));
    }

    [Test]
    public void Finds_labels_that_nearly_repeat_each_other()
    {
        var repeat = Analyze().NearRepeats.Single();
        Assert.That((repeat.First.Path, repeat.Second.Path), Is.EqualTo(("child.disabled", "child.disability_again")));
    }

    [Test]
    public void Childrens_wording_is_held_to_a_lower_reading_grade()
    {
        var template = TestTemplates.Load("""
            id: t
            audiences: [practitioner, child]
            sections:
              - id: s
                questions:
                  - id: q
                    type: text
                    label:
                      en: Describe the circumstances in which you experience significant emotional dysregulation.
                      child: Describe the circumstances in which you experience significant emotional dysregulation.
                  - id: plain
                    type: text
                    label: { en: What makes you happy at home?, child: What makes you happy at home? }
            """);
        var hard = BurdenAnalyzer.Analyze(template, [], TestTemplates.Today).HardTexts.Single();
        Assert.That((hard.Path, hard.Audience), Is.EqualTo(("s.q", "child")), "graded once, at the strictest level of the audiences that read it");
    }

    [Test]
    public void Plain_words_grade_lower_than_dense_ones()
    {
        Assert.That(Readability.Grade("Do you feel safe at home with your mum and dad?"), Is.LessThan(5));
        Assert.That(Readability.Grade("Significant events, separations, bereavements and previous involvement with statutory organisations."), Is.GreaterThan(12));
    }

    [Test]
    public void Analyze_command_prints_a_table_and_json()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"formengine-analyze-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "t.yaml"), Template);
            File.WriteAllText(Path.Combine(folder, "a.json"), """{"child": {"disabled": "yes"}}""");
            var table = new StringWriter();
            Assert.That(CommandLine.Run(["analyze", Path.Combine(folder, "t.yaml"), "--answers", Path.Combine(folder, "a.json"), "--today", "2026-11-26"], table, new StringWriter()), Is.EqualTo(0));
            Assert.That(table.ToString(), Does.Contain("Case   Shown  Required  Answered  Minutes").And.Match(@"\na\s+4\s+1\s+1\s"));

            var json = new StringWriter();
            Assert.That(CommandLine.Run(["analyze", Path.Combine(folder, "t.yaml"), "--json"], json, new StringWriter()), Is.EqualTo(0));
            var parsed = JsonNode.Parse(json.ToString())!;
            Assert.That(parsed["questions"]!.GetValue<int>(), Is.EqualTo(6));
            Assert.That(parsed["never_shown"]!.AsArray().Count, Is.EqualTo(2));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
