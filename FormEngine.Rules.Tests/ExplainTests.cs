using FormEngine.Rules.Tests.Support;

namespace FormEngine.Rules.Tests;

/// <summary>Explanations show the rule, the answers filled in, each simplification and the result.</summary>
public sealed class ExplainTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static RuleExplanation Explain(string source, FakeData data, RuleSymbol? scope = null, params int[] indexes) =>
        Rule.Compile(source, TestTemplate.Symbols, new RuleCompileOptions { Scope = scope }).Explain(data, Today, indexes);

    [Test]
    public void Age_rule_is_explained_step_by_step()
    {
        var data = new FakeData().Set(TestTemplate.ChildDob, RuleValue.FromDate(new DateOnly(2017, 3, 2)));
        var explanation = Explain("age(child.dob) < 5", data);
        Assert.That(explanation.Steps, Is.EqualTo(new[] { "age(child.dob) < 5", "age(2017-03-02) < 5", "9 < 5", "false" }));
        Assert.That(explanation.ToString(), Is.EqualTo("age(child.dob) < 5 → age(2017-03-02) < 5 → 9 < 5 → false"));
        Assert.That(explanation.IsTrue, Is.False);
        Assert.That(explanation.Result, Is.EqualTo(RuleValue.False));
    }

    [Test]
    public void Unanswered_question_shows_as_null()
    {
        var explanation = Explain("child.has_disability = 'yes' or child.age > 5", new FakeData());
        Assert.That(explanation.Steps, Is.EqualTo(new[]
        {
            "child.has_disability = 'yes' or child.age > 5",
            "null = 'yes' or null > 5",
            "false or false",
            "false",
        }));
    }

    [Test]
    public void Multichoice_answer_shows_as_a_list()
    {
        var data = new FakeData().Set(TestTemplate.DisabilityTypes, RuleValue.FromList([RuleValue.FromText("MOB"), RuleValue.FromText("COMM")]));
        var explanation = Explain("'COMM' in disability.types", data);
        Assert.That(explanation.Steps, Is.EqualTo(new[] { "'COMM' in disability.types", "'COMM' in ['MOB', 'COMM']", "true" }));
        Assert.That(explanation.IsTrue, Is.True);
    }

    [Test]
    public void Repeat_conditions_are_shown_as_written_and_reduced_in_one_step()
    {
        var data = new FakeData()
            .AddItem(TestTemplate.Members, new Dictionary<RuleSymbol, RuleValue> { [TestTemplate.MemberAge] = RuleValue.FromNumber(34) })
            .AddItem(TestTemplate.Members, new Dictionary<RuleSymbol, RuleValue> { [TestTemplate.MemberAge] = RuleValue.FromNumber(3) });
        var explanation = Explain("any(household.members, age < 5) and sum(household.members.age) > 30", data);
        Assert.That(explanation.Steps, Is.EqualTo(new[]
        {
            "any(household.members, age < 5) and sum(household.members.age) > 30",
            "any(household.members, age < 5) and sum([34, 3]) > 30",
            "true and 37 > 30",
            "true and true",
            "true",
        }));
    }

    [Test]
    public void Rule_inside_a_repeat_item_explains_with_that_items_answers()
    {
        var data = new FakeData()
            .AddItem(TestTemplate.Members, new Dictionary<RuleSymbol, RuleValue> { [TestTemplate.MemberAge] = RuleValue.FromNumber(34) })
            .AddItem(TestTemplate.Members, new Dictionary<RuleSymbol, RuleValue> { [TestTemplate.MemberAge] = RuleValue.FromNumber(3) });
        var explanation = Explain("age < 5", data, TestTemplate.Members, 1);
        Assert.That(explanation.Steps, Is.EqualTo(new[] { "age < 5", "3 < 5", "true" }));
    }

    [Test]
    public void Constant_rule_has_no_answer_step()
    {
        var explanation = Explain("round(2.5, 0) = 3", new FakeData());
        Assert.That(explanation.Steps, Is.EqualTo(new[] { "round(2.5, 0) = 3", "3 = 3", "true" }));
    }

    [Test]
    public void Text_values_are_printed_as_quoted_literals()
    {
        var data = new FakeData().Set(TestTemplate.ChildName, RuleValue.FromText("O'Brien"));
        var explanation = Explain("lower(child.name) = 'o\\'brien'", data);
        Assert.That(explanation.Steps, Is.EqualTo(new[]
        {
            "lower(child.name) = 'o\\'brien'",
            "lower('O\\'Brien') = 'o\\'brien'",
            "'o\\'brien' = 'o\\'brien'",
            "true",
        }));
    }
}
