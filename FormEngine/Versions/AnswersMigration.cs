using System.Text.Json.Nodes;
using FormEngine.Diagnostics;

namespace FormEngine.Versions;

/// <summary>
/// Migrates an answers document through a catalogue, one published version at a time: from the version the
/// answers name to the next published one, with that version's migration from it (or, where it declares
/// none, carrying every answer whose question is unchanged), and so on to the target.
/// </summary>
internal static class AnswersMigration
{
    public static MigrationResult Migrate(TemplateCatalogue catalogue, JsonObject answers, DateOnly today, int? to, string answersFile)
    {
        var picked = catalogue.LoadFor(answers, answersFile);
        if (picked.Template is not { } current)
        {
            return new MigrationResult(null, picked.Diagnostics);
        }

        var versions = catalogue.Versions(current.Id);
        var target = to ?? versions[^1];
        if (!versions.Contains(target))
        {
            return new MigrationResult(null, catalogue.Load(current.Id, target).Diagnostics);
        }

        if (target < current.Version)
        {
            var message = $"These answers were made with version {current.Version} of `{current.Id}`; migrations only go forward, not back to version {target}.";
            return new MigrationResult(null, [DiagnosticCatalogue.BadMigrationChain.At(SourceLocation.FileOnly(answersFile), message, $"Read them with version {current.Version} itself, which the catalogue keeps.")]);
        }

        var document = (JsonObject)answers.DeepClone();
        foreach (var next in versions.Where(v => v > current.Version && v <= target))
        {
            var loaded = catalogue.Load(current.Id, next);
            if (loaded.Template is not { } nextTemplate)
            {
                return new MigrationResult(null, loaded.Diagnostics);
            }

            document = MigrationStepper.Apply(document, current, nextTemplate, today);
            current = nextTemplate;
        }

        // Warnings about the answers (made with other files under their version number) go with the result.
        return new MigrationResult(document, picked.Diagnostics);
    }
}
