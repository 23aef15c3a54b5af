using FormEngine.Diagnostics;
using FormEngine.Templates;

namespace FormEngine.Tests.Loading;

public class LoadingTests
{
    [Test]
    public void Documented_template_loads_with_its_structure()
    {
        var template = TestTemplates.Load();
        Assert.That(template.Id, Is.EqualTo("single_assessment"));
        Assert.That(template.Sections.Select(s => s.Id), Is.EqualTo(new[] { "child", "disability", "household" }));
        var members = (Question)template.Find("household.members")!;
        Assert.That(members.Questions.Select(q => q.Path), Is.EqualTo(new[] { "household.members.name", "household.members.age", "household.members.school" }));
    }

    [Test]
    public void Choice_values_stay_text_whatever_they_look_like()
    {
        var template = TestTemplates.Load("""
            id: t
            choices:
              odd: [yes, no, on, off, 0123, 1.50, true, ~x]
            sections:
              - id: s
                questions:
                  - { id: q, type: choice, choices: odd }
            """);
        var question = (Question)template.Find("s.q")!;
        Assert.That(question.Choices!.Choices.Select(c => c.Value), Is.EqualTo(new[] { "yes", "no", "on", "off", "0123", "1.50", "true", "~x" }));
    }

    [Test]
    public void Rule_error_position_points_into_the_yaml_file()
    {
        var result = FormTemplate.LoadFromText("""
            id: t
            sections:
              - id: s
                questions:
                  - { id: a, type: number }
                  - { id: b, type: text, show_if: s.a > 5 and s.c = 1 }
            """);
        var error = result.Diagnostics.Single(d => d.IsError);
        Assert.That((error.Line, error.Column), Is.EqualTo((6, 51)), error.ToString());
        Assert.That(error.Message, Does.Contain("s.c"));
    }

    [Test]
    public void Rule_error_inside_a_quoted_rule_points_at_the_character()
    {
        var result = FormTemplate.LoadFromText("""
            id: t
            sections:
              - id: s
                questions:
                  - id: a
                    type: text
                    show_if: "'x' = s.zz"
            """);
        var error = result.Diagnostics.Single(d => d.IsError);
        Assert.That((error.Line, error.Column), Is.EqualTo((7, 25)), error.ToString());
    }

    [Test]
    public void Rule_error_inside_a_block_rule_points_at_its_line()
    {
        var result = FormTemplate.LoadFromText("""
            id: t
            sections:
              - id: s
                questions:
                  - { id: a, type: number }
                  - id: b
                    type: text
                    show_if: >-
                      s.a > 5
                      and s.missing = 2
            """);
        var error = result.Diagnostics.Single(d => d.IsError);
        Assert.That((error.Line, error.Column), Is.EqualTo((10, 15)), error.ToString());
    }

    [Test]
    public void Rule_starting_with_a_quote_gets_told_to_quote_it_whole()
    {
        var result = FormTemplate.LoadFromText("""
            id: t
            sections:
              - id: s
                questions:
                  - id: a
                    type: text
                    show_if: 'COMM' in s.x
            """);
        var error = result.Diagnostics.Single();
        Assert.That((error.Code, error.Line), Is.EqualTo(("FET0001", 7)));
        Assert.That(error.Suggestion, Is.EqualTo("A value that starts with a quote must be quoted whole: write `show_if: \"'COMM' in s.x\"`."));
    }

    [Test]
    public void Every_error_is_reported_in_one_pass()
    {
        var result = FormTemplate.LoadFromText("""
            id: Bad Id
            sections:
              - id: s
                titel: Oops
                questions:
                  - { id: a, type: numbr }
                  - { id: a, type: text }
                  - { id: c, type: choice, choices: nope }
            """);
        Assert.That(result.Success, Is.False);
        Assert.That(result.Diagnostics.Select(d => d.Code), Is.SupersetOf(new[]
        {
            DiagnosticCodes.InvalidId, DiagnosticCodes.UnknownKey, DiagnosticCodes.UnknownQuestionType,
            DiagnosticCodes.DuplicateId, DiagnosticCodes.UnknownChoiceList,
        }));
    }

    [Test]
    public void Diagnostic_prints_as_file_line_column_severity_code_message()
    {
        var diagnostic = new Diagnostic("FET0006", DiagnosticSeverity.Error, "Unknown key `titel` in a section.", "a.yaml", 4, 5, 5, "Did you mean `title`?");
        Assert.That(diagnostic.ToString(), Is.EqualTo("a.yaml:4:5: error FET0006: Unknown key `titel` in a section. Did you mean `title`?"));
    }

    [Test]
    public void Loaded_template_is_shared_safely_between_threads()
    {
        var template = TestTemplates.Load();
        var results = new string[Environment.ProcessorCount * 4];
        Parallel.For(0, results.Length, i =>
        {
            var session = FormEngine.Evaluation.FormSession.Open(template, null, new FormEngine.Evaluation.FormSessionOptions { Today = TestTemplates.Today });
            session.Set("child.dob", "2022-01-01");
            session.Set("child.has_disability", i % 2 == 0 ? "yes" : "no");
            results[i] = FormEngine.Evaluation.EvaluationJson.Write(session.Evaluate());
        });
        Assert.That(results.Where((_, i) => i % 2 == 0).Distinct().Count(), Is.EqualTo(1));
        Assert.That(results.Where((_, i) => i % 2 == 1).Distinct().Count(), Is.EqualTo(1));
    }
}
