using FormEngine.Binding;
using FormEngine.Diagnostics;
using FormEngine.Loading;
using FormEngine.Templates;
using FormEngine.Yaml;

namespace FormEngine;

/// <summary>
/// A loaded, checked and compiled template. Immutable and thread-safe: load it once and share it between
/// every session and every thread.
/// </summary>
public sealed class FormTemplate
{
    private readonly Dictionary<string, NodePlan> _byPath;
    private readonly IReadOnlyList<AudienceWithholding> _withholding;

    private FormTemplate(BoundTemplate bound, IReadOnlyList<AudienceWithholding> withholding, IReadOnlyList<Diagnostic> warnings)
    {
        Bound = bound;
        Warnings = warnings;
        _withholding = withholding;
        _byPath = bound.Plans.ToDictionary(p => p.Path, StringComparer.Ordinal);
    }

    /// <summary>The template as written.</summary>
    public TemplateDefinition Definition => Bound.Definition;

    /// <summary>The template's id.</summary>
    public string Id => Definition.Id;

    /// <summary>The template's version.</summary>
    public int Version => Definition.Version;

    /// <summary>The template's title.</summary>
    public string Title => Definition.Title;

    /// <summary>
    /// The hash of the template's files (<c>sha256:</c> and hex, see <see cref="Versions.TemplateStamp"/>): the same
    /// for the same files whatever folder they are in, and the hash a published version's manifest records.
    /// </summary>
    public string Hash { get; private init; } = string.Empty;

    /// <summary>The sections, in order.</summary>
    public IReadOnlyList<Section> Sections => Definition.Sections;

    /// <summary>How many questions the template has, counting those inside repeat groups once.</summary>
    public int QuestionCount => Bound.Plans.Count(p => !p.IsSection);

    /// <summary>Warnings found while loading (a template with errors is never returned).</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; }

    internal BoundTemplate Bound { get; }

    internal IReadOnlyList<NodePlan> Plans => Bound.Plans;

    /// <summary>Loads a template file and everything it includes.</summary>
    /// <param name="path">The template's path; included files are resolved relative to it and must stay in its folder.</param>
    /// <param name="options">Limits; <see cref="TemplateLoadOptions.Default"/> when null.</param>
    /// <returns>The template, or every diagnostic that stops it loading. Never throws for bad input.</returns>
    public static TemplateLoadResult Load(string path, TemplateLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= TemplateLoadOptions.Default;
        var diagnostics = new DiagnosticBag();
        if (path.Contains('\0', StringComparison.Ordinal))
        {
            diagnostics.Report(DiagnosticCatalogue.FileNotFound, SourceLocation.FileOnly(path.Replace("\0", "\\0", StringComparison.Ordinal)), "The template's path contains a NUL character, which no file name can have.", "Check how the path was built; it may have been cut from other text.");
            return new TemplateLoadResult(null, diagnostics.Sorted());
        }

        var fullPath = Path.GetFullPath(path);
        var display = options.DisplayBase is { } displayBase
            ? Path.GetRelativePath(Path.GetFullPath(displayBase), fullPath).Replace('\\', '/')
            : path;
        var source = TemplateFiles.ReadSource(fullPath, display, default, options, diagnostics);
        return source is null
            ? new TemplateLoadResult(null, diagnostics.Sorted())
            : Build(source, Path.GetDirectoryName(fullPath), options, diagnostics);
    }

