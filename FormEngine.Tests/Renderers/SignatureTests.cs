using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormEngine.Evaluation;
using FormEngine.Renderers;
using FormEngine.Renderers.Html;
using FormEngine.Renderers.Text;
using FormEngine.Rules;
using FormEngine.Views;
using Json.Schema;
using static FormEngine.Tests.Renderers.Pdf.PdfTestHelpers;

namespace FormEngine.Tests.Renderers;

/// <summary>
/// The <c>signature</c> question: who confirmed and when. It loads through the template keys, is stored as an
/// object, reads as its date in rules, is withheld like any answer, says who confirmed and when on screen,
/// prints lines to sign on paper, and comes back unchanged from a form submitted unchanged.
/// </summary>
public sealed class SignatureTests
{
    private const string Yaml = """
        id: sign_off
        version: 1
        languages: [en, cy]
        audiences: [practitioner, parent]
        sensitivity:
          internal:
            label: internal sign-off
            audiences: [practitioner]
        sections:
          - id: declaration
            title: { en: Declaration, cy: Datganiad }
            questions:
              - { id: statement, type: note, label: I confirm this assessment is accurate. }
              - { id: worker, type: signature, label: { en: Practitioner, cy: Ymarferydd }, required: true }
              - { id: manager, type: signature, label: Manager, sensitivity: internal }
              - { id: years_since, type: calculated, value: age(declaration.worker) }
        """;

    private const string Signed = """
        { "declaration": {
            "worker": { "name": "Sam Jones", "role": "Social worker", "date": "2026-11-26" },
            "manager": { "name": "Mo QXZ-Manager", "date": "2026-11-27" } } }
        """;

    private static FormSession Session(string answers = Signed) => TestTemplates.Open(answers, Yaml);

    private static QuestionView Question(FormView view, string id) => view.Sections[0].Questions.Single(q => q.Id == id);

    [Test]
    public void Rules_read_a_signature_as_the_date_it_was_given()
    {
        var session = Session();

        Assert.That(session.GetValue("declaration.worker").Kind, Is.EqualTo(RuleTypeKind.Date));
        Assert.That(session.GetValue("declaration.worker").AsDate, Is.EqualTo(new DateOnly(2026, 11, 26)));
        Assert.That(session.GetValue("declaration.years_since").AsNumber, Is.EqualTo(0m));
    }

    [Test]
    public void A_signature_is_never_carried_forward()
    {
        var result = FormTemplate.LoadFromText(Yaml.Replace("label: Manager,", "label: Manager, carry_forward: true,", StringComparison.Ordinal), "sign.yaml");

        Assert.That(result.Success, Is.False);
        Assert.That(result.Diagnostics.Single(d => d.Message.Contains("carry_forward", StringComparison.Ordinal)).Message, Does.Contain("not `signature`"));
    }

    [TestCase("""{ "name": "Sam Jones" }""", "A signature needs the date it was given, written YYYY-MM-DD.")]
    [TestCase("""{ "role": "Social worker", "date": "2026-11-26" }""", "A signature needs the name of who gave it.")]
    [TestCase("""{ "name": "Sam Jones", "date": "26/11/2026" }""", "Enter a real date written YYYY-MM-DD, not `26/11/2026`.")]
    [TestCase("""{ "name": "Sam Jones", "signed": "2026-11-26" }""", "This answer should be a signature")]
    [TestCase("\"Sam Jones\"", "This answer should be a signature")]
    public void A_half_given_or_misshapen_signature_is_an_error_and_does_not_count(string worker, string message)
    {
        var view = FormViewBuilder.Build(Session($$"""{ "declaration": { "worker": {{worker}} } }"""));
        var question = Question(view, "worker");

        Assert.That(question.Errors, Has.Some.StartsWith(message));
        Assert.That(question.DisplayValue, Is.Empty);
        Assert.That(question.Missing, Is.True, "a required signature that is not fully given is still missing");
    }

