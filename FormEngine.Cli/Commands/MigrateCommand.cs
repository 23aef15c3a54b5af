using System.Globalization;
using System.Text.Json;
using FormEngine.Evaluation;
using FormEngine.Versions;

namespace FormEngine.Cli.Commands;

/// <summary>
/// <c>formengine migrate --catalogue DIR --answers OLD.json [--to VERSION] [--out NEW.json]</c>: prints (or writes)
/// the answers migrated to the latest version, or to <c>--to</c>. Exit 0 when migrated, 1 when the answers or
/// catalogue are invalid, 2 for a usage error, 3 when <c>--out</c> cannot be written.
/// </summary>
internal static class MigrateCommand
{
    public static int Run(Arguments arguments, TextWriter stdout, TextWriter stderr)
    {
        arguments.ExpectPositionalCount(0);
        var folder = arguments.RequireOption("catalogue", "catalogue");
        var answersPath = arguments.RequireOption("answers", "old-answers.json");
        int? to = null;
        if (arguments.Option("to") is { } text)
        {
            to = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0
                ? version
                : throw new UsageException($"--to must be a version number such as 3, not `{text}`.");
        }

        var today = CommandLine.ReadToday(arguments);
        var answers = AnswersDocument.Load(answersPath);
        SessionLoader.Print(answers.Diagnostics, arguments, stderr);
        if (answers.Answers is not { } document)
        {
            return CommandLine.InvalidInput;
        }

        var result = new TemplateCatalogue(folder).Migrate(document, today, to, answersPath);
        SessionLoader.Print(result.Diagnostics, arguments, stderr);
        if (result.Answers is not { } migrated)
        {
            return CommandLine.InvalidInput;
        }

        var json = migrated.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        if (arguments.Option("out") is not { } output)
        {
            stdout.Write(json);
            return CommandLine.Success;
        }

        OutputFile.Write(output, ".json", System.Text.Encoding.UTF8.GetBytes(json));
        stderr.WriteLine($"Wrote {output}.");
        return CommandLine.Success;
    }
}
