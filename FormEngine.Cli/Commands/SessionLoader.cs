using FormEngine.Evaluation;
using FormEngine.Versions;

namespace FormEngine.Cli.Commands;

/// <summary>
/// Loads a template and answers for the commands that evaluate, printing diagnostics to stderr. The template is
/// either a file named on the command line or, with <c>--catalogue DIR</c>, the published version the answers
/// name in their <c>$template</c>.
/// </summary>
internal static class SessionLoader
{
    /// <summary>The template file named first, or null when <c>--catalogue</c> picks the version from the answers.</summary>
    public static string? TemplatePath(Arguments arguments)
    {
        if (arguments.Option("catalogue") is not null)
        {
            if (arguments.Positional.Count > 0)
            {
                throw new UsageException($"Give either a template file (`{arguments.Positional[0]}`) or `--catalogue DIR`, not both: with a catalogue, the answers say which version reads them.");
            }

            return null;
        }

        var path = arguments.RequirePositional(0, "the template file (or `--catalogue DIR` to use the version the answers name)");
        arguments.ExpectPositionalCount(1);
        return path;
    }

    /// <summary>Loads a template, printing its diagnostics (errors and warnings) to stderr; null when it has errors.</summary>
    public static FormTemplate? LoadTemplate(string templatePath, Arguments arguments, TextWriter stderr)
    {
        var result = FormTemplate.Load(templatePath);
        Print(result.Diagnostics, arguments, stderr);
        return result.Template;
    }

    /// <summary>A session with no answers, for blank forms: the template file, or a catalogue's only template at its latest version.</summary>
    public static FormSession? OpenBlank(string? templatePath, Arguments arguments, TextWriter stderr)
    {
        var today = CommandLine.ReadToday(arguments);
        FormTemplate? template;
        if (templatePath is not null)
        {
            template = LoadTemplate(templatePath, arguments, stderr);
        }
        else
        {
            var catalogue = new TemplateCatalogue(arguments.Option("catalogue")!);
            var ids = catalogue.TemplateIds;
            if (ids.Count != 1)
            {
                throw new UsageException($"A blank form from `--catalogue` needs a catalogue of one template, but `{catalogue.Folder}` has {ids.Count}. Give the template file of the version you want instead.");
            }

            var latest = catalogue.LoadLatest(ids[0]);
            Print(latest.Diagnostics, arguments, stderr);
            template = latest.Template;
        }

        return template is null ? null : FormSession.Open(template, null, new FormSessionOptions { Today = today });
    }

    public static FormSession? Open(string? templatePath, Arguments arguments, TextWriter stderr)
    {
        var answersPath = arguments.RequireOption("answers", "answers.json");
        var today = CommandLine.ReadToday(arguments);
        var template = templatePath is null ? null : LoadTemplate(templatePath, arguments, stderr);
        var answers = AnswersDocument.Load(answersPath);
        Print(answers.Diagnostics, arguments, stderr);

        AnswersLoadResult? previous = null;
        if (arguments.Option("previous") is { } previousPath)
        {
            previous = AnswersDocument.Load(previousPath);
            Print(previous.Diagnostics, arguments, stderr);
        }

        if (templatePath is null && answers.Answers is { } document)
        {
            var picked = new TemplateCatalogue(arguments.Option("catalogue")!).LoadFor(document, answersPath);
            Print(picked.Diagnostics, arguments, stderr);
            template = picked.Template;
        }

        if (template is null || !answers.Success || previous is { Success: false })
        {
            return null;
        }

        if (AnswersProvenance.Check(template, answers.Answers!, answersPath) is { } refusal)
        {
            Print([refusal], arguments, stderr);
            return null;
        }

        return FormSession.Open(template, answers.Answers, new FormSessionOptions { Today = today, PreviousAnswers = previous?.Answers });
    }

    /// <summary>Prints diagnostics to stderr as <c>--warnings</c> asks.</summary>
    public static void Print(IReadOnlyList<Diagnostics.Diagnostic> diagnostics, Arguments arguments, TextWriter stderr) =>
        DiagnosticPrinter.Print(diagnostics, stderr, DiagnosticPrinter.ReadWarnings(arguments));
}
