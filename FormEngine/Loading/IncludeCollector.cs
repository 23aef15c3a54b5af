using FormEngine.Diagnostics;
using FormEngine.Yaml;

namespace FormEngine.Loading;

/// <summary>A file and the files it includes, read but not yet interpreted.</summary>
internal sealed record FileUnit(SourceFile File, YamlMap Root, bool IsMain)
{
    /// <summary>Files named by the top-level <c>include:</c>, whose sections follow this file's own.</summary>
    public List<FileUnit> TopIncludes { get; } = [];

    /// <summary>Files named by <c>- include:</c> items of <c>sections:</c>, whose sections go in that item's place.</summary>
    public Dictionary<YamlNode, FileUnit> SectionIncludes { get; } = [];
}

/// <summary>
/// Follows a template's includes, both the top-level <c>include:</c> and <c>- include:</c> items in
/// <c>sections:</c>, reading every file once before anything is interpreted, so that choice lists from
/// any file are known to every question. Loops and chains that are too long are reported, not followed.
/// </summary>
internal sealed class IncludeCollector(TemplateFiles files, int maxIncludeDepth, DiagnosticBag diagnostics)
{
    private readonly List<FileUnit> _units = [];

    /// <summary>Every file collected, the main one first.</summary>
    public IReadOnlyList<FileUnit> Units => _units;

    public FileUnit CollectMain(SourceFile main, YamlMap root) =>
        Collect(main, root, isMain: true, chain: [main.FullPath ?? main.DisplayPath]);

    /// <summary>True for a <c>- include: file.yaml</c> item of <c>sections:</c>, rather than a section.</summary>
    public static bool IsSectionInclude(YamlNode item) =>
        item is YamlMap map && map.Entries.Count == 1 && map.Entries[0].Key.Value == "include";

    private FileUnit Collect(SourceFile file, YamlMap root, bool isMain, List<string> chain)
    {
        var unit = new FileUnit(file, root, isMain);
        _units.Add(unit);
        var reader = new MapReader(root, isMain ? "the template" : "an included file", diagnostics);

        if (reader.Node("include") is { } includeNode)
        {
            var includes = includeNode switch
            {
                YamlScalar scalar => [scalar],
                YamlSequence sequence => sequence.Items,
                _ => [],
            };
            if (includeNode is YamlMap)
            {
                diagnostics.Report(DiagnosticCatalogue.WrongShape, includeNode.Location, "`include` must be a file path or a list of file paths.");
            }

            foreach (var item in includes)
            {
                if (Include(file, item, chain) is { } included)
                {
                    unit.TopIncludes.Add(included);
                }
            }
        }

        if (reader.Node("sections") is YamlSequence sections)
        {
            foreach (var item in sections.Items)
            {
                if (IsSectionInclude(item) && Include(file, ((YamlMap)item).Entries[0].Value, chain) is { } included)
                {
                    unit.SectionIncludes[item] = included;
                }
            }
        }

        return unit;
    }

    private FileUnit? Include(SourceFile from, YamlNode node, List<string> chain)
    {
        if (node is not YamlScalar scalar || scalar.IsNull)
        {
            diagnostics.Report(DiagnosticCatalogue.WrongShape, node.Location, "An include must be a file path, e.g. `common/family-factors.yaml`.");
            return null;
        }

        if (files.Resolve(from, scalar) is not var (fullPath, displayPath))
        {
            return null;
        }

        if (chain.Contains(fullPath))
        {
            var names = chain.Select(DisplayOf).Append(displayPath);
            diagnostics.Report(DiagnosticCatalogue.IncludeCycle, scalar.Location, $"Files include each other in a loop: {string.Join(" -> ", names)}.", "Remove one of these includes; shared parts belong in a file that includes nothing that includes it.");
            return null;
        }

        if (chain.Count >= maxIncludeDepth)
        {
            diagnostics.Report(DiagnosticCatalogue.TooDeep, scalar.Location, $"Includes are nested more than {maxIncludeDepth} files deep.", "Include shared files from the main template instead of through long chains.");
            return null;
        }

        var root = files.ReadFile(fullPath, displayPath, scalar.Location);
        if (root is null)
        {
            return null;
        }

        var file = files.Files.First(f => f.FullPath == fullPath);
        return Collect(file, root, isMain: false, chain: [.. chain, fullPath]);
    }

    private string DisplayOf(string fullPath) =>
        files.Files.FirstOrDefault(f => f.FullPath == fullPath)?.DisplayPath ?? fullPath;
}
