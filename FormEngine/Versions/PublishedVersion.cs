using FormEngine.Diagnostics;
using FormEngine.Files;

namespace FormEngine.Versions;

/// <summary>
/// Loads one published version from its folder, trusting nothing: the manifest must be whole and name this
/// version, every file must hash to what the manifest records, and the template the loader reads must hash,
/// file for file, to the manifest's hash. Any difference refuses the whole version and names the file.
/// </summary>
internal static class PublishedVersion
{
    private const string Restore = "Published versions never change: restore the folder from your backup. A change to the template is published as a new version.";

    public static TemplateLoadResult Load(TemplateCatalogue catalogue, string id, int version, TemplateLoadOptions options)
    {
        var folder = catalogue.VersionFolder(id, version);
        var diagnostics = new DiagnosticBag();
        var manifestPath = Path.Combine(folder, VersionManifest.FileName);
        var manifest = VersionManifest.Read(manifestPath, manifestPath, diagnostics);
        if (manifest is null)
        {
            return Failed(diagnostics);
        }

        var at = SourceLocation.FileOnly(manifestPath);
        if (manifest.Id != id || manifest.Version != version)
        {
            diagnostics.Report(DiagnosticCatalogue.CatalogueDamaged, at, $"The manifest is for version {manifest.Version} of `{manifest.Id}`, but it is in the folder of version {version} of `{id}`.", Restore);
            return Failed(diagnostics);
        }

        if (TemplateHash.Of(manifest.Files) != manifest.Hash)
        {
            diagnostics.Report(DiagnosticCatalogue.CatalogueDamaged, at, $"The manifest's `hash` does not match the files it lists, so the manifest itself has been changed since version {version} was published.", Restore);
            return Failed(diagnostics);
        }

        foreach (var (path, sha256) in manifest.Files)
        {
            var file = Path.Combine(folder, path);
            var read = InputFiles.ReadText(file, file, options.MaxFileBytes, "published file");
            if (read.Problem != InputFileProblem.None)
            {
                diagnostics.Report(DiagnosticCatalogue.CatalogueDamaged, SourceLocation.FileOnly(file), $"Version {version} of `{id}` cannot be trusted: {read.Message}", Restore);
            }
            else if (read.Sha256 != sha256)
            {
                diagnostics.Report(DiagnosticCatalogue.CatalogueDamaged, SourceLocation.FileOnly(file), $"The file `{path}` has changed since version {version} of `{id}` was published (its SHA-256 is {read.Sha256}, the manifest records {sha256}), so version {version} is not loaded.", Restore);
            }
        }

        if (diagnostics.HasErrors)
        {
            return Failed(diagnostics);
        }

        var loaded = FormTemplate.Load(Path.Combine(folder, manifest.Main), options);
        if (loaded.Template is not { } template)
        {
            return loaded;
        }

        if (template.Hash != manifest.Hash || template.Id != id || template.Version != version)
        {
            // Every listed file matched, so the loader read something else: a file added to the folder and included.
            var unlisted = template.Definition.HashedFiles.Select(f => f.Path).Except(manifest.Files.Select(f => f.Path), StringComparer.Ordinal).ToList();
            var message = unlisted.Count > 0
                ? $"Version {version} of `{id}` includes {string.Join(", ", unlisted.Select(p => $"`{p}`"))}, which the manifest does not list, so it is not what was published."
                : $"The template in the folder of version {version} of `{id}` is not the one published (it reads as version {template.Version} of `{template.Id}`, hash {template.Hash}).";
            diagnostics.Report(DiagnosticCatalogue.CatalogueDamaged, at, message, Restore);
            return Failed(diagnostics);
        }

        return loaded;
    }

    private static TemplateLoadResult Failed(DiagnosticBag diagnostics) => new(null, diagnostics.Sorted());
}
