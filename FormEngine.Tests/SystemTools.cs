namespace FormEngine.Tests;

/// <summary>
/// Command-line tools some checks use (qpdf, poppler-utils). Where one is missing the check is skipped with how
/// to install it, unless <c>FORMENGINE_REQUIRE_TOOLS=1</c> (set by CI, which installs them): then a missing tool
/// fails, so CI can never pass by skipping.
/// </summary>
internal static class SystemTools
{
    /// <summary>The tool's path; otherwise skips (or fails under CI) the calling test.</summary>
    public static string Find(string name, string package)
    {
        if (new[] { $"/usr/bin/{name}", $"/usr/local/bin/{name}" }.FirstOrDefault(File.Exists) is { } path)
        {
            return path;
        }

        var message = $"{name} is not installed: `apt-get install -y {package}` to run this check.";
        if (Environment.GetEnvironmentVariable("FORMENGINE_REQUIRE_TOOLS") == "1")
        {
            Assert.Fail(message + " FORMENGINE_REQUIRE_TOOLS=1 is set, so a missing tool is a failure.");
        }

        Assert.Ignore(message);
        return string.Empty;
    }
}
