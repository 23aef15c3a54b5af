using System.Text;
using System.Text.Json.Nodes;
using FormEngine.Evaluation;
using FormEngine.Renderers;
using FormEngine.Renderers.Text;
using FormEngine.Views;

namespace FormEngine.Tests.Renderers.Text;

public class TextRendererTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    [TestCaseSource(nameof(ExampleCases))]
    public void Example_renders_as_its_approved_text(string template, string? answers, OutputMode mode)
    {
        var text = Render(Example(template, answers), new RenderOptions { Mode = mode, CaseReference = "CIN-2026-0042", ProtectiveMarking = "OFFICIAL-SENSITIVE" });
        var name = $"{Path.GetFileNameWithoutExtension(template)}.{(answers is null ? "empty" : Path.GetFileNameWithoutExtension(answers))}.{mode.ToString().ToLowerInvariant()}";
        Approvals.Verify("Renderers/Text/Approved", name, ".md", text);
    }

    [Test]
    public void Rendering_twice_gives_identical_bytes()
    {
        var view = Example("single-assessment/single-assessment.yaml", "single-assessment/answers/toddler-disabled.json");
        var options = new RenderOptions { Mode = OutputMode.Audit };
        Assert.That(Bytes(view, options), Is.EqualTo(Bytes(Example("single-assessment/single-assessment.yaml", "single-assessment/answers/toddler-disabled.json"), options)));
    }

    [Test]
    public void Record_leaves_out_hidden_questions_and_their_answers()
    {
        var session = TestTemplates.Open("""{"child": {"has_disability": "no"}, "disability": {"communication_aids": "SECRET-HIDDEN-ANSWER"}}""");
        var text = Render(FormViewBuilder.Build(session), new RenderOptions());
        Assert.That(text, Does.Not.Contain("SECRET-HIDDEN-ANSWER").And.Not.Contain("## Disability"));
    }

    [Test]
    public void Audit_shows_hidden_questions_with_the_rule_that_hid_them()
    {
        var session = TestTemplates.Open("""{"child": {"has_disability": "no"}}""");
        var text = Render(FormViewBuilder.Build(session), new RenderOptions { Mode = OutputMode.Audit });
        Assert.That(text, Does.Contain("## Disability (not applicable)"));
        Assert.That(text, Does.Contain("Not applicable: `child.has_disability = 'yes'` (template.yaml:21:14) is false: child.has_disability = 'yes' → 'no' = 'yes' → false"));
    }

    [Test]
    public void Blank_form_writes_routing_from_the_rules_in_plain_english()
    {
        var session = TestTemplates.Open();
        var text = Render(FormViewBuilder.Build(session), new RenderOptions { Mode = OutputMode.Blank });
        Assert.That(text, Does.Contain("_Answer this section only if 'Does the child have a disability?' is 'yes'._"));
        Assert.That(text, Does.Contain("[ ] Communication"));
    }

    [Test]
    public void Host_can_override_how_one_kind_of_question_renders()
    {
        var renderer = new TextRenderer();
        renderer.Elements.Override(new ShoutingDates());
        var session = TestTemplates.Open("""{"child": {"dob": "2017-03-02"}}""");
        using var stream = new MemoryStream();
        renderer.Render(FormViewBuilder.Build(session), new RenderOptions(), stream);
        var text = Encoding.UTF8.GetString(stream.ToArray());
        Assert.That(text, Does.Contain("DATE OF BIRTH = 2017-03-02"));
        Assert.That(text, Does.Contain("**Name**: Not answered"), "other questions still use the built-in renderers");
    }

    private sealed class ShoutingDates : ElementRenderer<QuestionView, TextRenderContext>
    {
        protected override bool Accepts(QuestionView element) => element.Type == FormEngine.Templates.QuestionType.Date;

        protected override void Write(QuestionView element, TextRenderContext context) =>
            context.Writer.Write($"{element.Label.ToUpperInvariant()} = {element.InputValue}\n\n");
    }

    private static IEnumerable<TestCaseData> ExampleCases()
    {
        yield return new TestCaseData("rules-quickstart/quickstart.yaml", "rules-quickstart/answers.json", OutputMode.Record);
        foreach (var answers in new[] { "toddler-disabled", "teenager-young-carer", "baby-domestic-abuse" })
        {
            yield return new TestCaseData("single-assessment/single-assessment.yaml", $"single-assessment/answers/{answers}.json", OutputMode.Record);
        }

        yield return new TestCaseData("single-assessment/single-assessment.yaml", "single-assessment/answers/toddler-disabled.json", OutputMode.Form);
        yield return new TestCaseData("single-assessment/single-assessment.yaml", "single-assessment/answers/teenager-young-carer.json", OutputMode.Audit);
        yield return new TestCaseData("single-assessment/single-assessment.yaml", null, OutputMode.Blank);
    }

    private static FormView Example(string template, string? answers)
    {
        var examples = Path.Combine(TestTemplates.RepoRoot, "examples");
        var loaded = FormTemplate.Load(Path.Combine(examples, template), new TemplateLoadOptions { DisplayBase = TestTemplates.RepoRoot }).GetTemplateOrThrow();
        var document = answers is null ? null : JsonNode.Parse(File.ReadAllText(Path.Combine(examples, answers)))!.AsObject();
        return FormViewBuilder.Build(FormSession.Open(loaded, document, new FormSessionOptions { Today = Today }));
    }

    private static byte[] Bytes(FormView view, RenderOptions options)
    {
        using var stream = new MemoryStream();
        new TextRenderer().Render(view, options, stream);
        return stream.ToArray();
    }

    private static string Render(FormView view, RenderOptions options) => Encoding.UTF8.GetString(Bytes(view, options));

    [Test]
    public void A_repeat_group_of_short_questions_is_a_table_in_a_record_with_bars_in_answers_escaped()
    {
        const string yaml = """
            id: household_table
            sections:
              - id: household
                questions:
                  - id: members
                    type: repeat
                    questions:
                      - { id: name, type: text, label: Name }
                      - { id: age, type: number, label: Age }
                      - { id: school, type: text, label: School, show_if: age < 19 }
                  - id: visits
                    type: repeat
                    questions:
                      - { id: notes, type: textarea, label: Notes }
            """;
        var session = TestTemplates.Open("""{"household": {"members": [{"name": "Ann | Bo", "age": 30}, {"name": "Cy", "age": 9, "school": "Ysgol"}], "visits": [{"notes": "Seen at home"}]}}""", yaml);

        var text = Render(FormViewBuilder.Build(session), new RenderOptions());

        Assert.That(text, Does.Contain("| Name | Age | School |\n| --- | --- | --- |\n| Ann \\| Bo | 30 |  |\n| Cy | 9 | Ysgol |\n"));
        Assert.That(text, Does.Contain("#### visits 1").And.Contain("**Notes**: Seen at home"), "a group with long text keeps its items one after another");
    }
}