    /// <summary>Loads a template from text.</summary>
    /// <param name="yaml">The template's YAML.</param>
    /// <param name="displayName">The name diagnostics use for this text, e.g. the file it came from.</param>
    /// <param name="baseDirectory">The folder includes are resolved in and confined to, or null to allow no includes.</param>
    /// <param name="options">Limits; <see cref="TemplateLoadOptions.Default"/> when null.</param>
    /// <returns>The template, or every diagnostic that stops it loading. Never throws for bad input.</returns>
    public static TemplateLoadResult LoadFromText(string yaml, string displayName = "template.yaml", string? baseDirectory = null, TemplateLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        options ??= TemplateLoadOptions.Default;
        var diagnostics = new DiagnosticBag();
        if (yaml.Length > options.MaxFileBytes)
        {
            diagnostics.Report(DiagnosticCatalogue.TooLarge, SourceLocation.FileOnly(displayName), $"The template is {yaml.Length:N0} characters; templates may be at most {options.MaxFileBytes:N0}.", "Split it into smaller files with `include:`.");
            return new TemplateLoadResult(null, diagnostics.Sorted());
        }

        string? fullPath = baseDirectory is null ? null : Path.Combine(Path.GetFullPath(baseDirectory), Path.GetFileName(displayName));
        return Build(new SourceFile(fullPath, displayName, yaml), baseDirectory, options, diagnostics);
    }

    /// <summary>Loads a template from a stream of UTF-8 (or byte-order-marked) text.</summary>
    /// <param name="stream">The template's YAML.</param>
    /// <param name="displayName">The name diagnostics use for this text.</param>
    /// <param name="options">Limits; <see cref="TemplateLoadOptions.Default"/> when null.</param>
    /// <returns>The template, or every diagnostic that stops it loading.</returns>
    public static TemplateLoadResult LoadFromStream(Stream stream, string displayName = "template.yaml", TemplateLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= TemplateLoadOptions.Default;
        // Read at most one character past the limit, so an endless or huge stream is refused, not buffered.
        using var reader = new StreamReader(stream, leaveOpen: true);
        var text = new System.Text.StringBuilder();
        var chunk = new char[81920];
        int read;
        while ((read = reader.Read(chunk, 0, chunk.Length)) > 0)
        {
            text.Append(chunk, 0, read);
            if (text.Length > options.MaxFileBytes)
            {
                break;
            }
        }

        return LoadFromText(text.ToString(), displayName, null, options);
    }

    private static TemplateLoadResult Build(SourceFile main, string? rootDirectory, TemplateLoadOptions options, DiagnosticBag diagnostics)
    {
        var definition = new TemplateReader(options, diagnostics, rootDirectory).Read(main);
        if (definition is null)
        {
            return new TemplateLoadResult(null, diagnostics.Sorted());
        }

        var bound = new TemplateBinder(definition, options, diagnostics).Bind();
        Versions.MigrationChecker.Check(bound, options, diagnostics);
        if (diagnostics.HasErrors)
        {
            return new TemplateLoadResult(null, diagnostics.Sorted());
        }

        var withholding = AudienceWithholding.ForEveryAudience(bound);
        WithholdingWarnings.Report(bound, withholding, diagnostics);
        var sorted = diagnostics.Sorted();
        var hash = Versions.TemplateHash.Of(definition.HashedFiles.Select(f => (f.Path, f.Sha256)));
        return new TemplateLoadResult(new FormTemplate(bound, withholding, sorted) { Hash = hash }, sorted);
    }

    /// <summary>The section or question at a template path such as <c>child.dob</c>, or null.</summary>
    /// <param name="path">A dotted path without item indexes.</param>
    /// <returns>The node, or null when the template has no such path.</returns>
    public FormNode? Find(string path) => _byPath.TryGetValue(path, out var plan) ? plan.Node : null;

    internal NodePlan? FindPlan(string path) => _byPath.GetValueOrDefault(path);

    /// <summary>What a reader in <paramref name="audience"/> may not learn; null for an audience the template does not declare.</summary>
    internal AudienceWithholding? WithholdingFor(string? audience) => _withholding.FirstOrDefault(w => w.Audience == audience);

    /// <summary>
    /// The paths of the questions marked <c>summary: true</c>, in template order: the key facts a case summary shows
    /// and a case's chronology follows.
    /// </summary>
    public IReadOnlyList<string> KeyFactPaths => [.. Plans.Where(p => p.Question is { Summary: true }).Select(p => p.Path)];

    /// <summary>Every path in the template, in template order, for suggestions.</summary>
    internal IEnumerable<string> Paths => _byPath.Keys;
}
