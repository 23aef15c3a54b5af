using FormEngine.Rules.Diagnostics;
using FormEngine.Rules.Tests.Support;

namespace FormEngine.Rules.Tests;

/// <summary>The diagnostic catalogue is the single list of codes; the README documents each one.</summary>
public sealed class CatalogueTests
{
    [Test]
    public void Codes_are_unique_and_numbered_without_gaps()
    {
        var codes = DiagnosticCatalogue.All.Select(d => d.Code).ToArray();
        Assert.That(codes, Is.Unique);
        Assert.That(codes, Is.EqualTo(Enumerable.Range(1, codes.Length).Select(i => $"FER{i:0000}")));
    }

    [Test]
    public void Every_code_is_documented_in_the_readme()
    {
        var readme = RepoFiles.RulesReadme();
        foreach (var descriptor in DiagnosticCatalogue.All)
        {
            Assert.That(readme, Does.Contain($"| {descriptor.Code} |"), descriptor.Code);
        }
    }
}
