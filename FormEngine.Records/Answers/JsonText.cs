using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FormEngine.Records.Answers;

/// <summary>One way to write answers as JSON text, so stored documents and change values read the same everywhere.</summary>
internal static class JsonText
{
    // Welsh and other non-ASCII letters stay readable in stored text (ŵ, not \u0175); the text is data, never HTML.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };

    public static string Write(JsonNode? node) => node is null ? "null" : node.ToJsonString(Options);

    public static JsonObject ReadObject(string json) =>
        JsonNode.Parse(json, NodeOptions) as JsonObject
        ?? throw new InvalidDataException("A stored answers document is not a JSON object.");

    public static JsonNode? ReadValue(string json) => JsonNode.Parse(json, NodeOptions);
}
