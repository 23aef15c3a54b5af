using System.Reflection;
using System.Text;
using PublicApiGenerator;

namespace FormEngine.Tests.Api;

/// <summary>
/// The public API of each package is approved as a text file (<c>Api/*.approved.txt</c>), so any change
/// to it shows up as a reviewable diff. Set <c>FORMENGINE_UPDATE_SNAPSHOTS=1</c> to approve a deliberate change.
/// </summary>
public class PublicApiTests
{
    [TestCase(typeof(FormTemplate))]
    [TestCase(typeof(FormEngine.Renderers.FormRenderers))]
    [TestCase(typeof(FormEngine.Rules.Rule))]
    public void Public_api_is_the_approved_one(Type anchor)
    {
        var assembly = anchor.Assembly;
        var api = assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }).ReplaceLineEndings("\n");
        var approvedPath = Path.Combine(TestTemplates.RepoRoot, "FormEngine.Tests", "Api", $"{assembly.GetName().Name}.approved.txt");
        if (Environment.GetEnvironmentVariable("FORMENGINE_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(approvedPath, api, new UTF8Encoding(false));
        }

        Assert.That(File.Exists(approvedPath), Is.True, $"No approved API file {approvedPath}; run the tests with FORMENGINE_UPDATE_SNAPSHOTS=1 after reviewing the API.");
        Assert.That(api, Is.EqualTo(File.ReadAllText(approvedPath)), "The public API changed. If that is deliberate, approve it with FORMENGINE_UPDATE_SNAPSHOTS=1 and review the diff.");
    }

    [TestCase(typeof(FormTemplate))]
    [TestCase(typeof(FormEngine.Renderers.FormRenderers))]
    public void Public_classes_are_sealed_static_or_abstract_by_design(Type anchor)
    {
        // Element renderers are the designed extension point; everything else is closed.
        var open = anchor.Assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract)
            .Select(t => t.FullName);
        Assert.That(open, Is.Empty);
    }
}
