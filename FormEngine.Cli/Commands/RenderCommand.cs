using FormEngine.Evaluation;
using FormEngine.Files;
using FormEngine.Renderers;
using FormEngine.Renderers.Html;
using FormEngine.Views;

namespace FormEngine.Cli.Commands;

/// <summary>
/// <c>formengine render</c>: renders a template with answers (or blank) to a file. The output is built in
/// memory and moved into place in one step, so a failure never leaves a half-written file.
/// </summary>
internal static class RenderCommand
{
    public static int Run(Arguments arguments, TextWriter stdout, TextWriter stderr)
    {
        var templatePath = SessionLoader.TemplatePath(arguments);
        var renderers = FormRenderers.CreateDefault();
        var format = arguments.Option("format") ?? "html";
        var renderer = renderers.Find(format)
            ?? throw new UsageException($"Unknown format `{format}`; use one of: {string.Join(", ", renderers.Formats)}.");
        var mode = ParseMode(arguments.Option("mode") ?? "record");
        var theme = arguments.Option("theme") ?? "plain";
        if (theme is not ("plain" or "govuk"))
        {
            throw new UsageException($"Unknown theme `{theme}`; use plain or govuk.");
        }

        var output = arguments.RequireOption("out", $"record{renderer.FileExtension}");
        var outputPath = OutputFile.Check(output, renderer.FileExtension);
        RenderOptions options = new()
        {
            Mode = mode,
            Theme = theme,
            CaseReference = arguments.Option("case-reference"),
            ProtectiveMarking = arguments.Option("marking"),
            Language = arguments.Option("document-language"),
            TemplateFolder = arguments.Option("templates"),
            // A form rendered from an answers file shows what is missing or wrong in those answers.
            ShowErrors = true,
            Stylesheets = arguments.Options("stylesheet"),
            Scripts = arguments.Options("script"),
            Nonce = arguments.Option("nonce"),
        };

        if (format != "html" && (options.Stylesheets.Count > 0 || options.Scripts.Count > 0 || options.Nonce is not null))
        {
            throw new UsageException("--stylesheet, --script and --nonce are for HTML pages; leave them out or use --format html.");
        }

        if (options.Nonce is { } nonce && (nonce.Length == 0 || !nonce.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=' or '-' or '_')))
        {
            // A nonce goes into a Content-Security-Policy header as well: only base64 characters are safe there.
            throw new UsageException("--nonce takes base64 characters only (letters, digits, + / = - _), e.g. --nonce cmFuZG9tMTIz.");
        }

        if (options.TemplateFolder is { } folder && !Directory.Exists(folder))
        {
            // Otherwise every template would quietly come from the built-in theme.
            throw new UsageException($"The template folder `{folder}` given with --templates does not exist.");
        }

        var session = mode == OutputMode.Blank && arguments.Option("answers") is null
            ? SessionLoader.OpenBlank(templatePath, arguments, stderr)
            : SessionLoader.Open(templatePath, arguments, stderr);
        if (session is null)
        {
            return CommandLine.InvalidInput;
        }

        FormView view;
        FormView? second = null;
        try
        {
            var page = arguments.Page();
            if (page is not null && mode != OutputMode.Form)
            {
                throw new UsageException("`--page` shows one page of a form: use it with `--mode form`.");
            }

            view = FormViewBuilder.Build(session, new ViewOptions { Audience = arguments.Option("audience"), Language = arguments.Option("lang"), Page = page });
            if (arguments.Option("second-lang") is { } secondLanguage)
            {
                second = FormViewBuilder.Build(session, new ViewOptions { Audience = arguments.Option("audience"), Language = secondLanguage, Page = page });
            }
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message.Split(" (Parameter")[0]);
        }

        options = options with
        {
            SecondLanguage = second,
            BilingualLayout = arguments.Option("layout") switch
            {
                null or "side-by-side" => BilingualLayout.SideBySide,
                "sequential" => BilingualLayout.Sequential,
                var other => throw new UsageException($"Unknown layout `{other}`; use side-by-side or sequential."),
            },
        };

        using var buffer = new MemoryStream();
        try
        {
            renderer.Render(view, options, buffer);
        }
        catch (HtmlTemplateException ex)
        {
            // A host's template (--templates) failed or reached a limit: nothing is written, not even part.
            stderr.WriteLine($"formengine: {ex.Message}");
            stderr.WriteLine($"Nothing was written to `{output}`.");
            return CommandLine.InvalidInput;
        }

        OutputFile.WriteAtomically(output, outputPath, buffer);
        stderr.WriteLine($"Wrote {output} ({buffer.Length:N0} bytes, {format}, {mode.ToString().ToLowerInvariant()}).");
        return CommandLine.Success;
    }

    private static OutputMode ParseMode(string text) => text switch
    {
        "form" => OutputMode.Form,
        "record" => OutputMode.Record,
        "blank" => OutputMode.Blank,
        "audit" => OutputMode.Audit,
        _ => throw new UsageException($"Unknown mode `{text}`; use form, record, blank or audit."),
    };
}
