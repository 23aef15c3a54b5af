using System.Text.Json.Nodes;
using FormEngine.Versions;

namespace FormEngine.Tests.Versions;

/// <summary>Declared migrations: checked when the template loads, and applied to answers without losing any.</summary>
public class MigrationTests
{
    internal const string Version1 = """
        id: visit
        version: 1
        title: Home visit
        choices:
          sources: [gp, hv, school, police]
        sections:
          - id: child
            title: The child
            questions:
              - { id: fullname, type: text }
              - { id: nickname, type: text }
              - { id: dob, type: date }
              - { id: source, type: choice, choices: sources }
              - { id: worries, type: multichoice, choices: sources }
          - id: household
            title: Household
            questions:
              - id: members
                type: repeat
                questions:
                  - { id: name, type: text }
                  - { id: age, type: number }
        """;

    internal const string Version2 = """
        id: visit
        version: 2
        title: Home visit
        choices:
          sources: [health, school, police]
          bands: [under_5, 5_plus]
        migrations:
          - from: 1
            steps:
              - rename: { from: child.fullname, to: child.name }
              - map_choices: { path: child.source, values: { gp: health, hv: health } }
              - map_choices: { path: child.worries, values: { gp: health, hv: health } }
              - set: { path: child.age_band, value: "if(age(child.dob) < 5, 'under_5', '5_plus')" }
              - drop: { path: child.nickname }
              - rename: { from: household.members.age, to: household.members.years }
              - set: { path: household.members.adult, value: "age >= 18" }
        sections:
          - id: child
            title: The child
            questions:
              - { id: name, type: text }
              - { id: dob, type: date }
              - { id: age_band, type: choice, choices: bands }
              - { id: source, type: choice, choices: sources }
              - { id: worries, type: multichoice, choices: sources }
          - id: household
            title: Household
            questions:
              - id: members
                type: repeat
                questions:
                  - { id: name, type: text }
                  - { id: years, type: number }
                  - { id: adult, type: boolean }
        """;

    private string _folder = string.Empty;
    private TemplateCatalogue _catalogue = null!;

