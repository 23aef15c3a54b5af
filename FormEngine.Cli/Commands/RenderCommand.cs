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
        var outputPath = CheckOutput(output, renderer.FileExtension);
        RenderOptions options = new()
        {
            Mode = mode,
            Theme = theme,
            CaseReference = arguments.Option("case-reference"),
            ProtectiveMarking = arguments.Option("marking"),
            Language = arguments.Option("document-language"),
            TemplateFolder = arguments.Option("templates"),
        };

        if (options.TemplateFolder is { } folder && !Directory.Exists(folder))
        {
            // Otherwise every template would quietly come from the built-in theme.
            throw new UsageException($"The template folder `{folder}` given with --templates does not exist.");
        }

        var session = mode == RenderMode.Blank && arguments.Option("answers") is null
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
            view = FormViewBuilder.Build(session, new ViewOptions { Audience = arguments.Option("audience"), Language = arguments.Option("lang") });
            if (arguments.Option("second-lang") is { } secondLanguage)
            {
                second = FormViewBuilder.Build(session, new ViewOptions { Audience = arguments.Option("audience"), Language = secondLanguage });
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

        WriteAtomically(output, outputPath, buffer);
        stderr.WriteLine($"Wrote {output} ({buffer.Length:N0} bytes, {format}, {mode.ToString().ToLowerInvariant()}).");
        return CommandLine.Success;
    }

    private static RenderMode ParseMode(string text) => text switch
    {
        "form" => RenderMode.Form,
        "record" => RenderMode.Record,
        "blank" => RenderMode.Blank,
        "audit" => RenderMode.Audit,
        _ => throw new UsageException($"Unknown mode `{text}`; use form, record, blank or audit."),
    };

    /// <summary>
    /// The full path to write, after refusing what cannot or must not be written: an empty name, a folder that
    /// does not exist, a folder, a device or FIFO (moving a file over <c>/dev/null</c> would replace the device),
    /// and a symbolic link. A link is refused rather than replaced or written through: replacing it would
    /// quietly break whatever relies on it, and writing through it would put a child's record wherever the
    /// link points, which the person running the command may not know.
    /// </summary>
    private static string CheckOutput(string output, string extension)
    {
        if (string.IsNullOrWhiteSpace(output) || output.Contains('\0', StringComparison.Ordinal))
        {
            throw new UsageException($"`--out` needs a file name, e.g. `--out record{extension}`.");
        }

        var full = Path.GetFullPath(output);
        var directory = Path.GetDirectoryName(full);
        if (directory is null || !Directory.Exists(directory))
        {
            throw new OutputException($"Cannot write `{output}`: the folder `{directory}` does not exist.");
        }

        if (new FileInfo(full).LinkTarget is { } target)
        {
            throw new OutputException($"Cannot write `{output}`: it is a symbolic link (to `{target}`), and FormEngine neither replaces links nor writes through them. Remove the link, or give the path of the file itself.");
        }

        switch (FileKinds.Of(full))
        {
            case FileKind.Directory:
                throw new OutputException($"Cannot write `{output}`: it is a folder. Give a file name, e.g. `{Path.Combine(output, "record" + extension)}`.");
            case FileKind.Special:
                throw new OutputException($"Cannot write `{output}`: it is a device, FIFO or socket, not a file.");
        }

        return full;
    }

    private static void WriteAtomically(string output, string full, MemoryStream content)
    {
        var directory = Path.GetDirectoryName(full)!;
        // A random name, created only if nothing is there (O_EXCL, which also refuses a link planted under
        // the name), so the temporary file can never be someone else's file or a link to one.
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        var created = false;
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                created = true;
                content.WriteTo(stream);
            }

            // A rename replaces the name, never what a link there points to; CheckOutput refused a link already.
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (created)
            {
                File.Delete(temporary);
            }

            throw new OutputException($"Cannot write `{output}`: {ex.Message}");
        }
    }
}
