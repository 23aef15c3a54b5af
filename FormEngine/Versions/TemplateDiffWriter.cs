using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FormEngine.Versions;

/// <summary>Writes a <see cref="TemplateDiff"/> for people (one line per change, then the verdict) or as the JSON <c>formengine diff --json</c> prints.</summary>
public static class TemplateDiffWriter
{
    /// <summary>The name of an impact as the JSON and text write it: <c>safe</c>, <c>migration</c> or <c>breaking</c>.</summary>
    /// <param name="impact">The impact.</param>
    /// <returns>Its name.</returns>
    public static string Name(ChangeImpact impact) => impact switch
    {
        ChangeImpact.Safe => "safe",
        ChangeImpact.Migration => "migration",
        _ => "breaking",
    };

    /// <summary>The diff as text: a heading, one line per change (impact, kind, path, detail, records affected), the verdict.</summary>
    /// <param name="diff">The diff.</param>
    /// <returns>The text, ending with a line break.</returns>
    public static string ToText(TemplateDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var text = new StringBuilder();
        text.Append($"Changes from version {diff.OldVersion} of `{diff.OldId}` to version {diff.NewVersion} of `{diff.NewId}`:\n");
        if (diff.Changes.Count == 0)
        {
            text.Append("  none\n");
        }

        foreach (var change in diff.Changes)
        {
            text.Append($"  {Name(change.Impact),-9}  {change.Kind,-17}  {change.Path}: {change.Detail}");
            if (change.Affected is { } affected)
            {
                var what = change.Values.Count > 0 ? $"{string.Join(" or ", change.Values.Select(v => $"`{v}`"))} in `{change.Path}`" : $"answers to `{change.Path}`";
                text.Append(affected == 1 ? $" 1 record has {what}." : $" {affected} records have {what}.");
            }

            text.Append('\n');
        }

        text.Append($"Verdict: {Name(diff.Verdict)}. {Meaning(diff.Verdict)}\n");
        return text.ToString();
    }

    /// <summary>The diff as JSON: <c>{"old": {"id", "version"}, "new": {...}, "changes": [{"path", "kind", "detail", "impact", "affected"}], "verdict"}</c>.</summary>
    /// <param name="diff">The diff.</param>
    /// <returns>Indented JSON, ending with a line break.</returns>
    public static string ToJson(TemplateDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var json = new JsonObject
        {
            ["old"] = new JsonObject { ["id"] = diff.OldId, ["version"] = diff.OldVersion },
            ["new"] = new JsonObject { ["id"] = diff.NewId, ["version"] = diff.NewVersion },
            ["changes"] = new JsonArray([.. diff.Changes.Select(c => (JsonNode)new JsonObject
            {
                ["path"] = c.Path,
                ["kind"] = c.Kind,
                ["detail"] = c.Detail,
                ["impact"] = Name(c.Impact),
                ["affected"] = c.Affected,
            })]),
            ["verdict"] = Name(diff.Verdict),
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static string Meaning(ChangeImpact verdict) => verdict switch
    {
        ChangeImpact.Safe => "No stored answer is affected.",
        ChangeImpact.Migration => "Stored answers need migrating, and the new version declares every step.",
        _ => "Stored answers would be lost or misread: add the migration steps named above before publishing.",
    };
}
