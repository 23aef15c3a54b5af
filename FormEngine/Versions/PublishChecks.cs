using FormEngine.Diagnostics;

namespace FormEngine.Versions;

/// <summary>The check that a new version does not change what stored answers mean without a migration covering it.</summary>
internal static class PublishChecks
{
    /// <summary>True when every change from the latest published version that affects stored answers is covered by a migration step.</summary>
    public static bool CoversStoredAnswers(TemplateCatalogue catalogue, FormTemplate template, int latest, DiagnosticBag diagnostics)
    {
        var previous = catalogue.Load(template.Id, latest);
        if (previous.Template is null)
        {
            diagnostics.AddRange(previous.Diagnostics);
            diagnostics.Report(DiagnosticCatalogue.PublishRefused, template.Definition.Location, $"The latest published version of `{template.Id}`, {latest}, cannot be read, so what this version changes cannot be checked.", "Restore the catalogue from your backup, then publish again.");
            return false;
        }

        var breaking = TemplateDiff.Between(previous.Template, template).Changes.Where(c => c.Impact == ChangeImpact.Breaking).ToList();
        foreach (var change in breaking)
        {
            diagnostics.Report(DiagnosticCatalogue.PublishRefused, template.Definition.Location, $"Version {template.Version} would lose or misread answers stored under version {latest}: {change.Detail}", $"Add a step under `migrations: - from: {latest}`, or run `formengine diff` to see every change.");
        }

        return breaking.Count == 0;
    }
}
