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

        return true;
    }
}
