using System.Text.RegularExpressions;

namespace FormEngine.Tests.Docs;

/// <summary>The authoring guide's complete templates must load, and its first error example must be what validate prints.</summary>
public partial class AuthoringGuideTests
{
    private static string Guide => File.ReadAllText(Path.Combine(TestTemplates.RepoRoot, "docs", "authoring.md"));

    [Test]
    public void Every_complete_template_in_the_guide_loads()
    {
        var templates = YamlBlocks().Matches(Guide).Select(m => m.Groups[1].Value).Where(y => Regex.IsMatch(y, "^id: ", RegexOptions.Multiline)).ToList();
        Assert.That(templates, Is.Not.Empty);
        foreach (var yaml in templates)
        {
            var result = FormTemplate.LoadFromText(yaml, "my-first.yaml");
            Assert.That(result.Success, Is.True, string.Join("\n", result.Diagnostics) + "\n" + yaml);
        }
    }

    [Test]
    public void The_readme_template_loads()
    {
        var readme = File.ReadAllText(Path.Combine(TestTemplates.RepoRoot, "README.md"));
        var template = YamlBlocks().Matches(readme).Select(m => m.Groups[1].Value).First(y => y.Contains("id: single_assessment", StringComparison.Ordinal));
        var result = FormTemplate.LoadFromText(template);
        Assert.That(result.Success, Is.True, string.Join("\n", result.Diagnostics));
        Assert.That(result.Diagnostics, Is.Empty, "the README's example has no warnings either");
    }

    [Test]
    public void The_misspelt_key_example_prints_what_the_guide_says()
    {
        var first = YamlBlocks().Matches(Guide).Select(m => m.Groups[1].Value).First(y => y.Contains("id: my_first", StringComparison.Ordinal));
        var broken = first.Replace("    title: About the child", "    titel: About the child", StringComparison.Ordinal);
        var diagnostic = FormTemplate.LoadFromText(broken, "my-first.yaml").Diagnostics.Single();
        Assert.That(Guide, Does.Contain(diagnostic.ToString()));
    }

    [GeneratedRegex("```yaml\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlocks();
}
