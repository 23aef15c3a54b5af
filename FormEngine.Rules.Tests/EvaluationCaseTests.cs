using FormEngine.Rules.Ast;
using FormEngine.Rules.Tests.Support;

namespace FormEngine.Rules.Tests;

/// <summary>Runs Cases/evaluation.cases: each line is a rule and the value it must give.</summary>
public sealed class EvaluationCaseTests
{
    private static IEnumerable<TestCaseData> Cases() => CaseFile.Evaluations("evaluation.cases");

    [TestCaseSource(nameof(Cases))]
    public void Rule_gives_the_expected_value(object testCase)
    {
        var c = (EvaluationCase)testCase;
        var rule = Rule.Compile(c.Rule, TestTemplate.Symbols, new RuleCompileOptions { Scope = c.Scope });
        var result = rule.Evaluate(c.BuildData(), c.Today, c.Indexes);
        Assert.That(result, Is.EqualTo(Literal.Parse(c.Expected)), $"line {c.Line}: {c.Rule}");
    }

    [TestCaseSource(nameof(Cases))]
    public void Condition_agrees_with_the_value(object testCase)
    {
        // Yes/no rules are also compiled to a faster condition; it must decide exactly as the value does.
        var c = (EvaluationCase)testCase;
        var rule = Rule.Compile(c.Rule, TestTemplate.Symbols, new RuleCompileOptions { Scope = c.Scope });
        var expected = Literal.Parse(c.Expected);
        Assert.That(rule.IsTrue(c.BuildData(), c.Today, c.Indexes), Is.EqualTo(expected.Kind == RuleTypeKind.Boolean && expected.AsBoolean), $"line {c.Line}: {c.Rule}");
    }

    [TestCaseSource(nameof(Cases))]
    public void IL_tier_gives_the_same_value_and_condition_as_the_closures(object testCase)
    {
        var c = (EvaluationCase)testCase;
        var closures = Rule.Compile(c.Rule, TestTemplate.Symbols, new RuleCompileOptions { Scope = c.Scope });
        var il = Rule.Compile(c.Rule, TestTemplate.Symbols, new RuleCompileOptions { Scope = c.Scope, Tier = RuleEvaluationTier.IL });
        var data = c.BuildData();
        Assert.Multiple(() =>
        {
            Assert.That(closures.IsCompiledToIL, Is.False, "the default tier is the closures");
            Assert.That(il.IsCompiledToIL, Is.True, "the IL tier was asked for");
            Assert.That(il.Evaluate(data, c.Today, c.Indexes), Is.EqualTo(closures.Evaluate(data, c.Today, c.Indexes)).And.EqualTo(Literal.Parse(c.Expected)), $"line {c.Line}: {c.Rule}");
            Assert.That(il.IsTrue(data, c.Today, c.Indexes), Is.EqualTo(closures.IsTrue(data, c.Today, c.Indexes)), $"line {c.Line}: {c.Rule}");
        });
    }

    [TestCaseSource(nameof(Cases))]
    public void Explanation_ends_with_the_evaluated_value(object testCase)
    {
        var c = (EvaluationCase)testCase;
        var rule = Rule.Compile(c.Rule, TestTemplate.Symbols, new RuleCompileOptions { Scope = c.Scope });
        var data = c.BuildData();
        var explanation = rule.Explain(data, c.Today, c.Indexes);
        var result = rule.Evaluate(data, c.Today, c.Indexes);
        Assert.Multiple(() =>
        {
            Assert.That(explanation.Result, Is.EqualTo(result));
            Assert.That(explanation.Steps[^1], Is.EqualTo(result.ToString()));
            Assert.That(explanation.IsTrue, Is.EqualTo(rule.IsTrue(data, c.Today, c.Indexes)));
        });
    }

    [TestCaseSource(nameof(Cases))]
    public void Printed_rule_parses_back_to_the_same_tree(object testCase)
    {
        var c = (EvaluationCase)testCase;
        var tree = Rule.Parse(c.Rule).Syntax!;
        var printed = Rule.Print(tree);
        var reparsed = Rule.Parse(printed).Syntax;
        Assert.That(reparsed, Is.Not.Null, printed);
        Assert.That(SyntaxEquality.AreEqual(tree, reparsed!), Is.True, printed);
    }
}
