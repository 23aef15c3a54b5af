using System.Text.RegularExpressions;
using FormEngine.Rules.Tests.Support;

namespace FormEngine.Rules.Tests;

/// <summary>Runs Cases/errors.cases: each line is a broken rule and the diagnostics it must get.</summary>
public sealed partial class ErrorCaseTests
{
    private static IEnumerable<TestCaseData> Cases() => CaseFile.Errors("errors.cases");

    [TestCaseSource(nameof(Cases))]
    public void Broken_rule_gets_the_expected_diagnostics(object testCase)
    {
        var c = (ErrorCase)testCase;
        var result = Rule.TryCompile(c.Rule, TestTemplate.Symbols, new RuleCompileOptions { Scope = c.Scope, ExpectedType = c.ExpectedType });
        var expected = c.Expected.Split(" | ");
        var actual = string.Join(Environment.NewLine, result.Diagnostics);
        Assert.That(result.Success, Is.False, "compiled, but should not have");
        Assert.That(result.Diagnostics, Has.Count.EqualTo(expected.Length), actual);
        for (var i = 0; i < expected.Length; i++)
        {
            var match = ExpectedPattern().Match(expected[i]);
            Assert.That(match.Success, Is.True, $"line {c.Line}: cannot read `{expected[i]}`");
            var diagnostic = result.Diagnostics[i];
            Assert.Multiple(() =>
            {
                Assert.That(diagnostic.Code, Is.EqualTo(match.Groups["code"].Value), actual);
                Assert.That($"{diagnostic.Line}:{diagnostic.Column}", Is.EqualTo(match.Groups["pos"].Value), actual);
                if (match.Groups["len"].Success)
                {
                    Assert.That(diagnostic.Length, Is.EqualTo(int.Parse(match.Groups["len"].Value)), actual);
                }

                if (match.Groups["suggestion"].Success)
                {
                    Assert.That(diagnostic.Suggestion, Is.EqualTo(match.Groups["suggestion"].Value), actual);
                }

                Assert.That(diagnostic.Message, Is.Not.Empty);
                Assert.That(diagnostic.Severity, Is.EqualTo(RuleSeverity.Error));
            });
        }
    }

    [GeneratedRegex("""^(?<code>FER\d{4}) (?<pos>\d+:\d+)(?: len=(?<len>\d+))?(?: "(?<suggestion>.*)")?$""")]
    private static partial Regex ExpectedPattern();
}
