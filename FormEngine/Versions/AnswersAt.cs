using System.Text.Json.Nodes;

namespace FormEngine.Versions;

/// <summary>Whether an answers document holds an answer at a template path (for a repeat group's field, in any item).</summary>
internal static class AnswersAt
{
    /// <summary>True when the document has an answer at the path; with <paramref name="values"/>, one that is (or, for a list, holds) one of them.</summary>
    public static bool Has(JsonObject document, string path, IReadOnlyList<string> values) =>
        Answers(document, path).Any(answer => values.Count == 0 || Holds(answer, values));

    private static bool Holds(JsonNode answer, IReadOnlyList<string> values) => answer switch
    {
        JsonArray list => list.Any(item => item is not null && Holds(item, values)),
        JsonValue value => value.TryGetValue<string>(out var text) && values.Contains(text),
        _ => false,
    };

    private static IEnumerable<JsonNode> Answers(JsonObject document, string path)
    {
        var parts = path.Split('.');
        if (document[parts[0]] is not JsonObject section)
        {
            return [];
        }

        if (parts.Length == 1)
        {
            return section.Count > 0 ? [section] : [];
        }

        var answer = section[parts[1]];
        if (parts.Length == 2)
        {
            return answer is null or JsonArray { Count: 0 } ? [] : [answer];
        }

        return answer is JsonArray items ? items.OfType<JsonObject>().Select(item => item[parts[2]]).OfType<JsonNode>() : [];
    }
}
