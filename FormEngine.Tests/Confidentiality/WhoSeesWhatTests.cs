using System.Text.Json.Nodes;
using FormEngine.Evaluation;
using FormEngine.Renderers;
using FormEngine.Views;

namespace FormEngine.Tests.Confidentiality;

/// <summary>
/// An author decides who sees the flags, the case summary and helper calculations: <c>audiences</c> on a
/// flag, <c>case_summary: { audiences }</c>, and <c>display: false</c> on a question. A child's own copy of a
/// record then opens without practitioner instructions.
/// </summary>
public class WhoSeesWhatTests
{
    private const string Template = """
        id: early_help
        title: Early help
        audiences: [practitioner, child]
        case_summary:
          audiences: [practitioner]
        choices:
          yes_no: [yes, no]
        sections:
          - id: school
            title: School
            questions:
              - { id: name, type: text, label: Name, summary: true }
              - { id: absences, type: number, label: Days missed this term }
              - { id: significant, type: calculated, label: Domains with significant needs, value: "if(school.absences > 10, 1, 0)", display: false }
              - { id: support, type: text, label: What would help at school?, show_if: "school.significant > 0" }
              - { id: upn, type: text, label: Unique pupil number, display: false }
        flags:
          - id: absence
            when: "school.absences > 10"
            message: "CONCERN Persistent absence: talk to the school attendance team."
            audiences: [practitioner]
          - id: for_everyone
            when: "school.absences > 10"
            message: We will talk about school together.
        """;

    private static FormSession Session() =>
        FormSession.Open(TestTemplates.Load(Template), JsonNode.Parse("""{"school": {"name": "Sam", "absences": 14, "support": "A quiet place", "upn": "A123456789012"}}""")!.AsObject(), new FormSessionOptions { Today = TestTemplates.Today });

    /// <summary>The output as text, without the HTML page's style sheet (whose comments name its parts).</summary>
    private static string Render(string audience, string format, OutputMode mode) =>
        LeakProbe.Squash(System.Text.RegularExpressions.Regex.Replace(
            LeakProbe.Render(Session(), new ViewOptions { Audience = audience }, format, mode, "plain", out _), "<style>.*?</style>", string.Empty, System.Text.RegularExpressions.RegexOptions.Singleline));

    [TestCase("text")]
    [TestCase("html")]
    [TestCase("pdf")]
    public void A_flag_for_practitioners_is_not_raised_in_the_childs_copy_but_one_for_everyone_is(string format)
    {
        Assert.That(Render("child", format, OutputMode.Record), Does.Not.Contain("Persistent absence").And.Contain("We will talk about school together."));
        Assert.That(Render("practitioner", format, OutputMode.Record), Does.Contain("Persistent absence").And.Contain("We will talk about school together."));
    }

    [TestCase("text")]
    [TestCase("html")]
    [TestCase("pdf")]
    public void The_case_summary_is_only_for_the_audiences_the_template_names(string format)
    {
        var words = Wording.For("en");
        Assert.That(Render("child", format, OutputMode.Record), Does.Not.Contain(words.Summary).And.Not.Contain(words.KeyFacts));
        Assert.That(Render("practitioner", format, OutputMode.Record), Does.Contain(words.Summary).And.Contain(words.KeyFacts));
        Assert.That(FormViewBuilder.Build(Session(), new ViewOptions { Audience = "child" }).Summary, Is.Null);
    }

    [TestCase("text", OutputMode.Form)]
    [TestCase("text", OutputMode.Record)]
    [TestCase("text", OutputMode.Blank)]
    [TestCase("html", OutputMode.Form)]
    [TestCase("html", OutputMode.Record)]
    [TestCase("html", OutputMode.Blank)]
    [TestCase("pdf", OutputMode.Record)]
    [TestCase("pdf", OutputMode.Blank)]
    public void A_question_not_for_display_is_not_shown_even_to_practitioners(string format, OutputMode mode)
    {
        // A paper form's routing may still name it ("only if 'Domains with significant needs' is more than 0"): it is
        // worked out from answers on the form; the question itself is not printed.
        var output = Render("practitioner", format, mode).Replace("'Domains with significant needs'", string.Empty, StringComparison.Ordinal).Replace("&#39;Domains with significant needs&#39;", string.Empty, StringComparison.Ordinal);
        Assert.That(output, Does.Not.Contain("Domains with significant needs").And.Not.Contain("Unique pupil number").And.Not.Contain("A123456789012"));
    }

    [TestCase("text")]
    [TestCase("html")]
    [TestCase("pdf")]
    public void A_question_not_for_display_is_shown_in_audit_output(string format)
    {
        Assert.That(Render("practitioner", format, OutputMode.Audit), Does.Contain("Domains with significant needs").And.Contain("A123456789012"));
    }

    [Test]
    public void A_question_not_for_display_is_read_by_rules_and_exported()
    {
        var session = Session();
        Assert.That(session.Evaluate().Visible, Does.Contain("school.support"));
        var export = AnswerExport.ForAudience(session, new ViewOptions { Audience = "practitioner" });
        Assert.That(export["school"]!["upn"]!.GetValue<string>(), Is.EqualTo("A123456789012"));
    }
}
