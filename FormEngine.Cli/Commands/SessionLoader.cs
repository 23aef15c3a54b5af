using FormEngine.Evaluation;

namespace FormEngine.Cli.Commands;

/// <summary>Loads a template and answers for the commands that evaluate, printing diagnostics to stderr.</summary>
internal static class SessionLoader
{
    /// <summary>A session with no answers, for blank forms.</summary>
    public static FormSession? OpenBlank(string templatePath, Arguments arguments, TextWriter stderr)
    {
        var today = CommandLine.ReadToday(arguments);
        var template = FormTemplate.Load(templatePath);
        foreach (var diagnostic in template.Diagnostics)
        {
            stderr.WriteLine(diagnostic);
        }

        return template.Success ? FormSession.Open(template.Template!, null, new SessionOptions { Today = today }) : null;
    }

    public static FormSession? Open(string templatePath, Arguments arguments, TextWriter stderr)
    {
        var answersPath = arguments.RequireOption("answers", "answers.json");
        var today = CommandLine.ReadToday(arguments);
        var template = FormTemplate.Load(templatePath);
        foreach (var diagnostic in template.Diagnostics)
        {
            stderr.WriteLine(diagnostic);
        }

        var answers = AnswersDocument.Load(answersPath);
        foreach (var diagnostic in answers.Diagnostics)
        {
            stderr.WriteLine(diagnostic);
        }

        AnswersLoadResult? previous = null;
        if (arguments.Option("previous") is { } previousPath)
        {
            previous = AnswersDocument.Load(previousPath);
            foreach (var diagnostic in previous.Diagnostics)
            {
                stderr.WriteLine(diagnostic);
            }
        }

        if (!template.Success || !answers.Success || previous is { Success: false })
        {
            return null;
        }

        return FormSession.Open(template.Template!, answers.Answers, new SessionOptions { Today = today, PreviousAnswers = previous?.Answers });
    }
}
