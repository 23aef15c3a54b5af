namespace FormEngine.Tests.Evaluation;

public class CarryForwardTests
{
    private const string Template = """
        id: t
        sections:
          - id: family
            questions:
              - id: members
                type: repeat
                carry_forward: true
                questions:
                  - { id: name, type: text }
                  - { id: age, type: number, carry_forward: true }
              - { id: notes, type: text }
        """;

    [Test]
    public void Repeat_group_marked_carry_forward_brings_all_its_items()
    {
        var session = TestTemplates.Open("{}", Template, previousJson: """{"family": {"members": [{"name": "Ann", "age": 30}, {"name": "Bo", "age": 4}], "notes": "old"}}""");
        Assert.That(session.ItemCount("family.members"), Is.EqualTo(2));
        Assert.That(session.GetValue("family.members[1].name").AsText, Is.EqualTo("Bo"));
        Assert.That(session.GetValue("family.notes").IsNull, Is.True, "notes are not carried forward");
        Assert.That(session.CarriedForward, Is.EqualTo(new[] { "family.members" }));
    }

    [Test]
    public void Carry_forward_inside_a_repeat_group_is_a_warning()
    {
        var result = FormTemplate.LoadFromText(Template);
        Assert.That(result.Success, Is.True);
        var warning = result.Diagnostics.Single();
        Assert.That((warning.Code, warning.Severity, warning.Line), Is.EqualTo(("FET0021", FormEngine.Diagnostics.DiagnosticSeverity.Warning, 10)));
    }

    [Test]
    public void Existing_answers_are_never_overwritten_by_carry_forward()
    {
        var session = TestTemplates.Open("""{"family": {"members": [{"name": "New"}]}}""", Template, previousJson: """{"family": {"members": [{"name": "Old"}]}}""");
        Assert.That(session.GetValue("family.members[0].name").AsText, Is.EqualTo("New"));
        Assert.That(session.CarriedForward, Is.Empty);
    }
}
