using FormEngine.Rules.Tests.Support;

namespace FormEngine.Rules.Tests;

/// <summary>Parsed rules shared through a <see cref="RuleSyntaxCache"/>: read once, checked and compiled against each table's own symbols.</summary>
public sealed class SyntaxCacheTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    /// <summary>The same paths as another template's, in other slots: what a later version with a question inserted looks like.</summary>
    private static (SymbolTable Table, RuleSymbol Age, RuleSymbol Seen) Version(int firstSlot, RuleType ageType)
    {
        var age = new RuleSymbol(firstSlot, "child.age", ageType, label: "Age");
        var seen = new RuleSymbol(firstSlot + 1, "child.seen", RuleType.Text) { Choices = ["yes", "no"] };
        return (new SymbolTable([age, seen]), age, seen);
    }

    [Test]
    public void A_shared_rule_reads_the_symbols_of_the_table_it_is_compiled_against()
    {
        var cache = new RuleSyntaxCache();
        var options = new RuleCompileOptions { SyntaxCache = cache };
        var (first, firstAge, _) = Version(0, RuleType.Number);
        var (second, secondAge, secondSeen) = Version(7, RuleType.Number);

        var one = Rule.Compile("child.age < 5 and child.seen = 'yes'", first, options);
        var two = Rule.Compile("child.age < 5 and child.seen = 'yes'", second, options);

        Assert.That(cache.Count, Is.EqualTo(1), "the text is read once");
        Assert.That(one.References, Is.EqualTo(new[] { firstAge, first.Symbols[1] }));
        Assert.That(two.References, Is.EqualTo(new[] { secondAge, secondSeen }));
        var answers = new FakeData().Set(secondAge, RuleValue.FromNumber(3)).Set(secondSeen, RuleValue.FromText("yes"));
        Assert.That(two.IsTrue(answers, Today), Is.True, "the second rule reads the second table's answers");
        Assert.That(one.IsTrue(answers, Today), Is.False, "the first rule's questions are unanswered in them");
    }

    [Test]
    public void A_rule_whose_question_changed_type_is_checked_against_its_own_table()
    {
        var cache = new RuleSyntaxCache();
        var (numbers, _, _) = Version(0, RuleType.Number);
        var (texts, _, _) = Version(0, RuleType.Text);
        const string source = "child.age >= 16";

        var asNumber = Rule.TryCompile(source, numbers, new RuleCompileOptions { SyntaxCache = cache, ExpectedType = RuleType.Boolean });
        var asText = Rule.TryCompile(source, texts, new RuleCompileOptions { SyntaxCache = cache, ExpectedType = RuleType.Boolean });
        var alone = Rule.TryCompile(source, texts, new RuleCompileOptions { ExpectedType = RuleType.Boolean });

        Assert.That(asNumber.Success, Is.True);
        Assert.That(asText.Success, Is.False);
        Assert.That(asText.Diagnostics.Select(d => d.ToString()), Is.EqualTo(alone.Diagnostics.Select(d => d.ToString())).And.Not.Empty);
        Assert.That(Rule.TryCompile(source, numbers, new RuleCompileOptions { SyntaxCache = cache }).Success, Is.True, "the failure is not kept for the number version");
    }

    [Test]
    public void The_depth_limit_is_part_of_what_is_shared()
    {
        var cache = new RuleSyntaxCache();
        const string source = "((child.age + 1) * 2) > 5";

        var deep = Rule.TryCompile(source, TestTemplate.Symbols, new RuleCompileOptions { SyntaxCache = cache });
        var shallow = Rule.TryCompile(source, TestTemplate.Symbols, new RuleCompileOptions { SyntaxCache = cache, MaxDepth = 2 });

        Assert.That(deep.Success, Is.True);
        Assert.That(shallow.Diagnostics.Select(d => d.Code), Is.EqualTo(Rule.TryCompile(source, TestTemplate.Symbols, new RuleCompileOptions { MaxDepth = 2 }).Diagnostics.Select(d => d.Code)).And.Not.Empty);
    }

    [Test]
    public void A_rule_that_does_not_parse_is_reported_each_time_and_not_kept()
    {
        var cache = new RuleSyntaxCache();
        var options = new RuleCompileOptions { SyntaxCache = cache };

        var first = Rule.TryCompile("child.age < < 5", TestTemplate.Symbols, options);
        var second = Rule.TryCompile("child.age < < 5", TestTemplate.Symbols, options);

        Assert.That(first.Diagnostics.Select(d => d.ToString()), Is.Not.Empty.And.EqualTo(second.Diagnostics.Select(d => d.ToString())));
        Assert.That(cache.Count, Is.Zero);
    }

    [Test]
    public void A_full_cache_keeps_what_it_has_and_still_compiles_every_rule()
    {
        var cache = new RuleSyntaxCache(capacity: 2);
        var options = new RuleCompileOptions { SyntaxCache = cache };
        var rules = Enumerable.Range(1, 5).Select(n => $"child.age > {n}").ToList();

        var compiled = rules.Select(r => Rule.Compile(r, TestTemplate.Symbols, options)).ToList();

        Assert.That(cache.Count, Is.EqualTo(2));
        var answers = new FakeData().Set(TestTemplate.ChildAge, RuleValue.FromNumber(3));
        Assert.That(compiled.Select(r => r.IsTrue(answers, Today)), Is.EqualTo(new[] { true, true, false, false, false }));
        Assert.That(() => new RuleSyntaxCache(0), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Rules_compiled_on_many_threads_through_one_cache_equal_rules_compiled_alone()
    {
        var cache = new RuleSyntaxCache(capacity: 150);
        var sources = Enumerable.Range(0, 200).Select(n => $"child.age > {n % 120} and (child.has_disability = 'yes' or count(household.members) >= {n % 120 % 7})").ToArray();
        var answers = new FakeData().Set(TestTemplate.ChildAge, RuleValue.FromNumber(40)).Set(TestTemplate.ChildHasDisability, RuleValue.FromText("no"));
        var expected = sources.Select(s => Rule.Compile(s, TestTemplate.Symbols).Evaluate(answers, Today)).ToArray();
        var results = new RuleValue[8, sources.Length];

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, thread =>
        {
            for (var i = 0; i < sources.Length; i++)
            {
                var index = (i + (thread * 37)) % sources.Length;
                results[thread, index] = Rule.Compile(sources[index], TestTemplate.Symbols, new RuleCompileOptions { SyntaxCache = cache }).Evaluate(answers, Today);
            }
        });

        Assert.That(cache.Count, Is.EqualTo(120), "120 distinct texts, each kept once, within the capacity");
        for (var thread = 0; thread < 8; thread++)
        {
            Assert.That(Enumerable.Range(0, sources.Length).Select(i => results[thread, i]), Is.EqualTo(expected), $"thread {thread}");
        }
    }
}
