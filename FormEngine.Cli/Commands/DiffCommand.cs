using System.Globalization;
using System.Text.Json.Nodes;
using FormEngine.Evaluation;
using FormEngine.Versions;

namespace FormEngine.Cli.Commands;

/// <summary>
/// <c>formengine diff OLD NEW [--answers-dir DIR] [--json]</c>: every change between two versions with its impact on
/// stored answers. OLD and NEW are template files or <c>CATALOGUE/&lt;id&gt;/&lt;version&gt;</c> folders. Exit 0 when the
/// verdict is safe or migration, 2 when breaking, 1 when a template or answers file is invalid.
/// </summary>
internal static class DiffCommand
{
    // The documented exit code of a breaking verdict, so a council's CI can stop a change that would lose answers.
    private const int BreakingExit = 2;

    public static int Run(Arguments arguments, TextWriter stdout, TextWriter stderr)
    {
        var oldPath = arguments.RequirePositional(0, "the old version (a template file or CATALOGUE/<id>/<version> folder)");
        var newPath = arguments.RequirePositional(1, "the new version (a template file or CATALOGUE/<id>/<version> folder)");
        arguments.ExpectPositionalCount(2);
        var (old, catalogue) = Load(oldPath, null, arguments, stderr);
        var (@new, _) = Load(newPath, catalogue, arguments, stderr);
        if (old is null || @new is null)
        {
            return CommandLine.InvalidInput;
        }

        var diff = TemplateDiff.Between(old, @new);
        if (arguments.Option("answers-dir") is { } folder)
        {
            if (!Directory.Exists(folder))
            {
                throw new UsageException($"The answers folder `{folder}` given with --answers-dir does not exist.");
            }

            var documents = new List<JsonObject>();
            foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                var loaded = AnswersDocument.Load(file);
                SessionLoader.Print(loaded.Diagnostics, arguments, stderr);
                if (loaded.Answers is null)
                {
                    return CommandLine.InvalidInput;
                }

                documents.Add(loaded.Answers);
            }

            diff = diff.CountAffected(documents);
        }

        stdout.Write(arguments.Flag("json") ? TemplateDiffWriter.ToJson(diff) : TemplateDiffWriter.ToText(diff));
        return diff.Verdict == ChangeImpact.Breaking ? BreakingExit : CommandLine.Success;
    }

    /// <summary>A template file, or a published version's folder read through its catalogue (checked against its manifest).</summary>
    private static (FormTemplate? Template, TemplateCatalogue? Catalogue) Load(string path, TemplateCatalogue? catalogue, Arguments arguments, TextWriter stderr)
    {
        if (Directory.Exists(path))
        {
            var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
            var versionName = Path.GetFileName(full);
            var id = Path.GetFileName(Path.GetDirectoryName(full)) ?? string.Empty;
            if (!int.TryParse(versionName, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new UsageException($"`{path}` is a folder but not a published version: give CATALOGUE/<id>/<version>, such as `catalogue/single_assessment/2`, or a template file.");
            }

            var published = new TemplateCatalogue(Path.GetDirectoryName(Path.GetDirectoryName(full))!);
            var loaded = published.Load(id, version);
            SessionLoader.Print(loaded.Diagnostics, arguments, stderr);
            return (loaded.Template, published);
        }

        // A new version given as a file is checked against the catalogue the old one came from, migrations included.
        var result = FormTemplate.Load(path, catalogue is null ? null : new TemplateLoadOptions { Catalogue = catalogue });
        SessionLoader.Print(result.Diagnostics, arguments, stderr);
        return (result.Template, catalogue);
    }
}
