using FormEngine.Rules.Tests.Support;

namespace FormEngine.Rules.Tests;

/// <summary>References list every symbol a rule reads, once each, in order of first use; the engine's dependency graph comes from it.</summary>
public sealed class ReferencesTests
{
    private static string[] References(string source, RuleSymbol? scope = null) =>
        Rule.Compile(source, TestTemplate.Symbols, new RuleCompileOptions { Scope = scope }).References.Select(s => s.Path).ToArray();

    [Test]
    public void References_are_distinct_and_in_first_use_order() =>
        Assert.That(References("child.age > 5 and child.has_disability = 'yes' or child.age < 2"),
            Is.EqualTo(new[] { "child.age", "child.has_disability" }));

    [Test]
    public void Any_references_the_group_and_the_fields_read_in_its_condition() =>
        Assert.That(References("any(household.members, age < 5 and name != null)"),
            Is.EqualTo(new[] { "household.members", "household.members.age", "household.members.name" }));

    [Test]
    public void Aggregate_of_a_repeat_field_references_the_group_and_the_field() =>
        Assert.That(References("sum(household.members.age) > 10"), Is.EqualTo(new[] { "household.members", "household.members.age" }));

    [Test]
    public void Count_of_a_group_references_the_group() =>
        Assert.That(References("count(household.members) > 1"), Is.EqualTo(new[] { "household.members" }));

    [Test]
    public void Nested_group_references_every_group_walked() =>
        Assert.That(References("count(household.members.children) > 1"), Is.EqualTo(new[] { "household.members", "household.members.children" }));

    [Test]
    public void Field_read_inside_its_own_group_references_only_the_field() =>
        Assert.That(References("age < 5", TestTemplate.Members), Is.EqualTo(new[] { "household.members.age" }));

    [Test]
    public void Constant_rule_references_nothing() => Assert.That(References("1 + 1 = 2"), Is.Empty);

    [TestCase("today() > referral.date", true)]
    [TestCase("age(child.dob) < 5", true)]
    [TestCase("days_between(referral.date, assessment.start) < 45", false)]
    public void ReadsToday_says_whether_the_result_depends_on_the_evaluation_date(string source, bool expected) =>
        Assert.That(Rule.Compile(source, TestTemplate.Symbols).ReadsToday, Is.EqualTo(expected));

    [Test]
    public void Result_type_is_the_type_of_the_whole_rule()
    {
        Assert.That(Rule.Compile("child.age + 1", TestTemplate.Symbols).ResultType, Is.EqualTo(RuleType.Number));
        Assert.That(Rule.Compile("child.age > 1", TestTemplate.Symbols).ResultType, Is.EqualTo(RuleType.Boolean));
        Assert.That(Rule.Compile("disability.types", TestTemplate.Symbols).ResultType, Is.EqualTo(RuleType.ListOf(RuleType.Text)));
        Assert.That(Rule.Compile("child.dob + 1", TestTemplate.Symbols).Source, Is.EqualTo("child.dob + 1"));
    }
}
