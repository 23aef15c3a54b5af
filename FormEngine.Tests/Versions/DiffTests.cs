using System.Text.Json.Nodes;
using FormEngine.Cli;
using FormEngine.Versions;

namespace FormEngine.Tests.Versions;

/// <summary>What changed between two versions, and what it does to stored answers.</summary>
public class DiffTests
{
    private const string Version1 = """
        id: visit
        version: 1
        title: Home visit
        languages: [en, cy]
        choices:
          sources: [gp, hv, school, police]
        sections:
          - id: child
            title: { en: The child, cy: Y plentyn }
            questions:
              - { id: fullname, type: text, label: { en: Full name, cy: Enw llawn } }
              - { id: nickname, type: text, label: { en: Nickname, cy: Llysenw } }
              - { id: age, type: number, label: { en: Age, cy: Oed } }
              - { id: source, type: choice, choices: sources, label: { en: Source, cy: Ffynhonnell } }
              - { id: gp, type: text, label: { en: GP, cy: Meddyg teulu } }
          - id: health
            title: { en: Health, cy: Iechyd }
            questions:
              - { id: notes, type: textarea, label: { en: Notes, cy: Nodiadau } }
        """;

    private const string Version2 = """
        id: visit
        version: 2
        title: Home visit
        languages: [en, cy]
        choices:
          sources: [health, school, police, other]
        sections:
          - id: child
            title: { en: The child, cy: Y plentyn }
            questions:
              - { id: name, type: text, label: { en: Child's name, cy: Enw llawn } }
              - { id: age, type: text, label: { en: Age, cy: Oed } }
              - { id: source, type: choice, choices: sources, label: { en: Source, cy: Ffynhonnell } }
          - id: health
            title: { en: Health, cy: Iechyd }
            questions:
              - { id: notes, type: textarea, required: true, label: { en: Notes, cy: Nodiadau } }
              - { id: gp, type: text, label: { en: GP, cy: Meddyg teulu } }
        """;

    private const string Steps = """
        migrations:
          - from: 1
            steps:
              - rename: { from: child.fullname, to: child.name }
              - drop: { path: child.nickname }
              - map_choices: { path: child.source, values: { gp: health, hv: health } }
              - rename: { from: child.gp, to: health.gp }
              - set: { path: child.age, value: "if(child.age < 5, 'under five', 'five or over')" }

        """;

    private static FormTemplate Load(string yaml) => FormTemplate.LoadFromText(yaml, "visit.yaml").GetTemplateOrThrow();

    private static string WithSteps(string yaml) => yaml.Replace("choices:\n", Steps + "choices:\n", StringComparison.Ordinal);

    [Test]
    public void Without_migration_steps_every_change_that_loses_answers_is_breaking()
    {
        var diff = TemplateDiff.Between(Load(Version1), Load(Version2));
        Assert.That(diff.Changes.Select(c => $"{TemplateDiffWriter.Name(c.Impact)} {c.Kind} {c.Path}"), Is.EqualTo(new[]
        {
            "breaking removed child.fullname",
            "breaking removed child.nickname",
            "breaking type_changed child.age",
            "safe choices_added child.source",
            "breaking choices_removed child.source",
            "breaking moved child.gp",
            "safe required_changed health.notes",
            "safe added child.name",
        }));
        Assert.That(diff.Verdict, Is.EqualTo(ChangeImpact.Breaking));
    }

    [Test]
    public void Declared_steps_make_those_changes_migrations_and_a_rename_reports_what_else_changed()
    {
        var diff = TemplateDiff.Between(Load(Version1), Load(WithSteps(Version2)));
        Assert.That(diff.Changes.Select(c => $"{TemplateDiffWriter.Name(c.Impact)} {c.Kind} {c.Path}"), Is.EqualTo(new[]
        {
            "migration renamed child.fullname",
            "safe text_changed child.name",
            "safe translation_stale child.name",
            "migration removed child.nickname",
            "migration type_changed child.age",
            "safe choices_added child.source",
            "migration choices_removed child.source",
            "migration moved child.gp",
            "safe required_changed health.notes",
        }));
        Assert.That(diff.Verdict, Is.EqualTo(ChangeImpact.Migration));
        Assert.That(diff.Changes.Single(c => c.Kind == "translation_stale").Detail, Is.EqualTo("The label of `child.name` changed in en but its cy wording did not: \"Enw llawn\" may no longer say the same."));
    }

    [Test]
    public void A_template_compared_with_itself_has_no_changes()
    {
        var diff = TemplateDiff.Between(Load(Version1), Load(Version1));
        Assert.That(diff.Changes, Is.Empty);
        Assert.That(diff.Verdict, Is.EqualTo(ChangeImpact.Safe));
    }

