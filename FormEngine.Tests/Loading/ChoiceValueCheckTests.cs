namespace FormEngine.Tests.Loading;

public class ChoiceValueCheckTests
{
    [TestCase("child.has_disability = 'Yes'", 41, "Did you mean 'yes'? Choice values are compared exactly.")]
    [TestCase("\"'COMS' in child.types\"", 19, "Did you mean `COMM`?")]
    [TestCase("child.has_disability in ['yes', 'perhaps']", 50, null)]
    public void Comparing_a_choice_question_with_text_that_is_not_a_choice_is_a_warning(string rule, int column, string? suggestion)
    {
        var result = FormTemplate.LoadFromText($"""
            id: t
            choices:
              yes_no: [yes, no]
            sections:
              - id: child
                questions:
                  - {"{"} id: has_disability, type: choice, choices: yes_no {"}"}
                  - {"{"} id: types, type: multichoice, choices: [MOB, COMM] {"}"}
                  - id: notes
                    type: text
                    show_if: {rule}
            """);
        Assert.That(result.Success, Is.True, "a warning does not stop the template loading");
        var warning = result.Diagnostics.Single();
        Assert.That((warning.Code, warning.Line, warning.Column, warning.Suggestion), Is.EqualTo(("FET0022", 11, column, suggestion)), warning.ToString());
    }
}
