using System.Text.Json.Nodes;

namespace FormEngine.Records.Tests.Support;

internal static class Json
{
    public static JsonObject Obj(string json) => (JsonObject)JsonNode.Parse(json)!;

    public static bool Same(JsonNode? a, JsonNode? b) => JsonNode.DeepEquals(a, b);
}
