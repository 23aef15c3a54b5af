using FormEngine.Diagnostics;
using FormEngine.Files;
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
    private readonly string? _realRoot; // the root with every link resolved, for the confinement check
    private readonly Dictionary<string, YamlMap?> _loaded = new(StringComparer.Ordinal);

    public TemplateFiles(TemplateLoadOptions options, DiagnosticBag diagnostics, string? rootDirectory)
    {
        _options = options;
        _diagnostics = diagnostics;
        _rootDirectory = rootDirectory is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(rootDirectory));
        _realRoot = _rootDirectory is null ? null : RealRoot(_rootDirectory);
    }

    private static string? RealRoot(string directory)
    {
        try
        {
            return InputFiles.RealPath(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // Nothing can be included from a folder that cannot be resolved.
            return null;
        }
    }

    /// <summary>Every file read, in the order first read.</summary>
    public List<SourceFile> Files { get; } = [];

    public YamlMap? ReadMain(SourceFile file) => Parse(file);

    /// <summary>Every file read, named by its path inside the template's folder, with the hash of its bytes: what a published version holds.</summary>
    public IReadOnlyList<Versions.TemplateFile> HashedFiles() =>
    [
        .. Files.Select((file, index) => new Versions.TemplateFile(
            index == 0 || _realRoot is null || file.FullPath is null
                ? Path.GetFileName(file.FullPath ?? file.DisplayPath)
                : Path.GetRelativePath(_realRoot, file.FullPath).Replace('\\', '/'),
            file.Sha256,
            file.FullPath)),
    ];

    public YamlMap? ReadFile(string fullPath, string displayPath, SourceLocation requestedAt)
    {
        if (_loaded.TryGetValue(fullPath, out var cached))
        {
            return cached;
        }

        var source = ReadSource(fullPath, displayPath, requestedAt, _options, _diagnostics);
        var map = source is null ? null : Parse(source);
        _loaded[fullPath] = map;
        return map;
    }

    /// <summary>
    /// Reads a file's text, or reports why it cannot be read. Never throws for a missing or unreadable file,
    /// and never opens anything but a regular file (see <see cref="InputFiles"/>).
    /// </summary>
    public static string? ReadText(string fullPath, string displayPath, SourceLocation requestedAt, TemplateLoadOptions options, DiagnosticBag diagnostics) =>
        ReadSource(fullPath, displayPath, requestedAt, options, diagnostics)?.Text;

    /// <summary>Reads a template file with the hash of its bytes, or reports why it cannot be read.</summary>
    public static SourceFile? ReadSource(string fullPath, string displayPath, SourceLocation requestedAt, TemplateLoadOptions options, DiagnosticBag diagnostics)
    {
        var read = InputFiles.ReadText(fullPath, displayPath, options.MaxFileBytes, "template file");
        var fileOnly = SourceLocation.FileOnly(displayPath);
        switch (read.Problem)
        {
            case InputFileProblem.None:
                return new SourceFile(fullPath, displayPath, read.Text!) { Sha256 = read.Sha256! };
            case InputFileProblem.NotFound:
                diagnostics.Report(DiagnosticCatalogue.FileNotFound, requestedAt.Line > 0 ? requestedAt : fileOnly, $"The file `{displayPath}` does not exist.", "Check the spelling and the folder; include paths are relative to the file that includes them.");
                return null;
            case InputFileProblem.Folder:
                diagnostics.Report(DiagnosticCatalogue.FileNotFound, requestedAt.Line > 0 ? requestedAt : fileOnly, $"`{displayPath}` is a folder, not a template file.", "Give the path of the template's YAML file, e.g. `examples/rules-quickstart/quickstart.yaml`.");
                return null;
            case InputFileProblem.TooLarge:
                diagnostics.Report(DiagnosticCatalogue.TooLarge, fileOnly, $"The file is larger than {options.MaxFileBytes:N0} bytes, the most a template file may be.", "Split it into smaller files with `include:`.");
                return null;
            case InputFileProblem.NotText:
                diagnostics.Report(DiagnosticCatalogue.YamlSyntax, read.Line > 0 ? new SourceLocation(displayPath, read.Line, read.Column) : fileOnly, read.Message, read.Suggestion);
                return null;
            default:
                diagnostics.Report(DiagnosticCatalogue.FileNotFound, requestedAt.Line > 0 ? requestedAt : fileOnly, read.Message, read.Suggestion);
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
        if (value.Any(char.IsControl))
        {
            _diagnostics.Report(DiagnosticCatalogue.InvalidValue, include.Location, "This include path contains a control character (such as NUL), which no file name can have.", "Write the path with letters, digits, `-`, `_`, `.` and `/`, e.g. `common/family-factors.yaml`.");
            return null;
        }

        if (value.Length == 0 || Path.IsPathRooted(value))
        {
            _diagnostics.Report(DiagnosticCatalogue.IncludeOutsideRoot, include.Location, $"Include paths must be relative to the including file, but `{value}` is not.", "Write the path relative to this file, e.g. `common/family-factors.yaml`.");
            return null;
        }

        // Confinement is checked on the path with every link in every folder resolved, which is the file that
        // will be read: a link to a folder outside (`shared -> ../../other`) must not carry an include out.
        string? fullPath;
        try
        {
            fullPath = InputFiles.RealPath(Path.Combine(Path.GetDirectoryName(from.FullPath)!, value));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            _diagnostics.Report(DiagnosticCatalogue.FileNotFound, include.Location, $"The include `{value}` cannot be read: {ex.Message}");
            return null;
        }

        if (fullPath is null || _realRoot is null || !InputFiles.IsInside(fullPath, _realRoot))
        {
            _diagnostics.Report(DiagnosticCatalogue.IncludeOutsideRoot, include.Location, $"The include `{value}` leads outside the template's folder.", "Keep shared files inside the folder of the main template (or a subfolder of it), without links that lead out of it.");
            return null;
        }

        var displayDirectory = Path.GetDirectoryName(from.DisplayPath) ?? string.Empty;
        var display = Path.Combine(displayDirectory, value).Replace('\\', '/');
        return (fullPath, NormaliseDisplay(display));
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
