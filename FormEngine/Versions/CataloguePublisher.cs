using FormEngine.Diagnostics;
using FormEngine.Files;

namespace FormEngine.Versions;

/// <summary>
/// Publishes a template into a catalogue. Everything is written into a fresh folder beside the version's, then
/// moved into place in one step, so a failure (or a second publisher at the same moment) never leaves half a
/// version that a record could be read with.
/// </summary>
internal static class CataloguePublisher
{
    public static PublishResult Publish(TemplateCatalogue catalogue, string templatePath, DateOnly published, TemplateLoadOptions options)
    {
        var loaded = FormTemplate.Load(templatePath, options);
        if (loaded.Template is not { } template)
        {
            return new PublishResult(PublishOutcome.Refused, null, 0, null, loaded.Diagnostics);
        }

        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(loaded.Diagnostics);
        var folder = catalogue.VersionFolder(template.Id, template.Version);
        PublishResult Result(PublishOutcome outcome) => new(outcome, template.Id, template.Version, folder, diagnostics.Sorted());
        var at = template.Definition.Location;

        var versions = catalogue.Versions(template.Id);
        if (versions.Contains(template.Version))
        {
            var existing = catalogue.Load(template.Id, template.Version);
            if (existing.Template is { } same && same.Hash == template.Hash)
            {
                return Result(PublishOutcome.AlreadyPublished);
            }

            if (existing.Template is null)
            {
                diagnostics.AddRange(existing.Diagnostics);
            }

            diagnostics.Report(DiagnosticCatalogue.PublishRefused, at, $"Version {template.Version} of `{template.Id}` is already published with other content, and a published version never changes.", $"Give this one `version: {versions[^1] + 1}` and publish it as a new version.");
            return Result(PublishOutcome.Refused);
        }

        if (versions.Count > 0 && template.Version < versions[^1])
        {
            diagnostics.Report(DiagnosticCatalogue.PublishRefused, at, $"Version {template.Version} is not higher than the latest published version of `{template.Id}`, {versions[^1]}.", $"Give this one `version: {versions[^1] + 1}`.");
            return Result(PublishOutcome.Refused);
        }

        if (versions.Count > 0 && !PublishChecks.CoversStoredAnswers(catalogue, template, versions[^1], diagnostics))
        {
            return Result(PublishOutcome.Refused);
        }

        return Write(template, folder, published, diagnostics) ? Result(PublishOutcome.Published) : Result(PublishOutcome.NotWritten);
    }

    private static bool Write(FormTemplate template, string folder, DateOnly published, DiagnosticBag diagnostics)
    {
        var parent = Path.GetDirectoryName(folder)!;
        var staging = Path.Combine(parent, $".publishing-{template.Version}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(staging);
            foreach (var file in template.Definition.HashedFiles)
            {
                // Copied from what the loader hashed, so a file edited while publishing cannot slip in unchecked.
                var bytes = File.ReadAllBytes(file.FullPath!);
                if (TemplateHash.OfBytes(bytes) != file.Sha256)
                {
                    diagnostics.Report(DiagnosticCatalogue.PublishRefused, SourceLocation.FileOnly(file.FullPath!), $"`{file.Path}` changed while it was being published.", "Publish again once nobody is editing the template.");
                    Directory.Delete(staging, recursive: true);
                    return false;
                }

                var target = Path.Combine(staging, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllBytes(target, bytes);
                MakeReadOnly(target);
            }

            var manifest = Path.Combine(staging, VersionManifest.FileName);
            File.WriteAllText(manifest, VersionManifest.For(template, published).ToJson());
            MakeReadOnly(manifest);
            Directory.Move(staging, folder);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(staging);
            var message = Directory.Exists(folder)
                ? $"Version {template.Version} of `{template.Id}` was published by someone else at the same moment; nothing was written."
                : $"The catalogue could not be written: {ex.Message} Nothing was written.";
            diagnostics.Report(DiagnosticCatalogue.PublishRefused, SourceLocation.FileOnly(folder), message, "Check the catalogue folder exists and can be written, then publish again.");
            return false;
        }
    }

    // A published file is never meant to change; making it read-only stops an accidental edit (the hash check catches the rest).
    private static void MakeReadOnly(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
        else
        {
            File.SetAttributes(path, FileAttributes.ReadOnly);
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left as a `.publishing-*` folder, which is never read as a version.
        }
    }
}
