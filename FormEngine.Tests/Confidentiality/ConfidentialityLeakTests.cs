using System.Text.Json.Nodes;
using FormEngine.Evaluation;
using FormEngine.Renderers;
using FormEngine.Views;

namespace FormEngine.Tests.Confidentiality;

/// <summary>
/// Distinctive strings are seeded into answers at every sensitivity level; for every audience that may
/// not see a level, in every format, mode and theme, not one of those strings may appear in the output,
/// while the placeholder does. The same answers rendered for an audience that may see them must appear,
/// so the test cannot pass by rendering nothing.
/// </summary>
public class ConfidentialityLeakTests
{
    private const string Template = """
        id: leaks
        title: Leak check
        audiences: [practitioner, manager, parent, child]
        sensitivity:
          third_party:
            label: third-party information
            audiences: [practitioner, manager]
          restricted:
            label: restricted information
            audiences: [manager]
        choices:
          yes_no: [yes, no]
          secret_choices:
            - { value: plain, label: Plain }
            - { value: secret, label: CHOICE-LABEL-SECRET-0451 }
        sections:
          - id: child
            title: About the child
            questions:
              - { id: name, type: text, label: Name, summary: true }
          - id: parent
            title: Parent's health
            sensitivity: third_party
            questions:
              - { id: diagnosis, type: text, label: Diagnosis, summary: true }
              - { id: kind, type: choice, choices: secret_choices, label: Kind }
              - { id: medication, type: textarea, label: Medication, show_if: "parent.kind = 'secret'" }
              - { id: severity, type: number, label: Severity, max: 5 }
          - id: police
            title: Police information
            questions:
              - { id: intelligence, type: text, label: Intelligence, sensitivity: restricted }
              - { id: derived, type: calculated, value: "upper(police.intelligence) + '-DERIVED'" }
              - { id: visits, type: repeat, sensitivity: restricted, questions: [ { id: note, type: text } ] }
          - id: ok
            title: Shared
            questions:
              - { id: hidden_by_secret, type: text, label: Follow-up, show_if: "parent.diagnosis = 'nothing'" }
              - { id: shown_by_secret, type: text, label: SHOWN-LABEL-SECRET-3307, show_if: "answered(parent.diagnosis)" }
        flags:
          - id: reads_secret
            when: answered(parent.diagnosis)
            message: A flag whose rule reads third-party information.
        """;

    private const string Answers = """
        {
          "child": { "name": "Sam" },
          "parent": { "diagnosis": "DIAGNOSIS-SECRET-7731", "kind": "secret", "medication": "MEDICATION-SECRET-2291", "severity": 99 },
          "police": { "intelligence": "intel-secret-5513", "visits": [ { "note": "VISIT-SECRET-8842" } ] },
          "ok": { "hidden_by_secret": "kept", "shown_by_secret": "SHOWN-BECAUSE-SECRET-1902" }
        }
        """;

    // A question shown only because of a third-party answer would tell its reader that answer by appearing,
    // so its label and answer must not reach a restricted audience either.
    private static readonly string[] ThirdParty = ["DIAGNOSIS-SECRET-7731", "MEDICATION-SECRET-2291", "CHOICE-LABEL-SECRET-0451", "A flag whose rule reads third-party information", "SHOWN-BECAUSE-SECRET-1902"];
    private static readonly string[] Restricted = ["intel-secret-5513", "INTEL-SECRET-5513-DERIVED", "VISIT-SECRET-8842"];

    [TestCaseSource(nameof(Cases))]
    public void Withheld_answers_appear_in_no_output_for_an_audience_that_may_not_see_them(string audience, string format, OutputMode mode, string theme)
    {
        var forbidden = audience switch
        {
            "parent" or "child" => ThirdParty.Concat(Restricted).ToArray(),
            "practitioner" => Restricted,
            _ => [],
        };
        var text = Render(audience, format, mode, theme, out var bytes);

        foreach (var secret in forbidden)
        {
            Assert.That(text, Does.Not.Contain(secret), $"{secret} leaked into {format}/{mode}/{theme} for {audience}");
            Assert.That(Contains(bytes, secret), Is.False, $"{secret} leaked into the bytes of {format}/{mode}/{theme} for {audience}");
        }

        if (mode is OutputMode.Record or OutputMode.Audit)
        {
            Assert.That(Squash(text), Does.Contain(audience is "parent" or "child" ? "Information withheld: third-party information" : "Information withheld: restricted information"));
        }
    }

    [TestCase("manager", "pdf")]
    [TestCase("manager", "html")]
    [TestCase("manager", "text")]
    public void An_audience_that_may_see_everything_sees_the_seeded_answers(string audience, string format)
    {
        var text = Render(audience, format, OutputMode.Audit, "plain", out _);
        Assert.That(Squash(text), Does.Contain("DIAGNOSIS-SECRET-7731").And.Contain("intel-secret-5513").And.Contain("VISIT-SECRET-8842").And.Contain("SHOWN-BECAUSE-SECRET-1902"));
    }

    [TestCase("parent")]
    [TestCase("child")]
    [TestCase("practitioner")]
    public void Answer_export_for_an_audience_leaves_withheld_answers_out(string audience)
    {
        var export = AnswerExport.ForAudience(Session(), new ViewOptions { Audience = audience }).ToJsonString();
        foreach (var secret in audience == "practitioner" ? Restricted : ThirdParty.Concat(Restricted))
        {
            Assert.That(export, Does.Not.Contain(secret).IgnoreCase);
        }

        Assert.That(export, Does.Contain("Sam"));
    }

    private static IEnumerable<TestCaseData> Cases()
    {
        foreach (var audience in new[] { "parent", "child", "practitioner" })
        {
            foreach (var mode in Enum.GetValues<OutputMode>())
            {
                yield return new TestCaseData(audience, "text", mode, "plain");
                yield return new TestCaseData(audience, "pdf", mode, "plain");
                yield return new TestCaseData(audience, "html", mode, "plain");
                yield return new TestCaseData(audience, "html", mode, "govuk");
            }
        }
    }

    private static FormSession Session() =>
        FormSession.Open(TestTemplates.Load(Template), JsonNode.Parse(Answers)!.AsObject(), new FormSessionOptions
        {
            Today = TestTemplates.Today,
            PreviousAnswers = JsonNode.Parse("""{"parent": {"diagnosis": "PREVIOUS-DIAGNOSIS-SECRET"}}""")!.AsObject(),
        });

    private static string Render(string audience, string format, OutputMode mode, string theme, out byte[] bytes) =>
        LeakProbe.Render(Session(), new ViewOptions { Audience = audience }, format, mode, theme, out bytes);

    private static string Squash(string text) => LeakProbe.Squash(text);

    private static bool Contains(byte[] haystack, string needle) => LeakProbe.Contains(haystack, needle);
}
