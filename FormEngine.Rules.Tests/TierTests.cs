using FormEngine.Rules.Tests.Support;

namespace FormEngine.Rules.Tests;

/// <summary>The evaluation tiers: closures by default, IL when asked for, and adaptive promotion from one to the other.</summary>
public sealed class TierTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static FakeData Data(decimal age) => new FakeData()
        .Set(TestTemplate.ChildAge, RuleValue.FromNumber(age))
        .Set(TestTemplate.ChildHasDisability, RuleValue.FromText("yes"));

    [Test]
    public void Adaptive_rule_is_compiled_to_IL_when_it_reaches_its_threshold_and_keeps_its_values()
    {
        var rule = Rule.Compile("child.age < 5 and child.has_disability = 'yes'", TestTemplate.Symbols,
            new RuleCompileOptions { Tier = RuleEvaluationTier.Adaptive, AdaptiveThreshold = 3 });
        var young = Data(3);
        var older = Data(9);

        Assert.That(rule.IsTrue(young, Today), Is.True);
        Assert.That(rule.Evaluate(older, Today), Is.EqualTo(RuleValue.False));
        Assert.That(rule.IsCompiledToIL, Is.False, "two evaluations are below the threshold of three");

        Assert.That(rule.IsTrue(older, Today), Is.False);
        Assert.That(rule.IsCompiledToIL, Is.True, "the third evaluation compiles the rule");
        Assert.That(rule.IsTrue(young, Today), Is.True);
        Assert.That(rule.Evaluate(young, Today), Is.EqualTo(RuleValue.True));
        Assert.That(rule.Evaluate(older, Today), Is.EqualTo(RuleValue.False));
    }

    [Test]
    public void Closures_tier_never_compiles_to_IL()
    {
        var rule = Rule.Compile("child.age < 5", TestTemplate.Symbols, new RuleCompileOptions { AdaptiveThreshold = 1 });
        for (var i = 0; i < 5; i++)
        {
            rule.Evaluate(Data(i), Today);
        }

        Assert.That(rule.IsCompiledToIL, Is.False);
    }

    [Test]
    public void IL_tier_reads_repeat_items_with_the_indexes_given()
    {
        // A rule inside a repeat group reads the item it is evaluated for.
        var rule = Rule.Compile("age < 5 and name = 'Sam'", TestTemplate.Symbols,
            new RuleCompileOptions { Scope = TestTemplate.Members, Tier = RuleEvaluationTier.IL });
        var data = new FakeData()
            .AddItem(TestTemplate.Members, new Dictionary<RuleSymbol, RuleValue> { [TestTemplate.MemberAge] = RuleValue.FromNumber(34), [TestTemplate.MemberName] = RuleValue.FromText("Sam") })
            .AddItem(TestTemplate.Members, new Dictionary<RuleSymbol, RuleValue> { [TestTemplate.MemberAge] = RuleValue.FromNumber(3), [TestTemplate.MemberName] = RuleValue.FromText("Sam") });
        Assert.Multiple(() =>
        {
            Assert.That(rule.IsTrue(data, Today, [0]), Is.False);
            Assert.That(rule.IsTrue(data, Today, [1]), Is.True);
            Assert.That(() => rule.IsTrue(data, Today), Throws.ArgumentException, "the item index is still required");
        });
    }

    [Test]
    public void IL_tier_keeps_exact_decimal_arithmetic_and_null_for_overflow()
    {
        var options = new RuleCompileOptions { Tier = RuleEvaluationTier.IL };
        var data = Data(0.1m).Set(TestTemplate.ChildWeight, RuleValue.FromNumber(decimal.MaxValue));
        Assert.Multiple(() =>
        {
            Assert.That(Rule.Compile("child.age + 0.2 = 0.3", TestTemplate.Symbols, options).IsTrue(data, Today), Is.True);
            Assert.That(Rule.Compile("child.weight * 2", TestTemplate.Symbols, options).Evaluate(data, Today), Is.EqualTo(RuleValue.Null));
            Assert.That(Rule.Compile("child.age / 0", TestTemplate.Symbols, options).Evaluate(data, Today), Is.EqualTo(RuleValue.Null));
        });
    }
}
