using System.Text;
using System.Text.Json;
using FormEngine.Diagnostics;
using FormEngine.Evaluation;
using FormEngine.Files;
using FormEngine.Renderers;
using FormEngine.Renderers.Html;
using FormEngine.Views;

namespace FormEngine.Cli.Commands;

/// <summary>
/// <c>formengine submit</c>: applies a posted form (an <c>application/x-www-form-urlencoded</c> body) to the
/// answers, as a web application does with <see cref="HtmlFormBinder"/>, and prints the new answers document.
/// </summary>
internal static class SubmitCommand
{
    public static int Run(Arguments arguments, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var templatePath = arguments.RequirePositional(0, "the template file");
        arguments.ExpectPositionalCount(1);
        var formPath = arguments.RequireOption("form", "body.txt");
        var page = arguments.Page();
        var theme = arguments.Option("theme") ?? "plain";
        if (!HtmlRenderer.Themes.Contains(theme, StringComparer.Ordinal))
        {
            throw new UsageException($"Unknown theme `{theme}`; use {string.Join(" or ", HtmlRenderer.Themes)}.");
        }

        var session = SessionLoader.Open(templatePath, arguments, stderr);
        var body = ReadBody(formPath, stdin, stderr);
        if (session is null || body is null)
        {
            return CommandLine.InvalidInput;
        }

        var formName = formPath == "-" ? "stdin" : formPath;
        if (!FormPost.TryParseUrlEncoded(body, out var post, out var error))
        {
            stderr.WriteLine(DiagnosticCatalogue.FormNotReadable.At(new SourceLocation(formName, 0, 0, 0), error));
            return CommandLine.InvalidInput;
        }

        FormBindResult result;
        try
        {
            result = HtmlFormBinder.Bind(session, post, new ViewOptions { Audience = arguments.Option("audience"), Page = page }, new RenderOptions { Mode = OutputMode.Form, Theme = theme });
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message.Split(" (Parameter")[0]);
        }

        // The same shape as `evaluate` gives answers that do not fit: FILE: warning CODE: PATH: message.
        foreach (var problem in result.Problems)
        {
            stderr.WriteLine($"{formName}: warning {problem.Code}: {problem.Path}: {problem.Message}");
        }

        foreach (var name in result.Ignored)
        {
            stderr.WriteLine($"{formName}: warning {DiagnosticCodes.FormFieldIgnored}: {name}: not a field of this page, so it was ignored.");
        }

        // Written in one call, so a failure can never leave half a JSON document behind.
        stdout.Write(session.ToJson().ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + Environment.NewLine);
        return CommandLine.Success;
    }

    /// <summary>The body's text, or null with a diagnostic on stderr. <c>-</c> reads standard input.</summary>
    private static string? ReadBody(string path, TextReader stdin, TextWriter stderr)
    {
        if (path != "-")
        {
            var read = InputFiles.ReadText(path, path, AnswersDocument.MaxBytes, "form body");
            if (read.Problem == InputFileProblem.None)
            {
                return read.Text;
            }

            stderr.WriteLine(DiagnosticCatalogue.FormNotReadable.At(new SourceLocation(path, read.Line, read.Column, read.Line > 0 ? 1 : 0), read.Message, read.Suggestion));
            return null;
        }

        // Read in pieces, so a body larger than any form is refused without being held whole.
        var text = new StringBuilder();
        var buffer = new char[64 * 1024];
        int count;
        try
        {
            while ((count = stdin.Read(buffer, 0, buffer.Length)) > 0)
            {
                text.Append(buffer, 0, count);
                if (text.Length > AnswersDocument.MaxBytes)
                {
                    stderr.WriteLine(DiagnosticCatalogue.FormNotReadable.At(new SourceLocation("stdin", 0, 0, 0), $"The form body is larger than {AnswersDocument.MaxBytes:N0} bytes, the most FormEngine reads."));
                    return null;
                }
            }
        }
        catch (DecoderFallbackException)
        {
            stderr.WriteLine(DiagnosticCatalogue.FormNotReadable.At(new SourceLocation("stdin", 0, 0, 0), "The form body is not UTF-8 text."));
            return null;
        }

        return text.ToString();
    }
}
