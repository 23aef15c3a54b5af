using System.Text.Json;
using System.Text.Json.Nodes;
using FormEngine.Diagnostics;
using FormEngine.Files;

namespace FormEngine.Evaluation;

/// <summary>The outcome of reading an answers file: the answers, or why they could not be read.</summary>
/// <param name="Answers">The answers, or null.</param>
/// <param name="Diagnostics">Problems found, with line and column where JSON reports them.</param>
public sealed record AnswersLoadResult(JsonObject? Answers, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when the answers were read.</summary>
    public bool Success => Answers is not null;
}

/// <summary>Reads answers files: JSON with one object per section. Never throws for bad input.</summary>
public static class AnswersDocument
{
    /// <summary>Largest answers file read (16 MiB).</summary>
    public const long MaxBytes = 16 * 1024 * 1024;

    /// <summary>Reads an answers file.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The answers or diagnostics.</returns>
    public static AnswersLoadResult Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var read = InputFiles.ReadText(path, path, MaxBytes, "answers file");
        return read.Problem switch
        {
            InputFileProblem.None => Parse(read.Text!, path),
            InputFileProblem.NotFound => Failed(path, 0, 0, $"The answers file `{path}` does not exist.", "Check the path."),
            InputFileProblem.Folder => Failed(path, 0, 0, $"`{path}` is a folder, not an answers file.", "Give the path of a JSON answers file."),
            InputFileProblem.TooLarge => Failed(path, 0, 0, $"The answers file is larger than {MaxBytes:N0} bytes, the most FormEngine reads.", null),
            _ => Failed(path, read.Line, read.Column, read.Message, read.Suggestion),
        };
    }

    /// <summary>Reads answers from JSON text.</summary>
    /// <param name="json">The answers.</param>
    /// <param name="displayName">The name diagnostics use.</param>
    /// <returns>The answers or diagnostics.</returns>
    public static AnswersLoadResult Parse(string json, string displayName = "answers.json")
    {
        ArgumentNullException.ThrowIfNull(json);
        if (AnswersJsonChecks.CheckText(json) is { } broken)
        {
            return Failed(displayName, broken.Line, broken.Column, broken.Message, broken.Suggestion);
        }

        try
        {
            var node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 64, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (node is not JsonObject answers)
            {
                return Failed(displayName, 1, 1, "Answers must be a JSON object with one object per section, e.g. {\"child\": {\"dob\": \"2017-03-02\"}}.", null);
            }

            var problems = AnswersJsonChecks.Check(json, new JsonReaderOptions { MaxDepth = 64, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return problems.Count == 0
                ? new AnswersLoadResult(answers, [])
                : new AnswersLoadResult(null, [.. problems.Select(p => Problem(displayName, p.Line, p.Column, p.Message, p.Suggestion))]);
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            var message = ex.Message;
            // System.Text.Json appends its own 0-based position and a JSON path; the diagnostic has the position already.
            foreach (var marker in new[] { " LineNumber:", " Path:" })
            {
                var cut = message.IndexOf(marker, StringComparison.Ordinal);
                if (cut > 0)
                {
                    message = message[..cut];
                }
            }

            return Failed(displayName, line, column, $"The answers are not valid JSON: {message}", "Check for a missing comma, quote or bracket near here.");
        }
    }

    private static AnswersLoadResult Failed(string file, int line, int column, string message, string? suggestion) =>
        new(null, [Problem(file, line, column, message, suggestion)]);

    private static Diagnostic Problem(string file, int line, int column, string message, string? suggestion) =>
        DiagnosticCatalogue.AnswersNotJson.At(new SourceLocation(file, line, column, line > 0 ? 1 : 0), message, suggestion);
}
