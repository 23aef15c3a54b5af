namespace FormEngine.Tests.Renderers.Html;

/// <summary>
/// Golden files for HTML renders: output is compared with <c>Approved/NAME.html</c> in the source tree. On a
/// mismatch, <c>NAME.received.html</c> is written beside it to diff. Set <c>FORMENGINE_UPDATE_SNAPSHOTS=1</c> to
/// (re)write approved files; without it, a missing approved file fails, so CI never passes vacuously.
/// </summary>
internal static class HtmlSnapshot
{
    public static string Folder => Path.Combine(TestTemplates.RepoRoot, "FormEngine.Tests", "Renderers", "Html", "Approved");

    public static void Match(string name, string actual)
    {
        var approved = Path.Combine(Folder, name + ".html");
        var received = Path.Combine(Folder, name + ".received.html");
        if (Environment.GetEnvironmentVariable("FORMENGINE_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllText(approved, actual);
            File.Delete(received);
            return;
        }

        if (!File.Exists(approved))
        {
            File.WriteAllText(received, actual);
            Assert.Fail($"No approved snapshot {approved}. Review {received}, then run the tests with FORMENGINE_UPDATE_SNAPSHOTS=1 to approve it.");
        }

        var expected = File.ReadAllText(approved).ReplaceLineEndings("\n");
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        var line = FirstDifferentLine(expected, actual);
        Assert.Fail($"The render differs from {approved} from line {line}. Compare: diff -u \"{approved}\" \"{received}\". If the change is right, rerun with FORMENGINE_UPDATE_SNAPSHOTS=1.");
    }

    private static int FirstDifferentLine(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        return i + 1;
    }
}