    [Test]
    public void The_answers_schema_describes_a_signature_as_name_role_and_date()
    {
        var schema = JsonSchema.FromText(AnswersSchema.Generate(TestTemplates.Load(Yaml)).ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });

        bool Valid(string json) => schema.Evaluate(JsonDocument.Parse(json).RootElement).IsValid;
        Assert.That(Valid(Signed), Is.True);
        Assert.That(Valid("""{ "declaration": { "worker": { "name": "Sam Jones", "when": "2026-11-26" } } }"""), Is.False);
        Assert.That(Valid("""{ "declaration": { "worker": { "name": "Sam Jones", "date": "26/11/2026" } } }"""), Is.False);
    }

    [Test]
    public void On_screen_a_signature_says_who_confirmed_and_when_in_the_readers_language()
    {
        Assert.That(Question(FormViewBuilder.Build(Session()), "worker").DisplayValue, Is.EqualTo("Confirmed by Sam Jones, Social worker, on 26 November 2026"));
        Assert.That(Question(FormViewBuilder.Build(Session(), new ViewOptions { Language = "cy" }), "worker").DisplayValue, Is.EqualTo("Cadarnhawyd gan Sam Jones, Social worker, ar 26 Tachwedd 2026"));
        Assert.That(Question(FormViewBuilder.Build(Session()), "manager").DisplayValue, Is.EqualTo("Confirmed by Mo QXZ-Manager on 27 November 2026"));

        var html = new HtmlRenderer().RenderToString(FormViewBuilder.Build(Session()), new RenderOptions());
        Assert.That(html, Does.Contain("Confirmed by Sam Jones, Social worker, on 26 November 2026"));
        Assert.That(Text(FormViewBuilder.Build(Session()), OutputMode.Record), Does.Contain("Confirmed by Sam Jones, Social worker, on 26 November 2026"));
    }

    [Test]
    public void A_signature_withheld_from_the_reader_shows_only_the_placeholder_in_every_output()
    {
        var view = FormViewBuilder.Build(Session(), new ViewOptions { Audience = "parent" });
        var manager = Question(view, "manager");

        Assert.That(manager.Withheld, Is.True);
        Assert.That(manager.Signature, Is.Null);
        Assert.That(manager.DisplayValue, Is.EqualTo("Information withheld: internal sign-off"));
        foreach (var mode in Enum.GetValues<OutputMode>())
        {
            foreach (var theme in HtmlRenderer.Themes)
            {
                Assert.That(new HtmlRenderer().RenderToString(view, new RenderOptions { Mode = mode, Theme = theme }), Does.Not.Contain("QXZ").And.Not.Contain("2026-11-27"), $"HTML {mode} {theme}");
            }

            Assert.That(Text(view, mode), Does.Not.Contain("QXZ").And.Not.Contain("27 November"), $"text {mode}");
            var pdf = Render(view, new RenderOptions { Mode = mode });
            Assert.That(AllText(pdf), Does.Not.Contain("QXZ").And.Not.Contain("27 November"), $"PDF {mode}");
            Assert.That(Encoding.Latin1.GetString(pdf), Does.Not.Contain("QXZ"), $"PDF bytes {mode}");
        }
    }

    [Test]
    public void On_paper_a_signature_prints_name_role_a_line_to_sign_and_the_date()
    {
        var record = Pdf.PdfStructureTextTests.TaggedTexts(Render(FormViewBuilder.Build(Session()))).Select(t => t.Tagged.Trim()).ToList();
        Assert.That(record, Is.SupersetOf(new[] { "Name: Sam Jones", "Role: Social worker", "Signature:", "Date: 26 November 2026" }));

        var blank = Pdf.PdfStructureTextTests.TaggedTexts(Render(FormViewBuilder.Build(Session("{}")), new RenderOptions { Mode = OutputMode.Blank })).Select(t => t.Tagged.Trim()).ToList();
        Assert.That(blank.Count(t => t == "Signature:"), Is.EqualTo(2), "one line to sign per signature");
        Assert.That(blank, Does.Contain("Practitioner (required)").And.Contain("Name:").And.Contain("Date:"));

        var welsh = Pdf.PdfStructureTextTests.TaggedTexts(Render(FormViewBuilder.Build(Session(), new ViewOptions { Language = "cy" }))).Select(t => t.Tagged.Trim()).ToList();
        Assert.That(welsh, Is.SupersetOf(new[] { "Enw: Sam Jones", "Rôl: Social worker", "Llofnod:", "Dyddiad: 26 Tachwedd 2026" }));

        var text = Text(FormViewBuilder.Build(Session("{}")), OutputMode.Blank);
        Assert.That(text, Does.Contain("Name: ____").And.Contain("Role: ____").And.Contain("Signature: ____").And.Contain("Date: __ / __ / ____"));
        Assert.That(new HtmlRenderer().RenderToString(FormViewBuilder.Build(Session("{}")), new RenderOptions { Mode = OutputMode.Blank }), Does.Contain("Signature"));
    }

    [TestCase("plain")]
    [TestCase("govuk")]
    public void A_form_asks_for_name_role_and_date_and_an_unchanged_submit_changes_nothing(string theme)
    {
        var session = Session();
        var before = session.ToJson().ToJsonString();
        var options = new RenderOptions { Mode = OutputMode.Form, Theme = theme };
        var html = new HtmlRenderer().RenderToString(FormViewBuilder.Build(session), options);

        Assert.That(html, Does.Contain("name=\"declaration.worker.name\" value=\"Sam Jones\"")
            .And.Contain("name=\"declaration.worker.role\" value=\"Social worker\"")
            .And.Contain("name=\"declaration.worker.date\" value=\"2026-11-26\"")
            .And.Contain("Leave the date empty to sign with today"));
        Assert.That(FormPost.TryParseUrlEncoded(Html.BrowserSubmission.Body(html), out var post, out var error), Is.True, error);
        var result = HtmlFormBinder.Bind(session, post!, new ViewOptions(), options);

        Assert.That(result.Changed, Is.Empty);
        Assert.That(result.Ignored, Is.Empty);
        Assert.That(session.ToJson().ToJsonString(), Is.EqualTo(before));
    }

    [Test]
    public void Signing_on_screen_with_a_name_records_today_as_the_date()
    {
        var session = Session("{}");
        var post = FormPost.FromPairs([new("declaration.worker.name", " Sam Jones "), new("declaration.worker.role", "Social worker"), new("declaration.worker.date", "")]);

        var result = HtmlFormBinder.Bind(session, post, new ViewOptions(), new RenderOptions { Mode = OutputMode.Form });

        Assert.That(result.Changed, Is.EqualTo(new[] { "declaration.worker" }));
        Assert.That(session.ToJson()["declaration"]!["worker"]!.ToJsonString(), Is.EqualTo("""{"name":"Sam Jones","role":"Social worker","date":"2026-11-26"}"""));
        Assert.That(Question(FormViewBuilder.Build(session), "worker").DisplayValue, Is.EqualTo("Confirmed by Sam Jones, Social worker, on 26 November 2026"));

        var typo = HtmlFormBinder.Bind(session, FormPost.FromPairs([new("declaration.worker.name", "Sam Jones"), new("declaration.worker.role", "Social worker"), new("declaration.worker.date", "26/11")]), new ViewOptions(), new RenderOptions { Mode = OutputMode.Form });
        Assert.That(typo.Problems.Single().Message, Does.Contain("Enter a real date"));
        Assert.That(session.ToJson()["declaration"]!["worker"]!["date"]!.GetValue<string>(), Is.EqualTo("26/11"), "kept as typed, so nothing is lost");
    }

    private static string Text(FormView view, OutputMode mode)
    {
        using var output = new MemoryStream();
        new TextRenderer().Render(view, new RenderOptions { Mode = mode }, output);
        return Encoding.UTF8.GetString(output.ToArray());
    }
}
