using System.Text.Json;
using System.Text.Json.Nodes;

namespace FormEngine.Views;

/// <summary>
/// A signature question's answer in its parts, as stored (so a form shows again exactly what was typed, even a
/// date that is not one): who confirmed, in what role, and on what date (<c>YYYY-MM-DD</c>).
/// </summary>
/// <param name="Name">Who confirmed; empty when not given.</param>
/// <param name="Role">Their role, e.g. "Social worker"; empty when not given.</param>
/// <param name="Date">The date as stored, normally <c>YYYY-MM-DD</c>; empty when not given.</param>
public sealed record SignatureView(string Name, string Role, string Date)
{
    /// <summary>No signature given.</summary>
    public static SignatureView Empty { get; } = new(string.Empty, string.Empty, string.Empty);

    /// <summary>The parts of a stored answer; parts that are missing or not text are empty.</summary>
    /// <param name="stored">The stored answer, or null.</param>
    /// <returns>The parts.</returns>
    public static SignatureView From(JsonNode? stored)
    {
        if (stored is not JsonObject signature)
        {
            return Empty;
        }

        string Part(string key) => signature[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : string.Empty;
        return new SignatureView(Part("name"), Part("role"), Part("date"));
    }

    /// <summary>The answer as stored: <c>{"name": ..., "role": ..., "date": ...}</c> with the parts given, or null when none is.</summary>
    /// <returns>The JSON, or null.</returns>
    public JsonObject? ToJson()
    {
        var json = new JsonObject();
        foreach (var (key, value) in new[] { ("name", Name), ("role", Role), ("date", Date) })
        {
            if (value.Length > 0)
            {
                json[key] = value;
            }
        }

        return json.Count == 0 ? null : json;
    }
}
