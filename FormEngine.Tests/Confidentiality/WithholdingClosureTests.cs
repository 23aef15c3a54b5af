using System.Text.Json.Nodes;
using FormEngine.Diagnostics;
using FormEngine.Evaluation;
using FormEngine.Renderers;
using FormEngine.Views;

namespace FormEngine.Tests.Confidentiality;

/// <summary>
/// Withholding is closed under dependency: a public question, calculation, message or flag that depends,
/// through any chain of rules, on a third-party answer or on a question not meant for the reader is
/// withheld from that reader too. Each case below is a way a parent could otherwise learn the police's answer
/// or the practitioner's note.
/// </summary>
public class WithholdingClosureTests
{
    private const string Template = """
        id: closure
        title: Closure
        audiences: [practitioner, parent, child]
        sensitivity:
          third_party:
            label: third-party information
            audiences: [practitioner]
        choices:
          yes_no: [yes, no]
        sections:
          - id: police
            title: Police
            sensitivity: third_party
            questions:
              - { id: has_record, type: choice, choices: yes_no, label: Has a record }
              - { id: incidents, type: repeat, label: Incidents, questions: [ { id: what, type: text, label: What } ] }
          - id: staff
            title: Staff
            questions:
              - { id: worker_note, type: text, label: Worker note, audiences: [practitioner] }
              - { id: shout, type: calculated, label: Shout, value: "upper(staff.worker_note)" }
          - id: public
            title: Public
            validate:
              - rule: "police.has_record = 'no'"
                message: SECTION-MESSAGE-CANARY
            questions:
              - { id: name, type: text, label: Name }
              - id: checked
                type: text
                label: Checked
                validate:
                  - rule: "police.has_record = 'no'"
                    message: QUESTION-MESSAGE-CANARY
              - { id: must, type: text, label: Must answer, required: "police.has_record = 'yes'" }
              - { id: gated, type: text, label: Gated, show_if: "police.has_record = 'yes'" }
              - { id: two_hops, type: text, label: Two hops, show_if: "answered(public.gated)" }
              - { id: calc, type: calculated, label: Calc, value: "if(answered(public.gated), 'CALC-CANARY', 'fine')" }
              - { id: incident_count, type: calculated, label: Number of incidents, value: "count(police.incidents)" }
        flags:
          - { id: two_hop_flag, when: "answered(public.two_hops)", message: FLAG-CANARY-TWO-HOPS }
          - { id: note_flag, when: "answered(staff.worker_note)", message: FLAG-CANARY-NOTE }
        """;

    // The police have a record, three incidents; the practitioner wrote a note. A parent must learn none of it.
    private const string Secret = """
        {
          "police": { "has_record": "yes", "incidents": [ { "what": "INCIDENT-CANARY" }, { "what": "b" }, { "what": "c" } ] },
          "staff": { "worker_note": "worker-note-canary" },
          "public": { "name": "Sam", "checked": "CHECKED-CANARY", "must": "MUST-CANARY", "gated": "GATED-CANARY", "two_hops": "TWO-HOPS-CANARY" }
        }
        """;

    // The same public answers with nothing for the police or the practitioner.
    private const string Quiet = """
        {
          "police": { "has_record": "no" },
          "public": { "name": "Sam", "checked": "CHECKED-CANARY", "must": "MUST-CANARY" }
        }
        """;

    private static readonly string[] Canaries =
    [
        "SECTION-MESSAGE-CANARY", "QUESTION-MESSAGE-CANARY", "INCIDENT-CANARY", "worker-note-canary", "WORKER-NOTE-CANARY",
        "CHECKED-CANARY", "MUST-CANARY", "GATED-CANARY", "TWO-HOPS-CANARY", "CALC-CANARY", "FLAG-CANARY-TWO-HOPS", "FLAG-CANARY-NOTE",
    ];

    private static FormTemplate Load() => TestTemplates.Load(Template);

    private static FormSession Open(string answers) =>
        FormSession.Open(Load(), JsonNode.Parse(answers)!.AsObject(), new FormSessionOptions { Today = TestTemplates.Today });

    private static IEnumerable<TestCaseData> Outputs() =>
        from audience in new[] { "parent", "child" }
        from output in LeakProbe.Outputs()
        select new TestCaseData(audience, output.Format, output.Mode, output.Theme);

    [TestCaseSource(nameof(Outputs))]
    public void Nothing_that_depends_on_a_withheld_answer_reaches_the_reader(string audience, string format, OutputMode mode, string theme)
    {
        var text = LeakProbe.Render(Open(Secret), new ViewOptions { Audience = audience }, format, mode, theme, out var bytes);
        foreach (var canary in Canaries)
        {
            Assert.That(text, Does.Not.Contain(canary), $"{canary} reached {audience} in {format}/{mode}/{theme}");
            Assert.That(LeakProbe.Contains(bytes, canary), Is.False, $"{canary} is in the bytes of {format}/{mode}/{theme} for {audience}");
        }

        // "Incidents: 3", "3 items", "Incidents 3": how many a withheld group has is itself withheld.
        Assert.That(LeakProbe.Squash(text), Does.Not.Match("Incidents?:? 3|Incidents 2"));
    }

