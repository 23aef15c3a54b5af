namespace FormEngine.Rules.Tests.Support;

/// <summary>Files of the repository that tests check the code against.</summary>
internal static class RepoFiles
{
    /// <summary>The text of FormEngine.Rules/README.md, found above the test directory.</summary>
    public static string RulesReadme()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "FormEngine.Rules", "README.md");
            if (File.Exists(candidate))
            {
                return File.ReadAllText(candidate);
            }
        }

        Assert.Fail("FormEngine.Rules/README.md not found above the test directory.");
        return string.Empty;
    }
}
