using System.Text;

namespace FormEngine.Fuzz;

/// <summary>Writes a target's seed corpus and dictionary from the repository, so both follow the examples and cases as they change.</summary>
internal static class Corpus
{
    public static int WriteSeeds(IFuzzTarget target, string repoRoot, string outDir)
    {
        Coverage.UsePrivateMap();
        Directory.CreateDirectory(outDir);
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, text) in target.Seeds(repoRoot))
        {
            // Identical seeds only slow afl's first pass down.
            if (text.Length == 0 || !written.Add(text))
            {
                continue;
            }

            var file = $"{written.Count:D4}-{Safe(name)}";
            File.WriteAllText(Path.Combine(outDir, file), text, new UTF8Encoding(false));
        }

        Console.WriteLine($"{written.Count} {target.Name} seeds in {outDir}");
        return written.Count == 0 ? 1 : 0;
    }

    public static int WriteDictionary(IFuzzTarget target, string repoRoot, string outFile)
    {
        Coverage.UsePrivateMap();
        var words = target.DictionaryWords(repoRoot).Where(w => w.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var lines = words.Select((w, i) => $"w{i}=\"{Escape(w)}\"");
        File.WriteAllLines(outFile, lines, new UTF8Encoding(false));
        Console.WriteLine($"{words.Count} {target.Name} dictionary words in {outFile}");
        return words.Count == 0 ? 1 : 0;
    }

    /// <summary>The repository files below <paramref name="folder"/> matching <paramref name="pattern"/>, in a stable order.</summary>
    public static IEnumerable<string> Files(string repoRoot, string folder, string pattern) =>
        Directory.EnumerateFiles(Path.Combine(repoRoot, folder), pattern, SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Order(StringComparer.Ordinal);

    private static string Safe(string name) =>
        new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_').Take(60).ToArray());

    // afl dictionaries are C-style strings: escape quotes, backslashes and anything outside printable ASCII.
    private static string Escape(string word)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(word))
        {
            sb.Append(b is (byte)'"' or (byte)'\\' or < 0x20 or >= 0x7f ? $"\\x{b:X2}" : ((char)b).ToString());
        }

        return sb.ToString();
    }
}
