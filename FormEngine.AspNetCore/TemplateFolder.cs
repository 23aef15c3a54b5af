using FormEngine.Diagnostics;
using Microsoft.Extensions.Logging;

namespace FormEngine.AspNetCore;

/// <summary>
/// The templates in a folder: each <c>*.yaml</c> file in it or in a folder directly inside it (not
/// <c>*.scenarios.yaml</c>), loaded and compiled once and shared by every request. With reloading on, a saved
/// file loads the whole folder again after a short quiet spell; requests keep the previous templates until the new
/// set is ready, and a template that now has errors is reported and left out.
/// </summary>
public sealed class TemplateFolder : IFormTemplates, IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(200);
    private readonly ILogger _logger;
    private readonly FileSystemWatcher? _watcher;
    private readonly Timer? _debounce;
    private readonly object _reloading = new();
    private volatile Loaded _loaded;

    /// <summary>Loads the folder.</summary>
    /// <param name="folder">The templates folder.</param>
    /// <param name="reload">Whether to load again when a file in it changes.</param>
    /// <param name="logger">Where load problems are logged.</param>
    public TemplateFolder(string folder, bool reload, ILogger<TemplateFolder> logger)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(logger);
        Folder = Path.GetFullPath(folder);
        _logger = logger;
        _loaded = Load();
        if (reload && Directory.Exists(Folder))
        {
            _debounce = new Timer(_ => Reload(), null, Timeout.Infinite, Timeout.Infinite);
            _watcher = new FileSystemWatcher(Folder) { IncludeSubdirectories = true };
            _watcher.Changed += OnChange;
            _watcher.Created += OnChange;
            _watcher.Deleted += OnChange;
            _watcher.Renamed += OnChange;
            _watcher.EnableRaisingEvents = true;
        }
    }

    /// <summary>The folder's full path.</summary>
    public string Folder { get; }

    /// <inheritdoc/>
    public IReadOnlyList<FormTemplate> All => _loaded.Templates;

    /// <inheritdoc/>
    public IReadOnlyList<TemplateFileProblem> Problems => _loaded.Problems;

    /// <summary>Raised after every reload.</summary>
    public event Action? Reloaded;

    /// <inheritdoc/>
    public FormTemplate? Find(string id) => id is null ? null : _loaded.ById.GetValueOrDefault(id);

    /// <summary>Loads the folder again now (a change to a file does this by itself when reloading is on).</summary>
    public void Reload()
    {
        lock (_reloading)
        {
            try
            {
                _loaded = Load();
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                // The folder changed under the reload (renamed, deleted, permissions): keep serving what loaded last.
                // This runs on a timer thread, where an unhandled exception would stop the application.
                _logger.LogError(error, "FormEngine could not reload the templates folder {Folder}; the templates loaded before are still used.", Folder);
                return;
            }
        }

        Reloaded?.Invoke();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce?.Dispose();
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        if (IsYaml(e.FullPath) || (e is RenamedEventArgs renamed && IsYaml(renamed.OldFullPath)))
        {
            _debounce?.Change(Quiet, Timeout.InfiniteTimeSpan);
        }
    }

    private static bool IsYaml(string path) => Path.GetExtension(path) is ".yaml" or ".yml";

    private Loaded Load()
    {
        var byId = new Dictionary<string, FormTemplate>(StringComparer.Ordinal);
        var problems = new List<TemplateFileProblem>();
        if (!Directory.Exists(Folder))
        {
            var missing = new Diagnostic(DiagnosticCodes.FileNotFound, DiagnosticSeverity.Error,
                $"The templates folder {Folder} does not exist.", Folder, 0, 0, 0, "Create it, or set TemplatesPath in AddFormEngine to the folder that holds your templates.");
            problems.Add(new TemplateFileProblem(Folder, [missing]));
            _logger.LogError("FormEngine templates folder {Folder} does not exist; no form can be opened.", Folder);
            return new Loaded(byId, problems);
        }

        foreach (var file in TemplateFiles())
        {
            var display = Path.GetRelativePath(Folder, file).Replace('\\', '/');
            var result = FormTemplate.Load(file, new TemplateLoadOptions { DisplayBase = Folder });
            if (result.Template is not { } template)
            {
                problems.Add(new TemplateFileProblem(display, result.Diagnostics));
                foreach (var diagnostic in result.Diagnostics.Where(d => d.IsError))
                {
                    _logger.LogError("FormEngine template {File} did not load: {Diagnostic}", display, diagnostic.ToString());
                }

                continue;
            }

            if (byId.TryGetValue(template.Id, out var first))
            {
                var clash = new Diagnostic(DiagnosticCodes.DuplicateId, DiagnosticSeverity.Error,
                    $"The template id `{template.Id}` is also used by another file; only the first loaded (version {first.Version}) is offered.",
                    display, 0, 0, 0, "Give each template its own id, or keep one version of it in the folder.");
                problems.Add(new TemplateFileProblem(display, [clash]));
                _logger.LogError("FormEngine template {File} was left out: {Diagnostic}", display, clash.ToString());
                continue;
            }

            byId[template.Id] = template;
            _logger.LogInformation("FormEngine loaded template {Id} version {Version} from {File} with {Warnings} warnings", template.Id, template.Version, display, template.Warnings.Count);
            foreach (var warning in template.Warnings)
            {
                _logger.LogDebug("FormEngine template {File}: {Diagnostic}", display, warning.ToString());
            }
        }

        return new Loaded(byId, problems);
    }

    private IEnumerable<string> TemplateFiles()
    {
        var folders = new[] { Folder }.Concat(Directory.EnumerateDirectories(Folder).Order(StringComparer.Ordinal));
        return folders
            .SelectMany(folder => Directory.EnumerateFiles(folder).Where(IsYaml).Order(StringComparer.Ordinal))
            .Where(file => !file.EndsWith(".scenarios.yaml", StringComparison.Ordinal) && !file.EndsWith(".scenarios.yml", StringComparison.Ordinal));
    }

    private sealed class Loaded(Dictionary<string, FormTemplate> byId, List<TemplateFileProblem> problems)
    {
        public Dictionary<string, FormTemplate> ById { get; } = byId;

        public IReadOnlyList<FormTemplate> Templates { get; } = [.. byId.Values.OrderBy(t => t.Id, StringComparer.Ordinal)];

        public IReadOnlyList<TemplateFileProblem> Problems { get; } = problems;
    }
}
