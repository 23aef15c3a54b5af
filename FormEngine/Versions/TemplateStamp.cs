using System.Text.Json.Nodes;

namespace FormEngine.Versions;

/// <summary>
/// What made an answers document: the template's id, version and hash, stored as the document's top-level
/// <c>"$template": {"id", "version", "hash"}</c>. FormEngine writes it whenever it writes answers, so a record
/// can always be read again with the version it was made under.
/// </summary>
/// <param name="Id">The template's id.</param>
/// <param name="Version">The template's version number.</param>
/// <param name="Hash">The template's hash (<c>sha256:...</c>, see <see cref="FormTemplate.Hash"/>), or null when the document did not record one.</param>
public sealed record TemplateStamp(string Id, int Version, string? Hash)
{
    /// <summary>The top-level key of an answers document that holds the stamp.</summary>
    public const string Key = "$template";

    /// <summary>The stamp of a loaded template.</summary>
    /// <param name="template">The template.</param>
    /// <returns>Its id, version and hash.</returns>
    public static TemplateStamp Of(FormTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return new TemplateStamp(template.Id, template.Version, template.Hash);
    }

    /// <summary>Reads the stamp an answers document carries. Never throws.</summary>
    /// <param name="answers">The answers document.</param>
    /// <param name="problem">Why a <c>$template</c> that is there cannot be read (not an object, a version written as text...), or null.</param>
    /// <returns>The stamp, or null when the document has none or it cannot be read.</returns>
    public static TemplateStamp? FromAnswers(JsonObject answers, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(answers);
        problem = null;
        if (!answers.TryGetPropertyValue(Key, out var node))
        {
            return null;
        }

        const string Shape = "It must be {\"id\": \"single_assessment\", \"version\": 3, \"hash\": \"sha256:...\"}, as FormEngine writes it.";
        if (node is not JsonObject stamp)
        {
            problem = $"The answers' `{Key}` is not an object. {Shape}";
            return null;
        }

        if (stamp["id"] is not JsonValue idValue || !idValue.TryGetValue<string>(out var id) || id.Length == 0)
        {
            problem = $"The answers' `{Key}` has no template id. {Shape}";
            return null;
        }

        if (stamp["version"] is not JsonValue versionValue || !versionValue.TryGetValue<int>(out var version) || version < 1)
        {
            problem = stamp["version"] is JsonValue text && text.TryGetValue<string>(out var written)
                ? $"The answers' `{Key}` gives the version as the text \"{written}\"; a version is a whole number, such as 3, without quotes. {Shape}"
                : $"The answers' `{Key}` has no version number (a whole number from 1). {Shape}";
            return null;
        }

        string? hash = null;
        if (stamp["hash"] is { } hashNode && (hashNode is not JsonValue hashValue || !hashValue.TryGetValue(out hash) || !hash.StartsWith(TemplateHash.Prefix, StringComparison.Ordinal)))
        {
            problem = $"The answers' `{Key}` has a hash that is not `{TemplateHash.Prefix}` followed by hex digits. {Shape}";
            return null;
        }

        return new TemplateStamp(id, version, hash);
    }

    /// <summary>Why answers with this stamp may not be read with <paramref name="template"/> as they are, or null when they may.</summary>
    /// <param name="template">The template the answers are about to be read with.</param>
    /// <returns>The refusal, naming both versions and what to do, or null.</returns>
    public string? RefusalFor(FormTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (!string.Equals(Id, template.Id, StringComparison.Ordinal))
        {
            return $"These answers were made with the template `{Id}`, not `{template.Id}`. Open them with the template they name.";
        }

        return Version == template.Version
            ? null
            : $"These answers were made with version {Version} of `{Id}`, not version {template.Version}. Read them with version {Version} (`--catalogue` picks it from the answers), or migrate them first with `formengine migrate` so nothing is misread.";
    }

    /// <summary>The stamp as the answers document stores it.</summary>
    /// <returns>A new JSON object.</returns>
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["id"] = Id, ["version"] = Version };
        if (Hash is not null)
        {
            json["hash"] = Hash;
        }

        return json;
    }
}
