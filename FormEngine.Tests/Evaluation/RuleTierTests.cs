using FormEngine.Evaluation;
using FormEngine.Rules;

namespace FormEngine.Tests.Evaluation;

/// <summary>A host may load templates with rules compiled to IL; every example case evaluates exactly as with closures.</summary>
public class RuleTierTests
{
    [TestCaseSource(nameof(Cases))]
    public void Every_example_case_evaluates_the_same_in_every_tier(string templateFile, string answersFile)
    {
        var answers = AnswersDocument.Load(Path.Combine(TestTemplates.RepoRoot, answersFile)).Answers!;
        string Evaluate(RuleEvaluationTier tier)
        {
            var template = FormTemplate.Load(Path.Combine(TestTemplates.RepoRoot, templateFile), TemplateLoadOptions.Default with { RuleTier = tier }).GetTemplateOrThrow();
            var session = FormSession.Open(template, (System.Text.Json.Nodes.JsonObject)answers.DeepClone(), new FormSessionOptions { Today = TestTemplates.Today });
            return EvaluationJson.Write(session.Evaluate());
        }

        var closures = Evaluate(RuleEvaluationTier.Closures);
        Assert.That(Evaluate(RuleEvaluationTier.IL), Is.EqualTo(closures));
        Assert.That(Evaluate(RuleEvaluationTier.Adaptive), Is.EqualTo(closures));
    }

    private static IEnumerable<TestCaseData> Cases()
    {
        var root = TestTemplates.RepoRootForSources;
        var examples = Path.Combine(root, "examples");
        foreach (var templatePath in Directory.GetFiles(examples, "*.yaml", SearchOption.AllDirectories)
                     .Where(p => !p.EndsWith(".scenarios.yaml", StringComparison.Ordinal) && Path.GetDirectoryName(Path.GetDirectoryName(p)) == examples)
                     .Order(StringComparer.Ordinal))
        {
            foreach (var answersPath in Directory.GetFiles(Path.GetDirectoryName(templatePath)!, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                yield return new TestCaseData(Path.GetRelativePath(root, templatePath), Path.GetRelativePath(root, answersPath))
                    .SetName($"Same in every tier: {Path.GetFileName(answersPath)} ({Path.GetFileName(templatePath)})");
            }
        }
    }
}
