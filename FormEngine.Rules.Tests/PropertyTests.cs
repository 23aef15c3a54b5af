using FormEngine.Rules.Ast;
using FormEngine.Rules.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.NUnit;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;

namespace FormEngine.Rules.Tests;

/// <summary>Properties that must hold for every tree and every piece of text, checked with FsCheck.</summary>
public sealed class PropertyTests
{
    private static readonly string[] TokenSoup =
    [
        "child.age", "child.dob", "child.name", "disability.types", "household.members", "household.members.age", "age", "name",
        "and", "or", "not", "in", "true", "false", "null", "=", "==", "!=", "<>", "<", "<=", ">", ">=", "+", "-", "*", "/",
        "(", ")", "[", "]", ",", ".", "'yes'", "\"no\"", "'", "\"", "'\\", "\\", "0", "5", "2.5", "99999999999999999999999999999",
        "count(", "sum(", "any(", "all(", "age(", "date(", "'2024-01-31'", "'2024-02-30'", "matches(", "'(a+)+$'", "'\\1'",
        "today()", "if(", "coalesce(", "round(", "lower(", "contains(", "len(", "frob(", "#", "\u0000", "\u200B", "\n", "ŵ",
        "add_months(", "add_years(", "add_days(", "school_year(", "months_between(", "year(", "-9999999999999999999999999999",
    ];

    private static readonly string[] Names = ["x", "child.age", "child.dob", "household.members.age", "a_b.c_d", "sdq.q1", "count", "android", "order.notes"];

    private static readonly string[] Texts = ["", "yes", "it's", "a\\b", "line\nbreak", "tab\there", "\"quoted\"", "ŵŷ", "\r"];

    private static readonly string[] Functions = ["count", "sum", "age", "if", "coalesce", "round", "unknown_function", "today"];

    private static Gen<RuleSyntax> Leaf { get; } = Gen.OneOf(
        Gen.Choose(0, 1_000_000).Select(n => (RuleSyntax)new LiteralSyntax(RuleValue.FromNumber(n / 100m), 0, 0)),
        Gen.Elements(Texts).Select(t => (RuleSyntax)new LiteralSyntax(RuleValue.FromText(t), 0, 0)),
        Gen.Elements(RuleValue.True, RuleValue.False, RuleValue.Null).Select(v => (RuleSyntax)new LiteralSyntax(v, 0, 0)),
        Gen.Elements(Names).Select(n => (RuleSyntax)new ReferenceSyntax(n.Split('.'), 0, 0)));

    private static Gen<RuleSyntax> Tree(int size)
    {
        if (size <= 0)
        {
            return Leaf;
        }

        var child = Tree(size / 2);
        return Gen.OneOf(
            Leaf,
            from op in Gen.Elements(UnaryOperator.Not, UnaryOperator.Negate)
            from operand in child
            select (RuleSyntax)new UnarySyntax(op, operand, 0, 0),
            from op in Gen.Elements(Enum.GetValues<BinaryOperator>())
            from left in child
            from right in child
            select (RuleSyntax)new BinarySyntax(op, left, right, 0, 0),
            from name in Gen.Elements(Functions)
            from args in Gen.ListOf(child, 3)
            select (RuleSyntax)new CallSyntax(name, args.Take(name.Length % 4).ToArray(), 0, 0, 0),
            from items in Gen.ListOf(child, 2)
            select (RuleSyntax)new ListSyntax(items.ToArray(), 0, 0));
    }

    [Property(MaxTest = 500)]
    public Property Printing_a_tree_and_parsing_it_again_gives_the_same_tree() =>
        Prop.ForAll(Gen.Sized(size => Tree(Math.Min(size, 24))).ToArbitrary(), tree =>
        {
            var printed = Rule.Print(tree);
            var parsed = Rule.Parse(printed);
            return parsed.Syntax is not null && SyntaxEquality.AreEqual(tree, parsed.Syntax);
        });

    [Property(MaxTest = 1000)]
    public void Random_text_never_throws(string? text)
    {
        var source = text ?? string.Empty;
        Rule.Parse(source);
        Rule.TryCompile(source, TestTemplate.Symbols);
        Rule.TryCompile(source, TestTemplate.Symbols, new RuleCompileOptions { Scope = TestTemplate.Members, ExpectedType = RuleType.Boolean });
    }

    [Property(MaxTest = 3000)]
    public Property Random_token_soup_never_throws_and_compiled_soup_evaluates() =>
        Prop.ForAll(
            (from tokens in Gen.ListOf(Gen.Elements(TokenSoup))
             from separator in Gen.Elements(" ", "", "  ")
             select string.Join(separator, tokens)).ToArbitrary(),
            source =>
            {
                Rule.Parse(source);
                var result = Rule.TryCompile(source, TestTemplate.Symbols);
                Assert.That(result.Success, Is.EqualTo(result.Diagnostics.All(d => d.Severity != RuleSeverity.Error)));
                if (result.Rule is { } rule)
                {
                    var data = SampleData();
                    var value = rule.Evaluate(data, new DateOnly(2026, 11, 26));
                    Assert.That(rule.Explain(data, new DateOnly(2026, 11, 26)).Result, Is.EqualTo(value));
                    var il = Rule.Compile(source, TestTemplate.Symbols, new RuleCompileOptions { Tier = RuleEvaluationTier.IL });
                    Assert.That(il.Evaluate(data, new DateOnly(2026, 11, 26)), Is.EqualTo(value), "the IL tier gives the closures' value");
                    Assert.That(il.IsTrue(data, new DateOnly(2026, 11, 26)), Is.EqualTo(rule.IsTrue(data, new DateOnly(2026, 11, 26))), "the IL tier decides as the closures do");
                    rule.Describe();
                }
                else
                {
                    Assert.That(result.Diagnostics, Is.Not.Empty);
                    Assert.That(result.Diagnostics.All(d => d.Code.StartsWith("FER", StringComparison.Ordinal) && d.Line >= 1 && d.Column >= 1 && d.Message.Length > 0));
                }
            });

    private static FakeData SampleData() => new FakeData()
        .Set(TestTemplate.ChildAge, RuleValue.FromNumber(9))
        .Set(TestTemplate.ChildDob, RuleValue.FromDate(new DateOnly(2017, 3, 2)))
        .Set(TestTemplate.DisabilityTypes, RuleValue.FromList([RuleValue.FromText("MOB")]))
        .AddItem(TestTemplate.Members, new Dictionary<RuleSymbol, RuleValue> { [TestTemplate.MemberAge] = RuleValue.FromNumber(3) });
}
