namespace FormEngine.Cli.Commands;

/// <summary><c>formengine validate TEMPLATE</c>: prints every diagnostic; exit 1 when there are errors.</summary>
internal static class ValidateCommand
{
    public static int Run(Arguments arguments, TextWriter stdout, TextWriter stderr)
    {
        var path = arguments.RequirePositional(0, "the template file, e.g. `formengine validate assessment.yaml`");
        arguments.ExpectPositionalCount(1);
        var warnings = DiagnosticPrinter.ReadWarnings(arguments);
        var result = FormTemplate.Load(path);
        DiagnosticPrinter.Print(result.Diagnostics, stdout, warnings);

        if (!result.Success)
        {
            var errors = result.Diagnostics.Count(d => d.IsError);
            stderr.WriteLine($"{path}: {errors} error{(errors == 1 ? string.Empty : "s")}.");
            return CommandLine.InvalidInput;
        }

        var template = result.Template!;
        stderr.WriteLine($"{path}: valid ({template.Sections.Count} sections, {template.QuestionCount} questions).");
        return CommandLine.Success;
    }
}
