using System.Text;
using PublicApiGenerator;

namespace FormEngine.Records.Tests.Api;

/// <summary>
/// The public API of the records packages is approved as a text file (<c>Api/*.approved.txt</c>); set
/// <c>FORMENGINE_UPDATE_SNAPSHOTS=1</c> to approve a deliberate change, then review the diff.
/// </summary>
public sealed class PublicApiTests
{
    [TestCase(typeof(IRecordStore))]
    [TestCase(typeof(FormEngine.Records.PostgreSql.PostgreSqlRecordStore))]
    public void Public_api_is_the_approved_one(Type anchor)
    {
        var assembly = anchor.Assembly;
        var api = assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }).ReplaceLineEndings("\n");
        var approvedPath = Path.Combine(RepoRoot(), "FormEngine.Records.Tests", "Api", $"{assembly.GetName().Name}.approved.txt");
        if (Environment.GetEnvironmentVariable("FORMENGINE_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(approvedPath, api, new UTF8Encoding(false));
        }

        Assert.That(File.Exists(approvedPath), Is.True, $"No approved API file {approvedPath}; run the tests with FORMENGINE_UPDATE_SNAPSHOTS=1 after reviewing the API.");
        Assert.That(api, Is.EqualTo(File.ReadAllText(approvedPath)), "The public API changed. If that is deliberate, approve it with FORMENGINE_UPDATE_SNAPSHOTS=1 and review the diff.");
    }

    [TestCase(typeof(IRecordStore))]
    [TestCase(typeof(FormEngine.Records.PostgreSql.PostgreSqlRecordStore))]
    public void Public_classes_are_sealed_or_static(Type anchor)
    {
        var open = anchor.Assembly.GetExportedTypes().Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract).Select(t => t.FullName);
        Assert.That(open, Is.Empty);
    }

    private static string RepoRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "FormEngine.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("FormEngine.sln not found above the test's folder.");
    }
}
