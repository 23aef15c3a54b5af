using System.Text;

namespace FormEngine.Tests;

/// <summary>
/// Golden files: output is compared with an approved file checked into the source tree. On a mismatch,
/// <c>NAME.received.EXT</c> is written beside it to diff. Set <c>FORMENGINE_UPDATE_SNAPSHOTS=1</c> to
/// (re)write approved files; without it a missing approved file fails, so a run can never approve itself.
/// </summary>
internal static class Approvals
{
    /// <summary>Compares <paramref name="actual"/> with <c>FOLDER/NAME.EXT</c> below the test project.</summary>
    /// <param name="folder">The folder below FormEngine.Tests, e.g. <c>Renderers/Html/Approved</c>.</param>
    /// <param name="name">The file name without extension.</param>
    /// <param name="extension">The extension with its dot, e.g. <c>.html</c>.</param>
    /// <param name="actual">The output.</param>
    public static void Verify(string folder, string name, string extension, string actual)
    {
        var directory = Path.Combine(TestTemplates.RepoRoot, "FormEngine.Tests", folder);
        var approved = Path.Combine(directory, name + extension);
        var received = Path.Combine(directory, name + ".received" + extension);
        if (Environment.GetEnvironmentVariable("FORMENGINE_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(approved, actual, new UTF8Encoding(false));
            File.Delete(received);
            return;
        }

        if (!File.Exists(approved))
        {
            File.WriteAllText(received, actual, new UTF8Encoding(false));
            Assert.Fail($"No approved file {approved}. Review {received}, then run the tests with FORMENGINE_UPDATE_SNAPSHOTS=1 to approve it.");
        }

        var expected = File.ReadAllText(approved).ReplaceLineEndings("\n");
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual, new UTF8Encoding(false));
        Assert.Fail($"{name} differs from {approved}. Compare: diff -u \"{approved}\" \"{received}\". If the change is right, rerun with FORMENGINE_UPDATE_SNAPSHOTS=1.{Environment.NewLine}{FirstDifference(expected, actual)}");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        string At(string[] lines) => i < lines.Length ? lines[i] : "<end>";
        return $"First difference at line {i + 1}:{Environment.NewLine}- {At(a)}{Environment.NewLine}+ {At(b)}";
    }
}
