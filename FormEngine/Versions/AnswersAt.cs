using System.Text.Json.Nodes;

namespace FormEngine.Versions;

/// <summary>Whether an answers document holds an answer at a template path (for a repeat group's field, in any item).</summary>
internal static class AnswersAt
{
    public static bool Has(JsonObject document, string path)
    {
        var parts = path.Split('.');
        if (document[parts[0]] is not JsonObject section)
        {
            return false;
        }

        if (parts.Length == 1)
        {
            return section.Count > 0;
        }

        var answer = section[parts[1]];
        if (parts.Length == 2)
        {
            return answer is not null && answer is not JsonArray { Count: 0 };
        }

        return answer is JsonArray items && items.OfType<JsonObject>().Any(item => item[parts[2]] is not null);
    }
}
