using System.Text;
using System.Text.Json;

namespace FormEngine.Evaluation;

/// <summary>A problem in answers that are valid JSON syntax but cannot be read without guessing.</summary>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column, in characters.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Suggestion">What to do.</param>
internal sealed record AnswersJsonProblem(int Line, int Column, string Message, string Suggestion);

/// <summary>
/// Checks JSON text that System.Text.Json accepts but FormEngine must not: a key given twice in one object
/// (JSON readers disagree on which value wins, so one answer would be lost without a word), and text that is
/// not valid Unicode (a lone UTF-16 surrogate such as <c>"A\ud800B"</c>, which System.Text.Json parses and
/// then refuses to read as a string, in the middle of evaluating a form).
/// </summary>
internal static class AnswersJsonChecks
{
    private const int MaxProblems = 20;

    private const string BrokenTextSuggestion = "The system that wrote this file cut a character in half or wrote an invalid \\u escape; write the text again, or correct the escape.";

    /// <summary>
    /// The first character of the text (not of an escape in it) that is half a surrogate pair, or null. Such
    /// text has no UTF-8 form, so it is checked before anything else reads it.
    /// </summary>
    public static AnswersJsonProblem? CheckText(string json)
    {
        if (FirstLoneSurrogate(json) is not { } index)
        {
            return null;
        }

        var (line, column) = Position(json, index);
        return new AnswersJsonProblem(line, column, $"The answers contain a broken character (U+{(int)json[index]:X4}, half of a UTF-16 surrogate pair).", BrokenTextSuggestion);
    }

    /// <summary>Keys given twice in one object, and escapes that are not valid characters, in JSON that parses.</summary>
    public static IReadOnlyList<AnswersJsonProblem> Check(string json, JsonReaderOptions options)
    {
        var problems = new List<AnswersJsonProblem>();
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, options);
        var objects = new Stack<Dictionary<string, long>?>();
        while (reader.Read() && problems.Count < MaxProblems)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    objects.Push(new Dictionary<string, long>(StringComparer.Ordinal));
                    break;
                case JsonTokenType.StartArray:
                    objects.Push(null);
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    objects.Pop();
                    break;
                case JsonTokenType.PropertyName when Text(ref reader, bytes, problems) is { } name && objects.Peek() is { } keys:
                    if (keys.TryGetValue(name, out var first))
                    {
                        var (line, column) = Position(bytes, reader.TokenStartIndex);
                        var (firstLine, firstColumn) = Position(bytes, first);
                        problems.Add(new AnswersJsonProblem(line, column,
                            $"The key `{Shorten(name)}` appears twice in the same object (first at line {firstLine}, column {firstColumn}); which answer is meant cannot be known.",
                            "Keep one of the two, and remove or rename the other."));
                    }
                    else
                    {
                        keys[name] = reader.TokenStartIndex;
                    }

                    break;
                case JsonTokenType.String:
                    Text(ref reader, bytes, problems);
                    break;
            }
        }

        return problems;
    }

    // The string's value, or null (with a problem recorded) when its escapes do not make valid Unicode.
    private static string? Text(ref Utf8JsonReader reader, byte[] bytes, List<AnswersJsonProblem> problems)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            var (line, column) = Position(bytes, reader.TokenStartIndex);
            problems.Add(new AnswersJsonProblem(line, column, "This text has an escape that is not a valid character (half of a UTF-16 surrogate pair, e.g. \\ud800 alone).", BrokenTextSuggestion));
            return null;
        }
    }

    private static int? FirstLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return null;
    }

    private static (int Line, int Column) Position(string text, int index)
    {
        var line = 1 + text.AsSpan(0, index).Count('\n');
        var lineStart = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
        return (line, index - lineStart + 1);
    }

    // 1-based line and column in characters of a byte offset in UTF-8 (a JSON token starts on a character).
    private static (int Line, int Column) Position(byte[] bytes, long offset)
    {
        var prefix = bytes.AsSpan(0, (int)offset);
        var lineStart = prefix.LastIndexOf((byte)'\n') + 1;
        var line = 1 + prefix.Count((byte)'\n');
        return (line, Encoding.UTF8.GetCharCount(prefix[lineStart..]) + 1);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
