using System.Text.Json.Nodes;
using FormEngine.Analysis;
using FormEngine.Evaluation;

namespace FormEngine.Cli.Commands;

/// <summary>
/// <c>formengine analyze TEMPLATE [--answers FILE ...] [--json]</c>: the burden report. Answers files may
/// follow the template directly too, so a shell wildcard works: <c>--answers answers/*.json</c>.
/// </summary>
internal static class AnalyzeCommand
{
    public static int Run(Arguments arguments, TextWriter stdout, TextWriter stderr)
    {
        var templatePath = arguments.RequirePositional(0, "the template file");
        var today = CommandLine.ReadToday(arguments);
        var loaded = FormTemplate.Load(templatePath);
        SessionLoader.Print(loaded.Diagnostics, arguments, stderr);

        var cases = new List<(string, JsonObject)>();
        var ok = loaded.Success;
        foreach (var path in arguments.Options("answers").Concat(arguments.Positional.Skip(1)))
        {
            var answers = AnswersDocument.Load(path);
            SessionLoader.Print(answers.Diagnostics, arguments, stderr);

            ok &= answers.Success;
            if (answers.Answers is not { } document)
            {
                continue;
            }

            if (loaded.Template is { } template && Versions.AnswersProvenance.Check(template, document, path) is { } refusal)
            {
                SessionLoader.Print([refusal], arguments, stderr);
                ok = false;
                continue;
            }

            cases.Add((Path.GetFileNameWithoutExtension(path), document));
        }

        if (!ok)
        {
            return CommandLine.InvalidInput;
        }

        var report = BurdenAnalyzer.Analyze(loaded.Template!, cases, today);
        stdout.Write(arguments.Flag("json") ? BurdenReportWriter.ToJson(report) + Environment.NewLine : BurdenReportWriter.ToText(report));
        return CommandLine.Success;
    }
}
