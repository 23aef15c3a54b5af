using System.Globalization;
using FormEngine.Cli.Commands;

namespace FormEngine.Cli;

/// <summary>
/// The <c>formengine</c> command line: parses arguments and hands each command to the library, so that a
/// host application can do everything the command line does. Exit codes: 0 success, 1 invalid input
/// (template, answers, scenarios or a host's HTML templates), 2 a usage error, 3 an output that could not be
/// written (or a port that could not be listened on).
/// </summary>
internal static class CommandLine
{
    public const int Success = 0;
    public const int InvalidInput = 1;
    public const int UsageError = 2;
    public const int IoError = 3;

    private const string Usage = """
        Usage:
          formengine validate TEMPLATE
          formengine evaluate TEMPLATE|--catalogue DIR --answers ANSWERS.json [--today YYYY-MM-DD] [--previous PREVIOUS.json]
          formengine explain TEMPLATE PATH|--catalogue DIR PATH --answers ANSWERS.json [--today YYYY-MM-DD] [--audience AUDIENCE]
          formengine schema TEMPLATE
          formengine test PATH [--update-approved]
          formengine analyze TEMPLATE [--answers ANSWERS.json ...] [--json] [--today YYYY-MM-DD]
          formengine render TEMPLATE|--catalogue DIR [--answers ANSWERS.json] --format html|pdf|text --out FILE
                     [--mode form|record|blank|audit] [--theme plain|govuk] [--today YYYY-MM-DD]
                     [--audience AUDIENCE] [--lang cy] [--second-lang en] [--layout side-by-side|sequential]
                     [--templates DIR] [--stylesheet URL ...] [--script URL ...] [--nonce NONCE] [--page N]
                     [--case-reference REF] [--marking OFFICIAL-SENSITIVE]
          formengine preview TEMPLATE [--port N] [--today YYYY-MM-DD]
          formengine submit TEMPLATE --answers ANSWERS.json --form BODY [--theme govuk|plain]
                     [--audience AUDIENCE] [--page N] [--today YYYY-MM-DD]
          formengine publish TEMPLATE --catalogue DIR [--date YYYY-MM-DD]
          formengine migrate --catalogue DIR --answers OLD.json [--to VERSION] [--out NEW.json] [--today YYYY-MM-DD]
          formengine diff OLD NEW [--answers-dir DIR] [--json]

        Commands:
          validate   Check a template; print each problem as FILE:LINE:COL: error CODE: message.
          evaluate   Evaluate answers against a template; print what is shown, missing, wrong, computed and flagged, as JSON.
          explain    Say why a section or question is shown or hidden, and required or not; with --audience,
                     only what that reader may be told.
          test       Run template scenarios (*.scenarios.yaml) in a file or folder; report failures and rule coverage.
          analyze    The burden report: how much each case is asked, questions nobody reaches or everybody
                     is asked, labels that repeat each other, and texts above plain-English level.
          schema     Print the JSON Schema of the template's answers, for systems that store them.
          render     Write the form, record, blank paper form or audit record as HTML, PDF or text.
                     Answers may be left out for a blank form. With --mode form and a template that splits
                     the form into pages, --page N writes one page (one more than the last page: check
                     your answers). With --catalogue DIR instead of a template, the published version the
                     answers name (their "$template") reads them.
          preview    Serve the template as a live form at http://127.0.0.1:PORT (default 5170) for its author:
                     answers re-evaluate as they are given, saving the YAML reloads the page, mistakes are
                     shown at their line; switch audience, language, theme and mode, download the PDF.
          submit     Apply a posted form to the answers, as a web application does, and print the new answers
                     as JSON. BODY is the application/x-www-form-urlencoded body the browser sent (`-` reads
                     standard input); --theme and --audience must be those the form was rendered with. Fields
                     that could not be read, and fields not on the page, are warnings on stderr; the exit code
                     is 0 whenever the body was applied. For a template that splits the form into pages
                     (`pages:`), --page N says which page was posted; only its fields are applied.
          publish    Copy a template and the files it includes into a catalogue as an immutable version, with
                     a manifest of their hashes. Refused (exit 1) when the template has errors, the version
                     exists with other content, is not above the latest, or changes stored answers without a
                     migration. Publishing the same files again changes nothing (exit 0).
          migrate    Migrate answers from the version they name to the latest (or --to), through every
                     version between, and print them (or write --out). Answers no step carries are kept in
                     "$archived" with their original value; migrating twice is the same as once.
          diff       List every change between two versions (template files or CATALOGUE/<id>/<version>
                     folders) with its impact on stored answers: safe, migration (declared) or breaking.
                     --answers-dir counts the answers files each change touches. Exit 0 when safe or
                     migration, 2 when breaking, 1 when a file is invalid.

        --stylesheet and --script (each may be given more than once) link an HTML page to stylesheets and
        JavaScript modules, e.g. GOV.UK Frontend's govuk-frontend.min.css and govuk-frontend.min.js with
        --theme govuk, which the page then starts; --nonce puts a Content-Security-Policy nonce on its inline
        script and style.
        --today sets the evaluation date used by today() and age(); it defaults to the current date.
        --warnings all|summary|none (every command): `summary`, the default, counts repeated warnings (missing
        translations, per section and language) on one line; `all` lists each one; `none` shows only errors and
        the warnings that always matter: a rule that can never hold (FET0022), a question withheld from
        readers through a rule (FET0025).

        Exit codes: 0 success; 1 invalid input (template, answers or scenarios, with diagnostics on stderr);
        2 a usage error; 3 the output could not be written (nothing is written then, not even part).
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, TextReader.Null, stdout, stderr);

    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            (args.Length == 0 ? stderr : stdout).WriteLine(Usage);
            return args.Length == 0 ? UsageError : Success;
        }

        if (args[0] is "--version")
        {
            stdout.WriteLine(typeof(CommandLine).Assembly.GetName().Version?.ToString(3));
            return Success;
        }

        if (!Arguments.TryParse(args.Skip(1).ToArray(), out var arguments, out var problem))
        {
            return Fail(stderr, problem);
        }

        try
        {
            return args[0] switch
            {
                "validate" => ValidateCommand.Run(arguments, stdout, stderr),
                "evaluate" => EvaluateCommand.Run(arguments, stdout, stderr),
                "explain" => ExplainCommand.Run(arguments, stdout, stderr),
                "render" => RenderCommand.Run(arguments, stdout, stderr),
                "schema" => SchemaCommand.Run(arguments, stdout, stderr),
                "test" => TestCommand.Run(arguments, stdout, stderr),
                "analyze" => AnalyzeCommand.Run(arguments, stdout, stderr),
                "preview" => PreviewCommand.Run(arguments, stdout, stderr),
                "submit" => SubmitCommand.Run(arguments, stdin, stdout, stderr),
                "publish" => PublishCommand.Run(arguments, stdout, stderr),
                "migrate" => MigrateCommand.Run(arguments, stdout, stderr),
                "diff" => DiffCommand.Run(arguments, stdout, stderr),
                _ => Fail(stderr, $"Unknown command `{args[0]}`."),
            };
        }
        catch (UsageException ex)
        {
            return Fail(stderr, ex.Message);
        }
        catch (OutputException ex)
        {
            stderr.WriteLine($"formengine: {ex.Message}");
            return IoError;
        }
    }

    public static DateOnly ReadToday(Arguments arguments)
    {
        if (arguments.Option("today") is not { } text)
        {
            // The command line is the host here: it, not the library, decides that "today" means the calendar date.
            return DateOnly.FromDateTime(DateTime.Today);
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var today))
        {
            return today;
        }

        throw new UsageException($"--today must be a date written YYYY-MM-DD, not `{text}`.");
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine($"formengine: {message}");
        stderr.WriteLine("Run `formengine --help` for usage.");
        return UsageError;
    }
}

/// <summary>A mistake in how the command was called.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>The command's output could not be written; nothing (not even part of it) was.</summary>
internal sealed class OutputException(string message) : Exception(message);
