using System.Text;

namespace FormEngine.Tests.Renderers.Text;

/// <summary>
/// Golden files for rendered text: each is compared with an approved file checked into
/// <c>Renderers/Text/Approved</c>. A mismatch writes <c>NAME.received.md</c> beside it for review. Set
/// <c>FORMENGINE_UPDATE_SNAPSHOTS=1</c> to (re)write approved files; without it a missing approved file
/// fails, so a test run can never pass by approving itself.
/// </summary>
internal static class TextApprovals
{
    public static void Verify(string name, string actual)
    {
        var folder = Path.Combine(TestTemplates.RepoRoot, "FormEngine.Tests", "Renderers", "Text", "Approved");
        var approvedPath = Path.Combine(folder, name + ".md");
        var receivedPath = Path.Combine(folder, name + ".received.md");
        if (Environment.GetEnvironmentVariable("FORMENGINE_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(approvedPath, actual, new UTF8Encoding(false));
            File.Delete(receivedPath);
            return;
        }

        if (!File.Exists(approvedPath))
        {
            File.WriteAllText(receivedPath, actual, new UTF8Encoding(false));
            Assert.Fail($"No approved file {approvedPath}. Review {receivedPath} and approve it by running the tests with FORMENGINE_UPDATE_SNAPSHOTS=1.");
        }

        var approved = File.ReadAllText(approvedPath);
        if (approved == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual, new UTF8Encoding(false));
        Assert.Fail($"{name} differs from its approved file. Compare with: diff {approvedPath} {receivedPath}{Environment.NewLine}{FirstDifference(approved, actual)}");
    }

    private static string FirstDifference(string approved, string actual)
    {
        var expectedLines = approved.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var expected = i < expectedLines.Length ? expectedLines[i] : "<end>";
            var got = i < actualLines.Length ? actualLines[i] : "<end>";
            if (expected != got)
            {
                return $"First difference at line {i + 1}:{Environment.NewLine}- {expected}{Environment.NewLine}+ {got}";
            }
        }

        return string.Empty;
    }
}
