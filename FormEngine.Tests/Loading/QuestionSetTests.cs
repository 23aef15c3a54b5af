using System.Text.Json.Nodes;
using FormEngine.Analysis;
using FormEngine.Diagnostics;
using FormEngine.Evaluation;
using FormEngine.Templates;

namespace FormEngine.Tests.Loading;

/// <summary><c>question_sets:</c> written once and put into sections and repeat groups with <c>use:</c>.</summary>
public class QuestionSetTests
{
    private const string People = """
        id: people
        question_sets:
          person:
            - { id: name, type: text, label: Full name, required: true }
            - { id: dob, type: date, label: Date of birth }
            - { id: age, type: calculated, value: age(dob) }
            - { id: school, type: text, label: School or nursery, show_if: age >= 4 and age < 19 }
        sections:
          - id: child
            questions:
              - use: person
          - id: household
            questions:
              - id: members
                type: repeat
                add_label: Add another family member
                questions:
                  - use: person
                  - { id: relationship, type: text, label: Relationship to the child }
        """;

    [Test]
    public void A_set_used_in_a_section_and_a_repeat_group_gives_each_place_its_own_questions()
    {
        var template = TestTemplates.Load(People);

        Assert.That(template.Sections[0].Questions.Select(q => q.Path), Is.EqualTo(new[] { "child.name", "child.dob", "child.age", "child.school" }));
        var members = (Question)template.Find("household.members")!;
        Assert.That(members.Questions.Select(q => q.Path), Is.EqualTo(new[]
        {
            "household.members.name", "household.members.dob", "household.members.age", "household.members.school", "household.members.relationship",
        }));
    }

    [Test]
    public void Bare_names_in_a_set_read_the_set_questions_where_it_is_used()
    {
        var session = FormSession.Open(TestTemplates.Load(People), JsonNode.Parse("""
            {
              "child": { "name": "Amy", "dob": "2018-03-01" },
              "household": { "members": [ { "name": "Bo", "dob": "1990-05-05" }, { "name": "Cy", "dob": "2021-01-01" } ] }
            }
            """)!.AsObject(), new FormSessionOptions { Today = TestTemplates.Today });

        Assert.That(session.GetValue("child.age").ToString(), Is.EqualTo("8"));
        Assert.That(session.GetValue("household.members[0].age").ToString(), Is.EqualTo("36"));
        Assert.That(session.GetValue("household.members[1].age").ToString(), Is.EqualTo("5"));
        Assert.That(session.Explain("child.school").Visible, Is.True, "the child is 8");
        Assert.That(session.Explain("household.members[0].school").Visible, Is.False, "Bo is 36");
        Assert.That(session.Explain("household.members[1].school").Visible, Is.True, "Cy is 5");
    }

    [Test]
    public void A_set_may_use_another_set()
    {
        var template = TestTemplates.Load("""
            id: t
            question_sets:
              contact:
                - { id: phone, type: text }
              person:
                - { id: name, type: text }
                - use: contact
                - { id: reachable, type: calculated, value: answered(phone) }
            sections:
              - id: carer
                questions:
                  - use: person
              - id: worker
                questions:
                  - use: person
            """);

        Assert.That(template.Sections[1].Questions.Select(q => q.Path), Is.EqualTo(new[] { "worker.name", "worker.phone", "worker.reachable" }));
        var session = FormSession.Open(template, JsonNode.Parse("""{ "worker": { "phone": "01234" } }""")!.AsObject(), new FormSessionOptions { Today = TestTemplates.Today });
        Assert.That(session.GetValue("worker.reachable").ToString(), Is.EqualTo("true"));
        Assert.That(session.GetValue("carer.reachable").ToString(), Is.EqualTo("false"));
    }

    [Test]
    public void A_rule_error_inside_a_set_points_at_the_line_in_the_set_and_names_each_use()
    {
        var result = FormTemplate.LoadFromText("""
            id: t
            question_sets:
              person:
                - { id: dob, type: date }
                - { id: age, type: calculated, value: age(dbo) }
            sections:
              - id: child
                questions:
                  - use: person
              - id: mother
                questions:
                  - use: person
            """);

        var errors = result.Diagnostics.Where(d => d.IsError).ToList();
        Assert.That(errors, Has.Count.EqualTo(2), string.Join(Environment.NewLine, errors));
        Assert.That(errors.Select(e => (e.Line, e.Column)), Is.All.EqualTo((5, 47)), "the unknown name, in the set");
        Assert.That(errors[0].Message + errors[1].Message, Does.Contain("used in `child` at template.yaml:9:14").And.Contain("used in `mother` at template.yaml:12:14"));
        Assert.That(errors[0].Suggestion, Does.Contain("dob"));
    }

