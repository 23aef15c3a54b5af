using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FormEngine.Views;

/// <summary>An answer given under an earlier version of the template and archived when the record was migrated.</summary>
/// <param name="Path">The question's path in that version (<c>household.members[1].age</c> for an item's field).</param>
/// <param name="Value">The answer as it was given, as text.</param>
/// <param name="Version">The version it was given under.</param>
/// <param name="Reason">Why no migration step carried it forward, as recorded when it was archived.</param>
public sealed record EarlierAnswer(string Path, string Value, int Version, string Reason);

/// <summary>Reads the answers document's <c>$archived</c> into what a view shows, deciding once who may see it.</summary>
internal static class EarlierAnswersBuilder
{
    public static IReadOnlyList<EarlierAnswer> Build(ViewContext context)
    {
        // The archive holds answers whose questions may be gone, with no record of who could see them.
        if (!context.SeesEverything || context.State.Metadata(Versions.MigrationStepper.ArchivedKey) is not JsonArray archived)
        {
            return [];
        }

        var answers = new List<EarlierAnswer>();
        foreach (var entry in archived.OfType<JsonObject>())
        {
            var path = entry["path"] is JsonValue p && p.TryGetValue<string>(out var text) ? text : "?";
            var version = entry["version"] is JsonValue v && v.TryGetValue<int>(out var number) ? number : 0;
            var reason = entry["reason"] is JsonValue r && r.TryGetValue<string>(out var because) ? because : string.Empty;
            answers.Add(new EarlierAnswer(path, Display(entry["value"]), version, reason));
        }

        return answers;
    }

    private static string Display(JsonNode? value) => value switch
    {
        null => string.Empty,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<decimal>().ToString(CultureInfo.InvariantCulture),
        JsonArray list => string.Join(", ", list.Select(Display)),
        _ => value.ToJsonString(),
    };
}
