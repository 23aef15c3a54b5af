using FormEngine.Evaluation;

namespace FormEngine.Cli.Commands;

/// <summary>Loads a template and answers for the commands that evaluate, printing diagnostics to stderr.</summary>
internal static class SessionLoader
{
    /// <summary>Loads a template, printing its diagnostics (errors and warnings) to stderr; null when it has errors.</summary>
    public static FormTemplate? LoadTemplate(string templatePath, Arguments arguments, TextWriter stderr)
    {
        var result = FormTemplate.Load(templatePath);
        Print(result.Diagnostics, arguments, stderr);
        return result.Template;
    }

    /// <summary>A session with no answers, for blank forms.</summary>
    public static FormSession? OpenBlank(string templatePath, Arguments arguments, TextWriter stderr)
    {
        var today = CommandLine.ReadToday(arguments);
        var template = LoadTemplate(templatePath, arguments, stderr);
        return template is null ? null : FormSession.Open(template, null, new SessionOptions { Today = today });
    }

    public static FormSession? Open(string templatePath, Arguments arguments, TextWriter stderr)
    {
        var answersPath = arguments.RequireOption("answers", "answers.json");
        var today = CommandLine.ReadToday(arguments);
        var template = LoadTemplate(templatePath, arguments, stderr);
        var answers = AnswersDocument.Load(answersPath);
        Print(answers.Diagnostics, arguments, stderr);

        AnswersLoadResult? previous = null;
        if (arguments.Option("previous") is { } previousPath)
        {
            previous = AnswersDocument.Load(previousPath);
            Print(previous.Diagnostics, arguments, stderr);
        }

        if (template is null || !answers.Success || previous is { Success: false })
        {
            return null;
        }

        if (Versions.AnswersProvenance.Check(template, answers.Answers!, answersPath) is { } refusal)
        {
            Print([refusal], arguments, stderr);
            return null;
        }

        return FormSession.Open(template, answers.Answers, new SessionOptions { Today = today, PreviousAnswers = previous?.Answers });
    }

    /// <summary>Prints diagnostics to stderr as <c>--warnings</c> asks.</summary>
    public static void Print(IReadOnlyList<Diagnostics.Diagnostic> diagnostics, Arguments arguments, TextWriter stderr) =>
        DiagnosticPrinter.Print(diagnostics, stderr, DiagnosticPrinter.ReadWarnings(arguments));
}