    [SetUp]
    public void Publish()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"formengine-migration-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(_folder, "catalogue"));
        _catalogue = new TemplateCatalogue(Path.Combine(_folder, "catalogue"));
        PublishText(Version1, "v1");
        PublishText(Version2, "v2");
    }

    [TearDown]
    public void Delete() => Directory.Delete(_folder, recursive: true);

    private PublishResult PublishText(string yaml, string folder)
    {
        Directory.CreateDirectory(Path.Combine(_folder, folder));
        var path = Path.Combine(_folder, folder, "visit.yaml");
        File.WriteAllText(path, yaml);
        var result = _catalogue.Publish(path, new DateOnly(2026, 1, 1));
        Assert.That(result.Outcome, Is.EqualTo(PublishOutcome.Published), string.Join("\n", result.Diagnostics));
        return result;
    }

    private JsonObject V1Answers(string answers) =>
        JsonNode.Parse($$$"""{"$template":{"id":"visit","version":1,"hash":"{{{_catalogue.Load("visit", 1).Template!.Hash}}}"},{{{answers}}}}""")!.AsObject();

    [Test]
    public void Every_step_is_applied_and_what_no_step_carries_is_archived_with_its_value()
    {
        var old = V1Answers("""
            "child":{"fullname":"Ana Silva","nickname":"Nana","dob":"2023-05-01","source":"hv","worries":["gp","school","hv"],"pet":"cat"},
            "household":{"members":[{"name":"Rosa","age":34},{"name":"Tom","age":"ten"}]}
            """);

        var result = _catalogue.Migrate(old, TestTemplates.Today);

        Assert.That(result.Success, Is.True, string.Join("\n", result.Diagnostics));
        var hash = _catalogue.Load("visit", 2).Template!.Hash;
        Assert.That(result.Answers!.ToJsonString(), Is.EqualTo(JsonNode.Parse(
            $$$"""{"$template":{"id":"visit","version":2,"hash":"{{{hash}}}"},"child":{"name":"Ana Silva","dob":"2023-05-01","source":"health","worries":["health","school","health"],"age_band":"under_5"},"household":{"members":[{"name":"Rosa","years":34,"adult":true},{"name":"Tom","adult":false}]},"$archived":[""" +
            """{"path":"child.nickname","value":"Nana","version":1,"reason":"Version 2 no longer asks this; its migration archives it."},""" +
            """{"path":"child.pet","value":"cat","version":1,"reason":"Version 2 has no question `child.pet`."},""" +
            """{"path":"household.members[1].age","value":"ten","version":1,"reason":"It does not fit `household.members.years` in version 2: Enter a number, not `ten`."}]}""")!.ToJsonString()));
    }

    [Test]
    public void Migrating_twice_is_the_same_as_once()
    {
        var once = _catalogue.Migrate(V1Answers("""
            "child":{"fullname":"Ana","nickname":"Nana","source":"gp"}
            """), TestTemplates.Today).Answers!;
        var twice = _catalogue.Migrate(once, TestTemplates.Today).Answers!;
        Assert.That(twice.ToJsonString(), Is.EqualTo(once.ToJsonString()));
    }

    [Test]
    public void A_choice_that_no_longer_exists_is_archived()
    {
        var result = _catalogue.Migrate(V1Answers("""
            "child":{"worries":["police","unheard_of"]}
            """), TestTemplates.Today).Answers!;
        Assert.That(result["child"]!["worries"]!.ToJsonString(), Is.EqualTo("""["police"]"""));
        Assert.That(result["$archived"]![0]!["value"]!.ToJsonString(), Is.EqualTo("""["unheard_of"]"""));
        Assert.That(result["$archived"]![0]!["path"]!.GetValue<string>(), Is.EqualTo("child.worries"));
    }

    [Test]
    public void Migrated_answers_open_with_the_new_version_and_old_ones_with_their_own()
    {
        var old = V1Answers("""
            "child":{"fullname":"Ana"}
            """);
        var migrated = _catalogue.Migrate(old, TestTemplates.Today).Answers!;
        Assert.That(_catalogue.OpenSession(migrated, new() { Today = TestTemplates.Today }).GetAnswer("child.name").AsText, Is.EqualTo("Ana"));
        Assert.That(_catalogue.OpenSession(old, new() { Today = TestTemplates.Today }).GetAnswer("child.fullname").AsText, Is.EqualTo("Ana"));
    }

    [Test]
    public void Migrating_back_or_to_an_unknown_version_is_refused()
    {
        var migrated = _catalogue.Migrate(V1Answers("\"child\":{}"), TestTemplates.Today).Answers!;
        Assert.That(_catalogue.Migrate(migrated, TestTemplates.Today, toVersion: 1).Diagnostics.Single().Message, Does.Contain("migrations only go forward"));
        Assert.That(_catalogue.Migrate(migrated, TestTemplates.Today, toVersion: 7).Diagnostics.Single().Code, Is.EqualTo("FET0028"));
    }

    [TestCase("rename: { from: child.fullname, to: child.nmae }", "FET0029", "This version has no question `child.nmae` to rename answers to.", "child.name")]
    [TestCase("rename: { from: child.fulname, to: child.name }", "FET0029", "Version 1 had no question `child.fulname`.", "child.fullname")]
    [TestCase("rename: { from: child.nickname, to: child.dob }", "FET0029", "`child.dob` was already a question in version 1", null)]
    [TestCase("map_choices: { path: child.source, values: { gp: helth } }", "FET0029", "`child.source` has no choice `helth` in this version", "health")]
    [TestCase("map_choices: { path: child.dob, values: { gp: health } }", "FET0029", "`child.dob` is a date question, not a choice", null)]
    [TestCase("set: { path: child.age_band, value: \"if(age(child.dobb) < 5, 'under_5', '5_plus')\" }", "FER", "child.dobb", null)]
    [TestCase("set: { path: child.age_band, value: \"age(child.dob)\" }", "FER", "version 1", null)]
    [TestCase("drop: { path: child.name }", "FET0029", "`child.name` is still a question in this version", null)]
    [TestCase("drop: { path: child.nicknam }", "FET0029", "Version 1 had no question `child.nicknam`.", "child.nickname")]
    [TestCase("delete: { path: child.nickname }", "FET0006", "`delete` is not a migration step.", null)]
    public void Each_bad_step_is_reported_at_its_place_against_both_versions(string step, string code, string message, string? suggestion)
    {
        var yaml = Version2.Replace("version: 2", "version: 3", StringComparison.Ordinal)
            .Replace("  - from: 1\n    steps:\n", $"  - from: 2\n    steps:\n      - {step}\n", StringComparison.Ordinal)
            .Replace("      - rename: { from: child.fullname, to: child.name }\n", string.Empty, StringComparison.Ordinal);
        // Checked against version 1's questions: the migration in this test starts from a catalogue where 2 is version 1 renamed.
        var loaded = FormTemplate.LoadFromText(yaml.Replace("from: 2", "from: 1", StringComparison.Ordinal).Replace("version: 3", "version: 2", StringComparison.Ordinal), "visit.yaml", options: new TemplateLoadOptions { Catalogue = OnlyVersion1() });

        var error = loaded.Diagnostics.FirstOrDefault(d => d.IsError && d.Code.StartsWith(code, StringComparison.Ordinal));
        Assert.That(error, Is.Not.Null, string.Join("\n", loaded.Diagnostics));
        Assert.That(error!.Message, Does.Contain(message));
        Assert.That(error.Line, Is.GreaterThan(0));
        if (suggestion is not null)
        {
            Assert.That(error.Suggestion, Does.Contain(suggestion));
        }
    }

    private TemplateCatalogue OnlyVersion1()
    {
        var folder = Path.Combine(_folder, "only-1");
        Directory.CreateDirectory(folder);
        var catalogue = new TemplateCatalogue(folder);
        Assert.That(catalogue.Publish(Path.Combine(_folder, "v1", "visit.yaml"), new DateOnly(2026, 1, 1)).Outcome, Is.EqualTo(PublishOutcome.Published));
        return catalogue;
    }

    [TestCase("from: 2", "This is version 2, so a migration into it starts from an earlier version, not 2")]
    [TestCase("from: \"1\"", "`from` must be a version number, not the text \"1\".")]
    [TestCase("from: v1", "`from` must be a whole number of at least 1, not `v1`.")]
    public void A_migration_from_this_version_or_from_text_is_refused(string from, string message)
    {
        var loaded = FormTemplate.LoadFromText(Version2.Replace("from: 1", from, StringComparison.Ordinal), "visit.yaml");
        Assert.That(loaded.Success, Is.False);
        Assert.That(loaded.Diagnostics.Where(d => d.IsError).Select(d => d.Message), Has.Some.Contains(message));
    }

    [Test]
    public void A_migration_from_a_version_never_published_is_refused()
    {
        var yaml = Version2.Replace("version: 2", "version: 6", StringComparison.Ordinal).Replace("from: 1", "from: 5", StringComparison.Ordinal);
        var loaded = FormTemplate.LoadFromText(yaml, "visit.yaml", options: new TemplateLoadOptions { Catalogue = _catalogue });
        var error = loaded.Diagnostics.Single(d => d.IsError);
        Assert.That(error.Code, Is.EqualTo("FET0030"));
        Assert.That(error.Message, Is.EqualTo("Version 5 of `visit` was never published (the catalogue has 1, 2), so no answers can have been made with it."));
        Assert.That((error.Line, error.Column), Is.EqualTo((8, 11)));
    }

    [Test]
    public void The_command_line_migrates_to_the_latest_or_to_a_version_and_refuses_bad_input()
    {
        var answers = Path.Combine(_folder, "old.json");
        File.WriteAllText(answers, V1Answers("\"child\":{\"fullname\":\"Ana\",\"nickname\":\"Nana\"}").ToJsonString());
        var catalogue = Path.Combine(_folder, "catalogue");

        var (code, stdout, stderr) = Run("migrate", "--catalogue", catalogue, "--answers", answers, "--today", "2026-11-26");
        Assert.That(code, Is.EqualTo(0), stderr);
        var migrated = JsonNode.Parse(stdout)!;
        Assert.That(migrated["$template"]!["version"]!.GetValue<int>(), Is.EqualTo(2));
        Assert.That(migrated["child"]!["name"]!.GetValue<string>(), Is.EqualTo("Ana"));

        var output = Path.Combine(_folder, "new.json");
        Assert.That(Run("migrate", "--catalogue", catalogue, "--answers", answers, "--to", "1", "--out", output).Code, Is.EqualTo(0));
        Assert.That(JsonNode.Parse(File.ReadAllText(output))!["$template"]!["version"]!.GetValue<int>(), Is.EqualTo(1), "already at version 1: unchanged");

        Assert.That(Run("migrate", "--catalogue", catalogue, "--answers", answers, "--to", "two").Code, Is.EqualTo(2));
        var unknown = Path.Combine(_folder, "unknown.json");
        File.WriteAllText(unknown, """{"$template":{"id":"strengths","version":1}}""");
        var refused = Run("migrate", "--catalogue", catalogue, "--answers", unknown, "--out", Path.Combine(_folder, "never.json"));
        Assert.That(refused.Code, Is.EqualTo(1));
        Assert.That(refused.Stderr, Does.Contain("error FET0028").And.Contain("has no template `strengths`"));
        Assert.That(File.Exists(Path.Combine(_folder, "never.json")), Is.False);
        File.WriteAllText(unknown, """{"$template":{"id":"visit","version":"1"}}""");
        Assert.That(Run("migrate", "--catalogue", catalogue, "--answers", unknown).Stderr, Does.Contain("error FEA0007").And.Contain("gives the version as the text \"1\""));
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = FormEngine.Cli.CommandLine.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Test]
    public void Two_migrations_from_the_same_version_are_refused()
    {
        var yaml = Version2.Replace("migrations:\n", "migrations:\n  - from: 1\n    steps: []\n", StringComparison.Ordinal);
        var loaded = FormTemplate.LoadFromText(yaml, "visit.yaml");
        Assert.That(loaded.Diagnostics.Single(d => d.IsError).Message, Does.Contain("two migrations from version 1"));
    }
}
