namespace FormEngine.BrowserTests;

/// <summary>Finds the repository's files and makes throwaway copies of example templates to edit.</summary>
internal static class TestFiles
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Examples => Path.Combine(RepositoryRoot, "examples");

    /// <summary>Copies an example folder (with its included files) to a new temporary folder.</summary>
    public static string CopyExample(string folder)
    {
        var target = Path.Combine(Path.GetTempPath(), "formengine-tests", Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Examples, folder), "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(Path.Combine(Examples, folder), file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }

    public static void DeleteQuietly(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FormEngine.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The tests must run inside the FormEngine repository (no FormEngine.sln found above the test binaries).");
    }
}
