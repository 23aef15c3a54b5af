using System.Text.Json;
using System.Text.Json.Nodes;
using FormEngine.Cli;
using FormEngine.Evaluation;
using FormEngine.Renderers;
using FormEngine.Renderers.Text;
using FormEngine.Versions;
using FormEngine.Views;

namespace FormEngine.Tests.Versions;

/// <summary>
/// The single assessment's history in <c>examples/single-assessment-history</c>: three published versions (a
/// rename, a merged choice, a question added from a rule, a question moved, a question removed), records made
/// with version 1, and their migrated forms and the diffs approved as files beside them.
/// </summary>
public class HistoryExampleTests
{
    private const string Approved = "../examples/single-assessment-history/approved";
    private static readonly DateOnly Today = new(2026, 11, 26);
    private string _folder = string.Empty;
    private TemplateCatalogue _catalogue = null!;

    private static string History => Path.Combine(TestTemplates.RepoRoot, "examples", "single-assessment-history");

    [OneTimeSetUp]
    public void PublishTheHistory()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"formengine-history-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
        _catalogue = new TemplateCatalogue(_folder);
        foreach (var (version, published) in new[] { (1, new DateOnly(2026, 4, 1)), (2, new DateOnly(2027, 4, 1)), (3, new DateOnly(2028, 4, 1)) })
        {
            var result = _catalogue.Publish(Path.Combine(History, $"v{version}", "single-assessment.yaml"), published);
            Assert.That(result.Outcome, Is.EqualTo(PublishOutcome.Published), string.Join("\n", result.Diagnostics.Where(d => d.IsError)));
        }
    }

    [OneTimeTearDown]
    public void Delete() => Directory.Delete(_folder, recursive: true);

    private static JsonObject Record(string name) => AnswersDocument.Load(Path.Combine(History, "records", name + ".json")).Answers!;

    private static string Json(JsonObject document) =>
        document.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

    [TestCase("leo-price")]
    [TestCase("jordan-evans")]
    public void A_version_1_record_migrates_to_version_3_as_approved(string name)
    {
        var migrated = _catalogue.Migrate(Record(name), Today);
        Assert.That(migrated.Success, Is.True, string.Join("\n", migrated.Diagnostics));
        Approvals.Verify(Approved, name + ".v3", ".json", Json(migrated.Answers!));
        Assert.That(Json(_catalogue.Migrate(migrated.Answers!, Today).Answers!), Is.EqualTo(Json(migrated.Answers!)), "migrating again changes nothing");
    }

    [Test]
    public void Migrating_step_by_step_gives_the_same_record_as_in_one_go()
    {
        var toTwo = _catalogue.Migrate(Record("jordan-evans"), Today, toVersion: 2).Answers!;
        Approvals.Verify(Approved, "jordan-evans.v2", ".json", Json(toTwo));
        Assert.That(Json(_catalogue.Migrate(toTwo, Today).Answers!), Is.EqualTo(Json(_catalogue.Migrate(Record("jordan-evans"), Today).Answers!)));
    }

    [Test]
    public void The_diffs_between_versions_are_as_approved()
    {
        var records = Path.Combine(History, "records");
        var (code, stdout, _) = Run("diff", Path.Combine(_folder, "single_assessment", "1"), Path.Combine(_folder, "single_assessment", "2"), "--answers-dir", records);
        Assert.That(code, Is.EqualTo(0));
        Approvals.Verify(Approved, "diff-v1-v2", ".txt", stdout);

        var json = Run("diff", Path.Combine(History, "v2", "single-assessment.yaml"), Path.Combine(History, "v3", "single-assessment.yaml"), "--json", "--warnings", "none");
        Assert.That(json.Code, Is.EqualTo(0));
        Approvals.Verify(Approved, "diff-v2-v3", ".json", json.Stdout);
    }

    // An audit names the file each rule is written in, which differs between a working copy and the catalogue; a record does not.
    [TestCase("text")]
    [TestCase("pdf")]
    [TestCase("html")]
    public void An_old_record_renders_with_its_own_version_byte_for_byte_as_that_version_did(string format)
    {
        var record = Record("leo-price");
        var original = FormTemplate.Load(Path.Combine(History, "v1", "single-assessment.yaml")).GetTemplateOrThrow();
        var renderer = FormRenderers.CreateDefault().Find(format)!;
        var fromFile = Bytes(renderer, FormSession.Open(original, record, new FormSessionOptions { Today = Today }));
        var fromCatalogue = Bytes(renderer, _catalogue.OpenSession(record, new FormSessionOptions { Today = Today }));
        Assert.That(fromCatalogue, Is.EqualTo(fromFile));
        if (format == "text")
        {
            Approvals.Verify(Approved, "leo-price.v1.record", ".md", System.Text.Encoding.UTF8.GetString(fromCatalogue));
        }
    }

    private static byte[] Bytes(IFormRenderer renderer, FormSession session)
    {
        using var output = new MemoryStream();
        renderer.Render(FormViewBuilder.Build(session), new RenderOptions { Mode = OutputMode.Record }, output);
        return output.ToArray();
    }

    [Test]
    public void The_audit_of_a_migrated_record_shows_the_answers_from_earlier_versions()
    {
        var migrated = _catalogue.Migrate(Record("jordan-evans"), Today).Answers!;
        var audit = Render(_catalogue.OpenSession(migrated, new FormSessionOptions { Today = Today }), OutputMode.Audit);
        Assert.That(audit, Does.Contain("## Answers from earlier versions").And.Contain("**education.exclusions** (Version 2): no"));
    }

    private static string Render(FormSession session, OutputMode mode)
    {
        using var output = new MemoryStream();
        new TextRenderer().Render(FormViewBuilder.Build(session), new RenderOptions { Mode = mode }, output);
        return System.Text.Encoding.UTF8.GetString(output.ToArray());
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CommandLine.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