    [Test]
    public void A_set_whose_question_clashes_with_one_beside_its_use_is_reported_at_the_use()
    {
        var result = FormTemplate.LoadFromText("""
            id: t
            question_sets:
              person:
                - { id: name, type: text }
            sections:
              - id: child
                questions:
                  - { id: name, type: text }
                  - use: person
            """);

        var error = result.Diagnostics.Single(d => d.IsError);
        Assert.That((error.Code, error.Line, error.Column), Is.EqualTo((DiagnosticCodes.DuplicateId, 9, 14)), error.ToString());
        Assert.That(error.Message, Does.Contain("question set `person`").And.Contain("template.yaml:4:7").And.Contain("template.yaml:8:9"));
    }

    [Test]
    public void The_burden_report_does_not_count_a_set_used_twice_as_repetition()
    {
        var template = TestTemplates.Load(People);
        var report = BurdenAnalyzer.Analyze(template, [], TestTemplates.Today);
        Assert.That(report.NearRepeats, Is.Empty, string.Join(Environment.NewLine, report.NearRepeats));

        var written = TestTemplates.Load("""
            id: t
            sections:
              - id: child
                questions:
                  - { id: name, type: text, label: Full name of the person }
              - id: mother
                questions:
                  - { id: name, type: text, label: Full name of the person }
            """);
        Assert.That(BurdenAnalyzer.Analyze(written, [], TestTemplates.Today).NearRepeats, Has.Count.EqualTo(1), "the same label written twice is still found");
    }

    [TestCase("use: persn", DiagnosticCodes.UnknownQuestionSet, 8, "Did you mean `person`")]
    [TestCase("use: person\n        label: Person", DiagnosticCodes.UnknownKey, 9, "use")]
    [TestCase("use:", DiagnosticCodes.WrongShape, 8, "needs the name of a question set")]
    public void A_broken_use_is_reported_at_its_line(string use, string code, int line, string wording)
    {
        var result = FormTemplate.LoadFromText($"""
            id: t
            question_sets:
              person:
                - {"{"} id: name, type: text {"}"}
            sections:
              - id: child
                questions:
                  - {use}
            """);

        var error = result.Diagnostics.First(d => d.IsError);
        Assert.That((error.Code, error.Line), Is.EqualTo((code, line)), string.Join(Environment.NewLine, result.Diagnostics));
        Assert.That(error.Message + " " + error.Suggestion, Does.Contain(wording));
    }

    [Test]
    public void Sets_that_use_each_other_in_a_loop_are_reported_with_the_loop()
    {
        var result = FormTemplate.LoadFromText("""
            id: t
            question_sets:
              a:
                - { id: x, type: text }
                - use: b
              b:
                - use: a
            sections:
              - id: s
                questions:
                  - use: a
            """);

        var error = result.Diagnostics.Single(d => d.IsError);
        Assert.That(error.Code, Is.EqualTo(DiagnosticCodes.QuestionSetCycle), error.ToString());
        Assert.That(error.Message, Does.Contain("a -> b -> a"));
        Assert.That(error.Line, Is.EqualTo(7));
    }

    [Test]
    public void A_set_may_live_in_an_included_file()
    {
        var folder = Directory.CreateTempSubdirectory("formengine-sets-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "people.yaml"), """
                question_sets:
                  person:
                    - { id: name, type: text }
                """);
            File.WriteAllText(Path.Combine(folder.FullName, "main.yaml"), """
                id: t
                include: [people.yaml]
                sections:
                  - id: child
                    questions:
                      - use: person
                """);
            var result = FormTemplate.Load(Path.Combine(folder.FullName, "main.yaml"));
            Assert.That(result.Success, Is.True, string.Join(Environment.NewLine, result.Diagnostics));
            Assert.That(result.Template!.Find("child.name"), Is.Not.Null);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
