using FormEngine.Rules.Tests.Support;

namespace FormEngine.Rules.Tests;

/// <summary>Evaluating scalar rules allocates nothing once warm: forms re-evaluate hundreds of rules per change.</summary>
public sealed class AllocationTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static readonly string[] ScalarRules =
    [
        "child.age > 5 and child.has_disability = 'yes' or not (child.age < 2)",
        "child.has_disability in ['yes', 'unsure', 'no'] and 'COMM' in disability.types",
        "(child.age + 2) * 3 / 4 - 1 >= 7.5 and -child.age < 0",
        "age(child.dob) < 18 and years_between(child.dob, today()) >= 9 and days_between(child.dob, today()) > 100",
        "child.dob + 30 < today() and today() - child.dob > 365 and child.dob != null",
        "answered(child.age) and if(child.age > 5, 1, 2) = 1 and coalesce(child.weight, child.age) = 9 and round(child.age / 2, 0) = 5",
        "any(household.members, age < 5) and all(household.members, age != null) and count(household.members) = 2",
        "contains(child.name, 'ann') and len(child.name) > 2 and matches(child.name, '^A')",

        // The six rules of the evaluation benchmarks (FormEngine.Benchmarks), over this test's questions.
        "child.age < 12 and child.has_disability = 'yes'",
        "(child.age >= 5 and child.age < 16) or child.at_school = true or (child.has_disability = 'yes' and child.name != 'N0')",
        "child.has_disability in ['N1', 'N2', 'yes', 'N4']",
        "'COMM' in disability.types or 'AUT' in disability.types",
        "assessment.start > referral.date + 45 and assessment.start <= today()",
        "count(household.members) >= 2 and any(household.members, age < 5)",
    ];

    [Test]
    public void Evaluating_a_scalar_rule_allocates_nothing_after_warm_up(
        [ValueSource(nameof(ScalarRules))] string source, [Values(RuleEvaluationTier.Closures, RuleEvaluationTier.IL)] RuleEvaluationTier tier)
    {
        var rule = Rule.Compile(source, TestTemplate.Symbols, new RuleCompileOptions { Tier = tier });
        var data = new FakeData()
            .Set(TestTemplate.ChildAge, RuleValue.FromNumber(9))
            .Set(TestTemplate.ChildName, RuleValue.FromText("Ann"))
            .Set(TestTemplate.ChildHasDisability, RuleValue.FromText("yes"))
            .Set(TestTemplate.ChildDob, RuleValue.FromDate(new DateOnly(2017, 3, 2)))
            .Set(TestTemplate.ReferralDate, RuleValue.FromDate(new DateOnly(2026, 1, 5)))
            .Set(TestTemplate.AssessmentStart, RuleValue.FromDate(new DateOnly(2026, 3, 20)))
            .Set(TestTemplate.DisabilityTypes, RuleValue.FromList([RuleValue.FromText("MOB"), RuleValue.FromText("COMM")]))
            .AddItem(TestTemplate.Members, new Dictionary<RuleSymbol, RuleValue> { [TestTemplate.MemberAge] = RuleValue.FromNumber(34) })
            .AddItem(TestTemplate.Members, new Dictionary<RuleSymbol, RuleValue> { [TestTemplate.MemberAge] = RuleValue.FromNumber(3) });
        var expected = rule.IsTrue(data, Today);
        for (var i = 0; i < 100; i++)
        {
            rule.IsTrue(data, Today);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = true;
        for (var i = 0; i < 10_000; i++)
        {
            result &= rule.IsTrue(data, Today) == expected;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(rule.IsCompiledToIL, Is.EqualTo(tier == RuleEvaluationTier.IL));
        Assert.That(result, Is.True);
        Assert.That(allocated, Is.Zero);
    }

    [Test]
    public void Compiling_is_fast_enough_for_hundreds_of_rules_at_start_up()
    {
        // Not a timing assertion: compiling 1,000 rules must simply finish and give working rules.
        var rules = Enumerable.Range(0, 1_000)
            .Select(i => Rule.Compile($"child.age > {i} and child.has_disability in ['yes', 'no'] or age(child.dob) < {i % 18}", TestTemplate.Symbols))
            .ToArray();
        Assert.That(rules.Count(r => r.IsTrue(new FakeData().Set(TestTemplate.ChildAge, RuleValue.FromNumber(500)).Set(TestTemplate.ChildHasDisability, RuleValue.FromText("no")), Today)), Is.EqualTo(500));
    }
}
