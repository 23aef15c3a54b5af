using FormEngine.Diagnostics;

namespace FormEngine.Cli.Preview;

/// <summary>One load of the template: what it gave, and the last version that loaded.</summary>
/// <param name="Reload">Goes up by one on every reload, so a page can tell it is out of date. Not the template's own `version:`.</param>
/// <param name="Current">The template as it is now on disk, or null when it has errors.</param>
/// <param name="LastGood">The newest version that loaded, kept usable while the author fixes a mistake; null if none has.</param>
/// <param name="Diagnostics">Every error and warning of the latest load.</param>
internal sealed record TemplateSnapshot(int Reload, FormTemplate? Current, FormTemplate? LastGood, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Current is null;
}

/// <summary>
/// Loads the template and loads it again whenever a file in its folder changes (the template itself or an
/// included file). Editors save in bursts (write a temporary file, rename, touch), so reloads wait for a
/// short quiet spell, and a reload that races a half-written file simply reloads again on the next event.
/// </summary>
internal sealed class TemplateWatcher : IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(150);
    private readonly string _path;
    private readonly string _displayBase;
    private readonly FileSystemWatcher _watcher;
    private readonly Timer _debounce;
    private readonly object _gate = new();
    private TemplateSnapshot _snapshot;

    public TemplateWatcher(string path)
    {
        _path = Path.GetFullPath(path);
        Folder = Path.GetDirectoryName(_path)!;
        // File names in messages are relative to the working folder, as the other commands print them,
        // unless the template lives elsewhere: then relative to its own folder, not a trail of "../".
        var workingFolder = Directory.GetCurrentDirectory();
        _displayBase = _path.StartsWith(workingFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? workingFolder : Folder;
        _snapshot = Load(1, null);
        _debounce = new Timer(_ => Reload(), null, Timeout.Infinite, Timeout.Infinite);
        _watcher = new FileSystemWatcher(Folder)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        _watcher.Changed += OnChange;
        _watcher.Created += OnChange;
        _watcher.Deleted += OnChange;
        _watcher.Renamed += OnChange;
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>The template's folder, which is watched.</summary>
    public string Folder { get; }

    /// <summary>The folder diagnostics name files relative to.</summary>
    public string DisplayBase => _displayBase;

    /// <summary>The template's full path.</summary>
    public string TemplatePath => _path;

    public TemplateSnapshot Snapshot
    {
        get
        {
            lock (_gate)
            {
                return _snapshot;
            }
        }
    }

    /// <summary>Raised after every reload, with the new snapshot.</summary>
    public event Action<TemplateSnapshot>? Reloaded;

    /// <summary>Reloads now (the watcher calls this after a quiet spell; tests and the page may call it too).</summary>
    public void Reload()
    {
        TemplateSnapshot next;
        lock (_gate)
        {
            next = Load(_snapshot.Reload + 1, _snapshot.LastGood);
            _snapshot = next;
        }

        Reloaded?.Invoke(next);
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _debounce.Dispose();
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        // Only template files matter; answers files and editor swap files do not change the form.
        var extension = Path.GetExtension(e.FullPath);
        if (extension is ".yaml" or ".yml" || (e is RenamedEventArgs renamed && Path.GetExtension(renamed.OldFullPath) is ".yaml" or ".yml"))
        {
            _debounce.Change(Quiet, Timeout.InfiniteTimeSpan);
        }
    }

    private TemplateSnapshot Load(int reload, FormTemplate? lastGood)
    {
        // Load never throws for bad input; a file caught half-written just gives errors until the next event.
        var result = FormTemplate.Load(_path, new TemplateLoadOptions { DisplayBase = _displayBase });
        return new TemplateSnapshot(reload, result.Template, result.Template ?? lastGood, result.Diagnostics);
    }
}
