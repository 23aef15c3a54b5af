using FormEngine.Diagnostics;
using FormEngine.Yaml;

namespace FormEngine.Loading;

/// <summary>
/// Reads a template's files: the main file and everything it includes, each confined to the template's
/// root folder, with include loops reported as the chain of files that forms them.
/// </summary>
internal sealed class TemplateFiles
{
    private readonly TemplateLoadOptions _options;
    private readonly DiagnosticBag _diagnostics;
    private readonly string? _rootDirectory;
    private readonly Dictionary<string, YamlMap?> _loaded = new(StringComparer.Ordinal);

    public TemplateFiles(TemplateLoadOptions options, DiagnosticBag diagnostics, string? rootDirectory)
    {
        _options = options;
        _diagnostics = diagnostics;
        _rootDirectory = rootDirectory is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(rootDirectory));
    }

    /// <summary>Every file read, in the order first read.</summary>
    public List<SourceFile> Files { get; } = [];

    public YamlMap? ReadMain(SourceFile file) => Parse(file);

    public YamlMap? ReadFile(string fullPath, string displayPath, SourceLocation requestedAt)
    {
        if (_loaded.TryGetValue(fullPath, out var cached))
        {
            return cached;
        }

        var text = ReadText(fullPath, displayPath, requestedAt, _options, _diagnostics);
        var map = text is null ? null : Parse(new SourceFile(fullPath, displayPath, text));
        _loaded[fullPath] = map;
        return map;
    }

    /// <summary>Reads a file's text, or reports why it cannot be read. Never throws for a missing or unreadable file.</summary>
    public static string? ReadText(string fullPath, string displayPath, SourceLocation requestedAt, TemplateLoadOptions options, DiagnosticBag diagnostics)
    {
        try
        {
            var info = new FileInfo(fullPath);
            if (Directory.Exists(fullPath))
            {
                diagnostics.Report(DiagnosticCatalogue.FileNotFound, SourceLocation.FileOnly(displayPath), $"`{displayPath}` is a folder, not a template file.", "Give the path of the template's YAML file, e.g. `examples/rules-quickstart/quickstart.yaml`.");
                return null;
            }

            if (!info.Exists)
            {
                var where = requestedAt.Line > 0 ? requestedAt : SourceLocation.FileOnly(displayPath);
                diagnostics.Report(DiagnosticCatalogue.FileNotFound, where, $"The file `{displayPath}` does not exist.", "Check the spelling and the folder; include paths are relative to the file that includes them.");
                return null;
            }

            if (info.Length > options.MaxFileBytes)
            {
                diagnostics.Report(DiagnosticCatalogue.TooLarge, SourceLocation.FileOnly(displayPath), $"The file is {info.Length:N0} bytes; templates may be at most {options.MaxFileBytes:N0} bytes.", "Split it into smaller files with `include:`.");
                return null;
            }

            return File.ReadAllText(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Report(DiagnosticCatalogue.FileNotFound, SourceLocation.FileOnly(displayPath), $"The file `{displayPath}` cannot be read: {ex.Message}");
            return null;
        }
    }

    /// <summary>
    /// Resolves an include path against the including file and checks it stays inside the root folder,
    /// following symbolic links, so a template cannot read files it was not given.
    /// </summary>
    public (string FullPath, string DisplayPath)? Resolve(SourceFile from, YamlScalar include)
    {
        if (from.FullPath is null || _rootDirectory is null)
        {
            _diagnostics.Report(DiagnosticCatalogue.FileNotFound, include.Location, "This template was loaded from text, so it has no folder to include files from.", "Load it from a file, or pass a base folder when loading from text.");
            return null;
        }

        var value = include.Value.Trim();
        if (value.Length == 0 || Path.IsPathRooted(value))
        {
            _diagnostics.Report(DiagnosticCatalogue.IncludeOutsideRoot, include.Location, $"Include paths must be relative to the including file, but `{value}` is not.", "Write the path relative to this file, e.g. `common/family-factors.yaml`.");
            return null;
        }

        var fullPath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(from.FullPath)!, value));
        var target = ResolveLinks(fullPath);
        if (!IsInsideRoot(fullPath) || !IsInsideRoot(target))
        {
            _diagnostics.Report(DiagnosticCatalogue.IncludeOutsideRoot, include.Location, $"The include `{value}` leads outside the template's folder.", "Keep shared files inside the folder of the main template (or a subfolder of it).");
            return null;
        }

        var displayDirectory = Path.GetDirectoryName(from.DisplayPath) ?? string.Empty;
        var display = Path.Combine(displayDirectory, value).Replace('\\', '/');
        return (fullPath, NormaliseDisplay(display));
    }

    private bool IsInsideRoot(string fullPath) =>
        fullPath.StartsWith(_rootDirectory + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string ResolveLinks(string fullPath)
    {
        try
        {
            var target = new FileInfo(fullPath).ResolveLinkTarget(returnFinalTarget: true);
            return target?.FullName ?? fullPath;
        }
        catch (IOException)
        {
            return fullPath;
        }
    }

    private static string NormaliseDisplay(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count > 0 && parts[^1] != "..")
                {
                    parts.RemoveAt(parts.Count - 1);
                    continue;
                }
            }
            else if (part is "." or "")
            {
                continue;
            }

            parts.Add(part);
        }

        var joined = string.Join('/', parts);
        return path.StartsWith('/') ? "/" + joined : joined;
    }

    private YamlMap? Parse(SourceFile file)
    {
        Files.Add(file);
        var root = YamlTreeReader.Read(file, new YamlLimits(_options.MaxDepth, _options.MaxNodes), _diagnostics);
        switch (root)
        {
            case null:
                if (!_diagnostics.HasErrors)
                {
                    _diagnostics.Report(DiagnosticCatalogue.MissingKey, SourceLocation.FileOnly(file.DisplayPath), "The file is empty.", "A template starts with `id:`, `title:` and `sections:`.");
                }

                return null;
            case YamlMap map:
                return map;
            default:
                _diagnostics.Report(DiagnosticCatalogue.WrongShape, root.Location, $"A template file must be a set of `name: value` lines, but this file is {root.KindName}.", "Start the file with `id:`, `title:` and `sections:`.");
                return null;
        }
    }
}
