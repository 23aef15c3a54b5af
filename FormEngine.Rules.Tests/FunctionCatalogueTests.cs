using System.Text.RegularExpressions;
using FormEngine.Rules.Ast;
using FormEngine.Rules.Functions;
using FormEngine.Rules.Tests.Support;

namespace FormEngine.Rules.Tests;

/// <summary>
/// Every built-in function is complete: words in each language rules are described in, cases in
/// Cases/evaluation.cases, and a line in the README's table of functions. One test per function, so a
/// new function that lacks any of them fails by name.
/// </summary>
public sealed partial class FunctionCatalogueTests
{
    private static readonly EvaluationCase[] EvaluationCases =
        CaseFile.Evaluations("evaluation.cases").Select(data => (EvaluationCase)data.Arguments[0]!).ToArray();

    private static IEnumerable<TestCaseData> Functions() =>
        FunctionCatalogue.All.Select(function => new TestCaseData(function.Name).SetName($"{{m}}({function.Name})"));

    [TestCaseSource(nameof(Functions))]
    public void Function_has_a_phrase_in_every_language_or_reads_as_written(string name)
    {
        var phrases = FunctionCatalogue.Find(name)!.Wording.Phrases;
        if (phrases.Count == 0)
        {
            return; // shown as written, which needs no words in any language
        }

        Assert.Multiple(() =>
        {
            foreach (var language in RulePhrases.All.Select(p => p.Language))
            {
                Assert.That(phrases.GetValueOrDefault(language), Is.Not.Null.And.Not.Empty.And.Not.WhiteSpace, $"{name}() has no phrase in '{language}'");
            }

            Assert.That(phrases.Keys, Is.SubsetOf(RulePhrases.All.Select(p => p.Language)), $"{name}() has a phrase in a language rules are not described in");
        });
    }

    [TestCaseSource(nameof(Functions))]
    public void Phrases_name_only_values_the_function_is_always_given(string name)
    {
        var function = FunctionCatalogue.Find(name)!;
        foreach (var (language, phrase) in function.Wording.Phrases)
        {
            var named = Placeholder().Matches(phrase).Select(m => int.Parse(m.Groups[1].Value)).ToArray();
            Assert.That(named, Has.All.LessThan(function.Arity.Min), $"{name}() in '{language}': {phrase}");
        }
    }

    [TestCaseSource(nameof(Functions))]
    public void Function_has_evaluation_cases_that_read_in_every_language(string name)
    {
        var cases = EvaluationCases.Where(c => Calls(Rule.Parse(c.Rule).Syntax!).Contains(name)).ToArray();
        Assert.That(cases, Is.Not.Empty, $"Cases/evaluation.cases has no case that calls {name}()");
        foreach (var c in cases)
        {
            var rule = Rule.Compile(c.Rule, TestTemplate.Symbols, new RuleCompileOptions { Scope = c.Scope });
            foreach (var phrases in RulePhrases.All)
            {
                Assert.That(rule.Describe(new RuleDescriptionOptions { Phrases = phrases }), Is.Not.Empty, $"line {c.Line} in '{phrases.Language}'");
            }
        }
    }

    [TestCaseSource(nameof(Functions))]
    public void Function_is_listed_in_the_readme(string name) =>
        Assert.That(RepoFiles.RulesReadme(), Does.Contain($"`{name}("));

    private static IEnumerable<string> Calls(RuleSyntax node) =>
        (node is CallSyntax call ? [call.Name] : Enumerable.Empty<string>())
            .Concat(SyntaxChildren.Of(node).SelectMany(Calls));

    [GeneratedRegex(@"\{(\d+)")]
    private static partial Regex Placeholder();
}
