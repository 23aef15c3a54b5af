using FormEngine.Rules.Tests.Support;

namespace FormEngine.Rules.Tests;

/// <summary>The C# example in FormEngine.Rules/README.md, run as a test so the documentation stays true.</summary>
public sealed class ReadmeExampleTests
{
    [Test]
    public void Readme_example_compiles_evaluates_explains_and_describes()
    {
        var members = new RuleSymbol(2, "household.members", RuleType.Group, label: "People in the household");
        var symbols = new SymbolTable(
        [
            new RuleSymbol(0, "child.dob", RuleType.Date, label: "Child's date of birth"),
            new RuleSymbol(1, "disability.types", RuleType.ListOf(RuleType.Text)),
            members,
            new RuleSymbol(3, "household.members.age", RuleType.Number, members),
        ]);

        var compilation = Rule.TryCompile("age(child.dob) < 5 or any(household.members, age < 5)", symbols,
            new RuleCompileOptions { ExpectedType = RuleType.Boolean });
        Assert.That(compilation.Success, Is.True);

        var rule = compilation.Rule!;
        var session = new FakeData().Set(symbols.Symbols[0], RuleValue.FromDate(new DateOnly(2017, 3, 2)));
        var today = new DateOnly(2026, 11, 26);
        Assert.That(rule.IsTrue(session, today), Is.False);
        Assert.That(rule.Explain(session, today).Steps[^1], Is.EqualTo("false"));
        Assert.That(rule.Describe(), Does.StartWith("the age in years from 'Child's date of birth' is less than 5 or"));
        Assert.That(rule.References.Select(s => s.Path), Is.EqualTo(new[] { "child.dob", "household.members", "household.members.age" }));

        var broken = Rule.TryCompile("age(child.dobb) < 5", symbols);
        var d = broken.Diagnostics.Single();
        Assert.That($"{d} {d.Suggestion}", Is.EqualTo("1:5: error FER0010: Unknown question `child.dobb`. Did you mean `child.dob`?"));
    }
}