    [TestCaseSource(nameof(Outputs))]
    public void What_a_reader_sees_does_not_vary_with_answers_withheld_from_them(string audience, string format, OutputMode mode, string theme)
    {
        var options = new ViewOptions { Audience = audience };
        LeakProbe.Render(Open(Secret), options, format, mode, theme, out var secret);
        LeakProbe.Render(Open(Quiet), options, format, mode, theme, out var quiet);
        Assert.That(secret, Is.EqualTo(quiet), $"The {format}/{mode}/{theme} output for {audience} changes with the police's and practitioner's answers");
    }

    [TestCase("parent")]
    [TestCase("child")]
    public void Export_and_explanations_carry_nothing_that_depends_on_a_withheld_answer(string audience)
    {
        var options = new ViewOptions { Audience = audience };
        var secret = LeakProbe.ExportAndExplanations(Open(Secret), options);
        foreach (var canary in Canaries)
        {
            Assert.That(secret, Does.Not.Contain(canary));
        }

        Assert.That(secret, Is.EqualTo(LeakProbe.ExportAndExplanations(Open(Quiet), options)));
        Assert.That(secret, Does.Contain("Sam"));
    }

    [Test]
    public void The_practitioner_sees_everything_the_parent_may_not()
    {
        var view = FormViewBuilder.Build(Open(Secret), new ViewOptions { Audience = "practitioner" });
        var text = LeakProbe.Render(Open(Secret), new ViewOptions { Audience = "practitioner" }, "text", OutputMode.Audit, "plain", out _);
        Assert.That(text, Does.Contain("GATED-CANARY").And.Contain("TWO-HOPS-CANARY").And.Contain("CALC-CANARY").And.Contain("WORKER-NOTE-CANARY").And.Contain("INCIDENT-CANARY"));
        Assert.That(view.Flags.Select(f => f.Id), Is.EquivalentTo(new[] { "two_hop_flag", "note_flag" }));
        Assert.That(view.Errors.Select(e => e.Message), Does.Contain("SECTION-MESSAGE-CANARY").And.Contain("QUESTION-MESSAGE-CANARY"));
    }

    [Test]
    public void A_parent_sees_placeholders_where_answers_depend_on_withheld_ones_and_nothing_of_questions_shown_because_of_them()
    {
        var view = FormViewBuilder.Build(Open(Secret), new ViewOptions { Audience = "parent" });
        var byPath = view.AllElements().ToDictionary(e => e.Path);
        Assert.Multiple(() =>
        {
            Assert.That(byPath["public.name"].Withheld, Is.False);
            Assert.That(((QuestionView)byPath["public.name"]).DisplayValue, Is.EqualTo("Sam"));
            foreach (var path in new[] { "public.checked", "public.must", "public.calc", "public.incident_count", "staff.shout" })
            {
                Assert.That(byPath[path].Withheld, Is.True, path);
                Assert.That(byPath[path].Required || byPath[path].Missing || byPath[path].Errors.Count > 0, Is.False, path);
            }

            foreach (var path in new[] { "public.gated", "public.two_hops" })
            {
                Assert.That(byPath[path].Visible, Is.False, path);
            }

            Assert.That(byPath.ContainsKey("staff.worker_note"), Is.False);
            Assert.That(((QuestionView)byPath["police.incidents"]).Items, Is.Empty);
            Assert.That(view.Flags, Is.Empty);
            Assert.That(view.Errors, Is.Empty);
            Assert.That(view.Missing, Is.Empty);
        });
    }

    [Test]
    public void Validate_warns_where_public_information_depends_on_withheld_information()
    {
        var warnings = Load().Warnings.Where(w => w.Code == DiagnosticCodes.DependsOnWithheld).Select(w => $"{w.Line}:{w.Column} {w.Message}").ToList();
        Assert.That(warnings, Does.Contain("36:57 `public.gated` will be withheld from parent and child, because its show_if reads `police.has_record`, which they may not see: parent and child will not see it at all."));
        Assert.That(warnings, Does.Contain("37:63 `public.two_hops` will be withheld from parent and child, because its show_if reads `public.gated`, which they may not see: parent and child will not see it at all."));
        Assert.That(warnings.Single(w => w.Contains("`staff.shout`", StringComparison.Ordinal)), Does.StartWith("21:61 ").And.Contain("its value reads `staff.worker_note`"));
        Assert.That(warnings.Single(w => w.Contains("`note_flag`", StringComparison.Ordinal)), Does.Contain("will never be raised for parent and child"));
        // Questions inside the marked police section are withheld because they are marked, not by surprise.
        Assert.That(warnings, Has.None.Match("^[0-9]+:[0-9]+ `police[.]"));
        Assert.That(warnings, Has.Count.EqualTo(10));
    }
}
