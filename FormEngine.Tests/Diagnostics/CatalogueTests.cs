using System.Reflection;
using System.Text.RegularExpressions;
using FormEngine.Diagnostics;

namespace FormEngine.Tests.Diagnostics;

/// <summary>
/// The catalogue is the single list of template and answers codes: every public code has a descriptor, and
/// the authoring guide's table lists exactly those codes, marking the warnings as warnings.
/// </summary>
public partial class CatalogueTests
{
    [Test]
    public void Codes_are_unique_and_numbered_without_gaps_per_prefix()
    {
        var codes = DiagnosticCatalogue.All.Select(d => d.Code).ToArray();
        Assert.That(codes, Is.Unique);
        foreach (var prefix in new[] { "FET", "FEA" })
        {
            var numbered = codes.Where(c => c.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
            Assert.That(numbered, Is.EqualTo(Enumerable.Range(1, numbered.Length).Select(i => $"{prefix}{i:0000}")), prefix);
        }
    }

    [Test]
    public void Every_public_code_has_a_descriptor()
    {
        var published = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!);
        Assert.That(DiagnosticCatalogue.All.Select(d => d.Code), Is.EquivalentTo(published));
    }

    [Test]
    public void The_authoring_guide_lists_exactly_the_catalogue_codes()
    {
        var documented = GuideRows().Select(r => r.Code);
        Assert.That(documented, Is.EquivalentTo(DiagnosticCatalogue.All.Select(d => d.Code)));
    }

    [Test]
    public void The_authoring_guide_marks_exactly_the_warnings()
    {
        var marked = GuideRows().Where(r => r.Meaning.StartsWith("(warning)", StringComparison.Ordinal)).Select(r => r.Code);
        var warnings = DiagnosticCatalogue.All.Where(d => d.Severity == DiagnosticSeverity.Warning).Select(d => d.Code);
        Assert.That(marked, Is.EquivalentTo(warnings));
    }

    private static IEnumerable<(string Code, string Meaning)> GuideRows()
    {
        var guide = File.ReadAllText(Path.Combine(TestTemplates.RepoRoot, "docs", "authoring.md"));
        return TableRow().Matches(guide).Select(m => (m.Groups["code"].Value, m.Groups["meaning"].Value));
    }

    [GeneratedRegex(@"^\| (?<code>FE[TA]\d{4}) \| (?<meaning>[^|]*) \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
