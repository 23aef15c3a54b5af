using System.Text;
using FormEngine.Evaluation;

namespace FormEngine.Tests.Evaluation;

public class DependencyTests
{
    [Test]
    public void Changing_an_answer_recomputes_only_what_reads_it()
    {
        // Fifty independent sections, each with a question and a dependent question.
        var yaml = new StringBuilder("id: wide\nsections:\n");
        for (var i = 0; i < 50; i++)
        {
            yaml.Append($"  - id: s{i}\n    questions:\n      - {{ id: a, type: number }}\n      - {{ id: b, type: text, show_if: s{i}.a > 1 }}\n");
        }

        var session = FormSession.Open(TestTemplates.Load(yaml.ToString()), null, new FormSessionOptions { Today = TestTemplates.Today });
        var before = session.ValueComputations;
        session.Set("s7.a", 5);
        Assert.That(session.ValueComputations - before, Is.EqualTo(2), "s7.a itself and s7.b, nothing else");
        Assert.That(session.IsVisible("s7.b"), Is.True);
        Assert.That(session.IsVisible("s8.b"), Is.False);
    }

    [Test]
    public void Unchanged_result_stops_the_recalculation_there()
    {
        var yaml = """
            id: chain
            sections:
              - id: s
                questions:
                  - { id: a, type: number }
                  - { id: b, type: number, show_if: s.a > 0 }
                  - { id: c, type: text, show_if: answered(s.b) }
            """;
        var session = TestTemplates.Open("""{"s": {"a": 1, "b": 2}}""", yaml);
        var before = session.ValueComputations;
        session.Set("s.a", 3);
        Assert.That(session.ValueComputations - before, Is.EqualTo(2), "a changes; b is recomputed but stays shown with the same value, so c is not");
    }

    [Test]
    public void Dependency_cycle_is_reported_with_its_chain()
    {
        var result = FormTemplate.LoadFromText("""
            id: loop
            sections:
              - id: s
                questions:
                  - { id: total, type: calculated, value: s.other + 1 }
                  - { id: other, type: calculated, value: s.total * 2 }
            """);
        var error = result.Diagnostics.Single(d => d.Code == "FET0017");
        Assert.That(error.Message, Does.Contain("s.total -> s.other -> s.total"));
    }
}
