using System.Text.Json.Nodes;
using FormEngine.Cli;
using FormEngine.Evaluation;
using FormEngine.Versions;

namespace FormEngine.Tests.Versions;

/// <summary>Publishing into a catalogue, and reading records with the version they were made under.</summary>
public class TemplateCatalogueTests
{
    private string _folder = string.Empty;
    private string _catalogue = string.Empty;

    [SetUp]
    public void CreateFolders()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"formengine-catalogue-{Guid.NewGuid():N}");
        _catalogue = Path.Combine(_folder, "catalogue");
        Directory.CreateDirectory(_catalogue);
    }

    [TearDown]
    public void DeleteFolders() => Directory.Delete(_folder, recursive: true);

    internal static string Template(int version, string extraQuestion = "") => $$"""
        id: visit
        version: {{version}}
        title: Home visit
        include: [shared/choices.yaml]
        sections:
          - id: child
            title: The child
            questions:
              - { id: name, type: text, label: Name }
              - { id: seen, type: choice, choices: yes_no, label: Was the child seen? }
        {{extraQuestion}}
        """;

    private const string Choices = "choices:\n  yes_no: [yes, no]\n";

    private string WriteTemplate(string text, string folder = "work")
    {
        var root = Path.Combine(_folder, folder);
        Directory.CreateDirectory(Path.Combine(root, "shared"));
        File.WriteAllText(Path.Combine(root, "shared", "choices.yaml"), Choices);
        var path = Path.Combine(root, "visit.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    [Test]
    public void Publishing_copies_every_file_and_writes_the_manifest_in_the_documented_shape()
    {
        var path = WriteTemplate(Template(1));
        var result = new TemplateCatalogue(_catalogue).Publish(path, new DateOnly(2026, 4, 1));

        Assert.That(result.Outcome, Is.EqualTo(PublishOutcome.Published), string.Join("\n", result.Diagnostics));
        var folder = Path.Combine(_catalogue, "visit", "1");
        Assert.That(File.ReadAllText(Path.Combine(folder, "visit.yaml")), Is.EqualTo(File.ReadAllText(path)));
        Assert.That(File.ReadAllText(Path.Combine(folder, "shared", "choices.yaml")), Is.EqualTo(Choices));
        var hash = FormTemplate.Load(path).Template!.Hash;
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")))!.AsObject();
        Assert.That(manifest.Select(p => p.Key), Is.EqualTo(new[] { "id", "version", "main", "hash", "files", "published" }));
        Assert.That(manifest["id"]!.GetValue<string>(), Is.EqualTo("visit"));
        Assert.That(manifest["version"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(manifest["main"]!.GetValue<string>(), Is.EqualTo("visit.yaml"));
        Assert.That(manifest["hash"]!.GetValue<string>(), Is.EqualTo(hash));
        Assert.That(manifest["published"]!.GetValue<string>(), Is.EqualTo("2026-04-01"));
        Assert.That(manifest["files"]!.ToJsonString(), Is.EqualTo(
            $$"""[{"path":"shared/choices.yaml","sha256":"{{TemplateHash.OfText(Choices)}}"},{"path":"visit.yaml","sha256":"{{TemplateHash.OfText(File.ReadAllText(path))}}"}]"""));
        Assert.That(Directory.GetDirectories(Path.Combine(_catalogue, "visit")), Has.Length.EqualTo(1), "no staging folder is left behind");
    }

    [Test]
    public void Publishing_the_same_files_again_changes_nothing()
    {
        var path = WriteTemplate(Template(1));
        var catalogue = new TemplateCatalogue(_catalogue);
        catalogue.Publish(path, new DateOnly(2026, 4, 1));
        var manifest = File.ReadAllText(Path.Combine(_catalogue, "visit", "1", "manifest.json"));

        var again = catalogue.Publish(path, new DateOnly(2026, 5, 1));

        Assert.That(again.Outcome, Is.EqualTo(PublishOutcome.AlreadyPublished));
        Assert.That(File.ReadAllText(Path.Combine(_catalogue, "visit", "1", "manifest.json")), Is.EqualTo(manifest));
    }

    [Test]
    public void A_published_version_never_changes_and_versions_only_go_up()
    {
        var catalogue = new TemplateCatalogue(_catalogue);
        catalogue.Publish(WriteTemplate(Template(2)), new DateOnly(2026, 4, 1));

        var changed = catalogue.Publish(WriteTemplate(Template(2, "  - { id: notes, title: Notes, questions: [{ id: text, type: textarea }] }")), new DateOnly(2026, 4, 2));
        var lower = catalogue.Publish(WriteTemplate(Template(1)), new DateOnly(2026, 4, 2));

        Assert.That(changed.Outcome, Is.EqualTo(PublishOutcome.Refused));
        Assert.That(changed.Diagnostics.Single(d => d.IsError).ToString(), Does.Contain("error FET0027: Version 2 of `visit` is already published with other content").And.Contain("`version: 3`"));
        Assert.That(lower.Outcome, Is.EqualTo(PublishOutcome.Refused));
        Assert.That(lower.Diagnostics.Single(d => d.IsError).Message, Is.EqualTo("Version 1 is not higher than the latest published version of `visit`, 2."));
        Assert.That(catalogue.Versions("visit"), Is.EqualTo(new[] { 2 }));
    }

    [Test]
    public void A_template_with_errors_is_not_published()
    {
        var result = new TemplateCatalogue(_catalogue).Publish(WriteTemplate(Template(1).Replace("type: text", "type: txet", StringComparison.Ordinal)), new DateOnly(2026, 4, 1));
        Assert.That(result.Outcome, Is.EqualTo(PublishOutcome.Refused));
        Assert.That(result.Diagnostics.Select(d => d.Code), Does.Contain("FET0011"));
        Assert.That(Directory.GetFileSystemEntries(_catalogue), Is.Empty);
    }

    [Test]
    public void Each_version_is_compiled_once_and_shared()
    {
        var catalogue = new TemplateCatalogue(_catalogue);
        catalogue.Publish(WriteTemplate(Template(1)), new DateOnly(2026, 4, 1));
        catalogue.Publish(WriteTemplate(Template(2, "  - { id: notes, title: Notes, questions: [{ id: text, type: textarea }] }")), new DateOnly(2026, 5, 1));

        var first = catalogue.Load("visit", 1).Template;
        Assert.That(catalogue.Load("visit", 1).Template, Is.SameAs(first));
        Assert.That(catalogue.LoadLatest("visit").Template!.Version, Is.EqualTo(2));
        Assert.That(catalogue.TemplateIds, Is.EqualTo(new[] { "visit" }));
    }

    [Test]
    public void A_record_opens_with_the_version_its_answers_name()
    {
        var catalogue = new TemplateCatalogue(_catalogue);
        catalogue.Publish(WriteTemplate(Template(1)), new DateOnly(2026, 4, 1));
        catalogue.Publish(WriteTemplate(Template(2, "  - { id: notes, title: Notes, questions: [{ id: text, type: textarea }] }")), new DateOnly(2026, 5, 1));
        var made = FormSession.Open(catalogue.Load("visit", 1).Template!, JsonNode.Parse("""{"child":{"name":"Ana"}}""")!.AsObject(), new FormSessionOptions { Today = TestTemplates.Today });

        var reopened = catalogue.OpenSession(made.ToJson(), new FormSessionOptions { Today = TestTemplates.Today });

        Assert.That(reopened.Template.Version, Is.EqualTo(1));
        Assert.That(reopened.Template, Is.SameAs(catalogue.Load("visit", 1).Template));
        Assert.That(reopened.GetAnswer("child.name").AsText, Is.EqualTo("Ana"));
        var refused = Assert.Throws<ArgumentException>(() => FormSession.Open(catalogue.LoadLatest("visit").Template!, made.ToJson(), new FormSessionOptions { Today = TestTemplates.Today }));
        Assert.That(refused!.Message, Does.Contain("made with version 1 of `visit`, not version 2").And.Contain("formengine migrate"));
    }

    [Test]
    public void A_file_changed_after_publishing_refuses_that_version_and_names_the_file()
    {
        var catalogue = new TemplateCatalogue(_catalogue);
        catalogue.Publish(WriteTemplate(Template(1)), new DateOnly(2026, 4, 1));
        catalogue.Publish(WriteTemplate(Template(2, "  - { id: notes, title: Notes, questions: [{ id: text, type: textarea }] }")), new DateOnly(2026, 5, 1));
        var tampered = Path.Combine(_catalogue, "visit", "1", "shared", "choices.yaml");
        MakeWritable(tampered);
        File.WriteAllText(tampered, "choices:\n  yes_no: [yes, no, maybe]\n");

        var loaded = new TemplateCatalogue(_catalogue).Load("visit", 1);

        Assert.That(loaded.Success, Is.False);
        var error = loaded.Diagnostics.Single();
        Assert.That(error.Code, Is.EqualTo("FET0026"));
        Assert.That(error.File, Is.EqualTo(tampered));
        Assert.That(error.Message, Does.StartWith("The file `shared/choices.yaml` has changed since version 1 of `visit` was published"));
        Assert.That(new TemplateCatalogue(_catalogue).Load("visit", 2).Success, Is.True, "other versions are unaffected");
    }

    [TestCase("{not json", "manifest.json:1:2", "not valid JSON")]
    [TestCase("""{"id":"visit","version":"1","main":"visit.yaml","hash":"sha256:00","files":[],"published":"2026-04-01"}""", "manifest.json", "gives the version as the text \"1\"")]
    [TestCase("""[]""", "manifest.json", "must be a JSON object")]
    [TestCase("""{"id":"visit","version":1,"main":"../visit.yaml","hash":"sha256:00","files":[{"path":"visit.yaml","sha256":"00"}],"published":"2026-04-01"}""", "manifest.json", "`main` must name the main file inside")]
    public void A_broken_manifest_refuses_its_version_with_the_place(string manifest, string place, string message)
    {
        new TemplateCatalogue(_catalogue).Publish(WriteTemplate(Template(1)), new DateOnly(2026, 4, 1));
        var path = Path.Combine(_catalogue, "visit", "1", "manifest.json");
        MakeWritable(path);
        File.WriteAllText(path, manifest);

        var loaded = new TemplateCatalogue(_catalogue).Load("visit", 1);

        Assert.That(loaded.Success, Is.False);
        Assert.That(loaded.Diagnostics.Select(d => d.Code), Has.All.EqualTo("FET0026"));
        Assert.That(loaded.Diagnostics.Select(d => d.ToString()), Has.Some.Contains(place).And.Some.Contains(message));
    }

    [Test]
    public void Answers_naming_a_template_the_catalogue_lacks_are_refused_with_what_it_holds()
    {
        var catalogue = new TemplateCatalogue(_catalogue);
        catalogue.Publish(WriteTemplate(Template(1)), new DateOnly(2026, 4, 1));

        var other = catalogue.LoadFor(JsonNode.Parse("""{"$template":{"id":"strengths","version":1}}""")!.AsObject());
        var later = catalogue.LoadFor(JsonNode.Parse("""{"$template":{"id":"visit","version":4}}""")!.AsObject());
        var none = catalogue.LoadFor([]);

        Assert.That(other.Diagnostics.Single().ToString(), Does.Contain("error FET0028: The catalogue").And.Contain("has no template `strengths`. It has `visit`."));
        Assert.That(later.Diagnostics.Single().Message, Does.EndWith("has no version 4 of `visit`. It has version 1 of `visit`."));
        Assert.That(none.Diagnostics.Single().Code, Is.EqualTo("FEA0007"));
        Assert.That(catalogue.Load("../visit", 1).Diagnostics.Single().Code, Is.EqualTo("FET0028"));
    }

    [Test]
    public void Answers_made_with_other_files_under_a_published_version_number_are_read_with_a_warning()
    {
        var catalogue = new TemplateCatalogue(_catalogue);
        catalogue.Publish(WriteTemplate(Template(1)), new DateOnly(2026, 4, 1));
        var draft = FormTemplate.Load(WriteTemplate(Template(1).Replace("Home visit", "Home visit (draft)", StringComparison.Ordinal), "draft")).Template!;
        var answers = FormSession.Open(draft, null, new FormSessionOptions { Today = TestTemplates.Today }).ToJson();

        var loaded = catalogue.LoadFor(answers);

        Assert.That(loaded.Template, Is.SameAs(catalogue.Load("visit", 1).Template));
        var warning = loaded.Diagnostics.Single();
        Assert.That((warning.Code, warning.IsError), Is.EqualTo(("FEA0008", false)));
        Assert.That(warning.Message, Does.Contain("were made with other files under that number"));
        Assert.That(catalogue.LoadFor(FormSession.Open(loaded.Template!, null, new FormSessionOptions { Today = TestTemplates.Today }).ToJson()).Diagnostics, Is.Empty);
    }

    [Test]
    public void A_scenario_whose_answers_name_another_version_fails_with_the_reason()
    {
        var path = WriteTemplate(Template(2));
        var folder = Path.GetDirectoryName(path)!;
        File.WriteAllText(Path.Combine(folder, "old.json"), """{"$template":{"id":"visit","version":1},"child":{"name":"Ana"}}""");
        File.WriteAllText(Path.Combine(folder, "visit.scenarios.yaml"), "template: visit.yaml\ntoday: 2026-11-26\nscenarios:\n  - name: An old record\n    answers: { from: old.json }\n    expect:\n      visible: [child.name]\n");

        var report = FormEngine.Scenarios.ScenarioRunner.Run(folder);

        var failure = report.Failures.Single();
        Assert.That(failure.Scenario, Is.EqualTo("An old record"));
        Assert.That(failure.Message, Does.Contain("made with version 1 of `visit`, not version 2"));
    }

    [Test]
    public void The_command_line_publishes_and_renders_a_record_with_its_own_version()
    {
        var path = WriteTemplate(Template(1));
        var (code, stdout, stderr) = Run("publish", path, "--catalogue", _catalogue, "--date", "2026-04-01");
        Assert.That(code, Is.EqualTo(0), stderr);
        Assert.That(stdout, Does.Contain("Published version 1 of `visit`"));
        Assert.That(Run("publish", path, "--catalogue", _catalogue).Code, Is.EqualTo(0));
        Assert.That(Run("publish", WriteTemplate(Template(2, "  - { id: notes, title: Notes, questions: [{ id: text, type: textarea }] }")), "--catalogue", _catalogue).Code, Is.EqualTo(0));

        var answers = Path.Combine(_folder, "a.json");
        File.WriteAllText(answers, """{"$template":{"id":"visit","version":1},"child":{"name":"Ana"}}""");
        var fromCatalogue = Path.Combine(_folder, "catalogue.md");
        var fromFile = Path.Combine(_folder, "file.md");
        Assert.That(Run("render", "--catalogue", _catalogue, "--answers", answers, "--format", "text", "--out", fromCatalogue, "--today", "2026-11-26").Code, Is.EqualTo(0));
        Assert.That(Run("render", WriteTemplate(Template(1), "v1"), "--answers", answers, "--format", "text", "--out", fromFile, "--today", "2026-11-26").Code, Is.EqualTo(0));
        Assert.That(File.ReadAllBytes(fromCatalogue), Is.EqualTo(File.ReadAllBytes(fromFile)));

        var evaluated = Run("evaluate", "--catalogue", _catalogue, "--answers", answers);
        Assert.That(JsonNode.Parse(evaluated.Stdout)!["version"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(Run("render", path, "--catalogue", _catalogue, "--answers", answers, "--format", "text", "--out", fromFile).Code, Is.EqualTo(2));
    }

    [Test]
    public void The_command_line_refuses_with_exit_codes()
    {
        var path = WriteTemplate(Template(2));
        Assert.That(Run("publish", path, "--catalogue", Path.Combine(_folder, "missing")).Code, Is.EqualTo(3));
        Assert.That(Run("publish", path, "--catalogue", _catalogue, "--date", "1 April").Code, Is.EqualTo(2));
        Assert.That(Run("publish", path).Code, Is.EqualTo(2));
        Assert.That(Run("publish", path, "--catalogue", _catalogue).Code, Is.EqualTo(0));
        var lower = Run("publish", WriteTemplate(Template(1)), "--catalogue", _catalogue);
        Assert.That(lower.Code, Is.EqualTo(1));
        Assert.That(lower.Stderr, Does.Contain("error FET0027"));
    }

    // Published files are read-only, as an accidental edit should fail; these tests change them on purpose.
    private static void MakeWritable(string path) => File.SetAttributes(path, File.GetAttributes(path) & ~FileAttributes.ReadOnly);

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CommandLine.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
