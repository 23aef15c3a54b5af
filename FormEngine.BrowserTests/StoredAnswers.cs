using System.Text.Json.Nodes;

namespace FormEngine.BrowserTests;

/// <summary>Answers documents as the sample stores them, compared by their answers: the <c>$template</c> stamp every save adds is checked once and set aside, as is the <c>$flags</c> list the sample keeps.</summary>
internal static class StoredAnswers
{
    /// <summary>The document without its <c>$template</c> and <c>$flags</c>; the stamp must name <paramref name="template"/> when given.</summary>
    public static JsonObject WithoutStamp(string json, string? template = null)
    {
        var document = JsonNode.Parse(json)!.AsObject();
        if (template is not null)
        {
            Assert.That(document["$template"]?["id"]?.GetValue<string>(), Is.EqualTo(template), "the answers name the template that made them");
        }

        document.Remove("$template");
        // The sample keeps the raised flags' ids beside the answers for the chronology; they are not answers.
        document.Remove("$flags");
        return document;
    }
}
