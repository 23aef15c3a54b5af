using FormEngine.Evaluation;

namespace FormEngine.Cli.Commands;

/// <summary><c>formengine evaluate</c>: prints the evaluation result as one JSON object.</summary>
internal static class EvaluateCommand
{
    public static int Run(Arguments arguments, TextWriter stdout, TextWriter stderr)
    {
        var templatePath = SessionLoader.TemplatePath(arguments);
        var session = SessionLoader.Open(templatePath, arguments, stderr);
        if (session is null)
        {
            return CommandLine.InvalidInput;
        }

        foreach (var issue in session.AnswerIssues())
        {
            stderr.WriteLine($"{arguments.Option("answers")}: warning {issue.Code}: {issue.Path}: {issue.Message}");
        }

        // Written in one call, so a failure can never leave half a JSON document behind.
        stdout.Write(EvaluationJson.Write(session.Evaluate()) + Environment.NewLine);
        return CommandLine.Success;
    }
}