    [Test]
    public void The_command_line_prints_json_counts_records_and_exits_by_verdict()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"formengine-diff-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(folder, "answers"));
        try
        {
            File.WriteAllText(Path.Combine(folder, "v1.yaml"), Version1);
            File.WriteAllText(Path.Combine(folder, "v2.yaml"), Version2);
            File.WriteAllText(Path.Combine(folder, "v2-steps.yaml"), WithSteps(Version2));
            File.WriteAllText(Path.Combine(folder, "broken.yaml"), "id: visit\nsections: 3\n");
            File.WriteAllText(Path.Combine(folder, "answers", "a.json"), """{"child":{"nickname":"Nana"}}""");
            File.WriteAllText(Path.Combine(folder, "answers", "b.json"), """{"$template":{"id":"visit","version":1},"child":{"nickname":"Bo","fullname":"Bo Li"}}""");
            File.WriteAllText(Path.Combine(folder, "answers", "c.json"), """{"$template":{"id":"visit","version":2},"child":{"nickname":"Not counted"}}""");

            var (code, stdout, _) = Run("diff", Path.Combine(folder, "v1.yaml"), Path.Combine(folder, "v2-steps.yaml"), "--answers-dir", Path.Combine(folder, "answers"), "--json");
            Assert.That(code, Is.EqualTo(0));
            var json = JsonNode.Parse(stdout)!.AsObject();
            Assert.That(json.Select(p => p.Key), Is.EqualTo(new[] { "old", "new", "changes", "verdict" }));
            Assert.That(json["old"]!.ToJsonString(), Is.EqualTo("""{"id":"visit","version":1}"""));
            Assert.That(json["verdict"]!.GetValue<string>(), Is.EqualTo("migration"));
            var nickname = json["changes"]!.AsArray().Single(c => c!["path"]!.GetValue<string>() == "child.nickname")!.AsObject();
            Assert.That(nickname.Select(p => p.Key), Is.EqualTo(new[] { "path", "kind", "detail", "impact", "affected" }));
            Assert.That(nickname["affected"]!.GetValue<int>(), Is.EqualTo(2));

            var text = Run("diff", Path.Combine(folder, "v1.yaml"), Path.Combine(folder, "v2.yaml"), "--answers-dir", Path.Combine(folder, "answers"));
            Assert.That(text.Code, Is.EqualTo(2));
            Assert.That(text.Stdout, Does.Contain("2 records have answers to `child.nickname`.").And.Contain("Verdict: breaking."));
            Assert.That(Run("diff", Path.Combine(folder, "v1.yaml"), Path.Combine(folder, "v1.yaml"), "--json").Stdout, Does.Contain("\"changes\": []").And.Contain("\"affected\"").Or.Contain("\"verdict\": \"safe\""));
            Assert.That(Run("diff", Path.Combine(folder, "v1.yaml"), Path.Combine(folder, "broken.yaml")).Code, Is.EqualTo(1));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Publishing_a_breaking_change_is_refused_and_the_same_change_with_steps_is_published()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"formengine-diff-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(folder, "catalogue"));
        try
        {
            File.WriteAllText(Path.Combine(folder, "v1.yaml"), Version1);
            File.WriteAllText(Path.Combine(folder, "v2.yaml"), Version2);
            File.WriteAllText(Path.Combine(folder, "v2-steps.yaml"), WithSteps(Version2));
            var catalogue = new TemplateCatalogue(Path.Combine(folder, "catalogue"));
            Assert.That(catalogue.Publish(Path.Combine(folder, "v1.yaml"), new DateOnly(2026, 1, 1)).Outcome, Is.EqualTo(PublishOutcome.Published));

            var refused = catalogue.Publish(Path.Combine(folder, "v2.yaml"), new DateOnly(2026, 2, 1));
            Assert.That(refused.Outcome, Is.EqualTo(PublishOutcome.Refused));
            Assert.That(refused.Diagnostics.Where(d => d.IsError).Select(d => d.Code), Has.All.EqualTo("FET0027"));
            Assert.That(refused.Diagnostics.Where(d => d.IsError).Select(d => d.Message), Has.Some.Contains("`child.nickname` is removed, and no migration step archives"));
            Assert.That(catalogue.Versions("visit"), Is.EqualTo(new[] { 1 }));

            Assert.That(catalogue.Publish(Path.Combine(folder, "v2-steps.yaml"), new DateOnly(2026, 2, 1)).Outcome, Is.EqualTo(PublishOutcome.Published));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CommandLine.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
