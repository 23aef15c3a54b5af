using System.Text;
using PublicApiGenerator;

namespace FormEngine.AspNetCore.Tests;

/// <summary>The package's public API, approved as text beside the others (FORMENGINE_UPDATE_SNAPSHOTS=1 to approve a change).</summary>
public class PublicApiTests
{
    [Test]
    public void Public_api_is_the_approved_one()
    {
        var api = typeof(FormResults).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }).ReplaceLineEndings("\n");
        var approvedPath = Path.Combine(RepoRoot(), "FormEngine.AspNetCore.Tests", "FormEngine.AspNetCore.approved.txt");
        if (Environment.GetEnvironmentVariable("FORMENGINE_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(approvedPath, api, new UTF8Encoding(false));
        }

        Assert.That(File.Exists(approvedPath), Is.True, $"No approved API file {approvedPath}; run the tests with FORMENGINE_UPDATE_SNAPSHOTS=1 after reviewing the API.");
        Assert.That(api, Is.EqualTo(File.ReadAllText(approvedPath)), "The public API changed. If that is deliberate, approve it with FORMENGINE_UPDATE_SNAPSHOTS=1 and review the diff.");
    }

    [Test]
    public void Public_classes_are_sealed_or_static()
    {
        Assert.That(typeof(FormResults).Assembly.GetExportedTypes().Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract).Select(t => t.FullName), Is.Empty);
    }

    internal static string RepoRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "FormEngine.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("FormEngine.sln not found above the test folder.");
    }
}
