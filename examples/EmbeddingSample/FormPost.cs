using System.Globalization;
using System.Text.Json.Nodes;
using FormEngine.Evaluation;
using FormEngine.Templates;
using FormEngine.Views;
using Microsoft.AspNetCore.Http;

namespace EmbeddingSample;

/// <summary>
/// Applies a posted form to a session with <see cref="FormSession.Set"/>. The HTML renderer names each field
/// by its answer path (<c>child.dob</c>, <c>household.members[0].age</c>), so the only work is turning text
/// into the right kind of answer.
/// </summary>
public static class FormPost
{
    /// <summary>The submit button that adds an item to a repeat group; its value is the group's path.</summary>
    public const string AddItem = "_add";

    public static void Apply(FormSession session, IFormCollection form)
    {
        // The questions that were on the page are the ones shown before this post. A browser sends nothing for
        // an unticked checkbox, so a question on the page that sent nothing has been cleared. Hidden questions
        // were not on the page: their answers are left as they are.
        var onPage = FormViewBuilder.Build(session).AllElements().OfType<QuestionView>()
            .Where(q => q.Visible && q.TakesAnswer && !q.Withheld)
            .Select(q => (q.Path, q.Type))
            .ToList();
        var stored = session.ToJson();
        foreach (var (path, type) in onPage)
        {
            var value = Read(type, form[path]);
            // An empty field that was never answered stays absent, rather than being written as null.
            if (value is not null || HasAnswer(stored, path))
            {
                session.Set(path, value);
            }
        }

        if (form[AddItem].ToString() is { Length: > 0 } group)
        {
            session.AddItem(group);
        }
    }

    /// <summary>Whether the stored answers have anything at a path such as <c>household.members[0].age</c>.</summary>
    private static bool HasAnswer(JsonObject stored, string path)
    {
        JsonNode? node = stored;
        foreach (var segment in path.Split('.'))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            node = node is JsonObject obj ? obj[bracket < 0 ? segment : segment[..bracket]] : null;
            if (bracket >= 0)
            {
                var index = int.Parse(segment[(bracket + 1)..^1], CultureInfo.InvariantCulture);
                node = node is JsonArray array && index < array.Count ? array[index] : null;
            }
        }

        return node is not null;
    }

    private static object? Read(QuestionType type, Microsoft.Extensions.Primitives.StringValues posted)
    {
        var text = posted.ToString().Trim();
        return type switch
        {
            QuestionType.MultiChoice => posted.Count == 0 ? null : posted.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList(),
            _ when text.Length == 0 => null,
            QuestionType.Boolean => text == "true",
            // Text that is not a number is kept as typed: the engine reports it to the practitioner.
            QuestionType.Number => decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) ? number : text,
            QuestionType.TextArea => posted.ToString().ReplaceLineEndings("\n"),
            _ => text,
        };
    }
}
