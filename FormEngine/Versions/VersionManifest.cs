using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormEngine.Diagnostics;
using FormEngine.Files;

namespace FormEngine.Versions;

/// <summary>
/// A published version's <c>manifest.json</c>: <c>{"id", "version", "main", "hash", "files": [{"path", "sha256"}], "published"}</c>.
/// It is written once, when the version is published, and read back to check that nothing in the version's
/// folder has changed since.
/// </summary>
/// <param name="Id">The template's id.</param>
/// <param name="Version">The version number.</param>
/// <param name="Main">The main file's name inside the version's folder.</param>
/// <param name="Hash">The template's hash over <paramref name="Files"/> (see <see cref="TemplateHash"/>).</param>
/// <param name="Files">Every file, by its path inside the version's folder, with the SHA-256 of its bytes.</param>
/// <param name="Published">The day it was published.</param>
internal sealed record VersionManifest(string Id, int Version, string Main, string Hash, IReadOnlyList<(string Path, string Sha256)> Files, DateOnly Published)
{
    /// <summary>The manifest's file name in a version's folder.</summary>
    public const string FileName = "manifest.json";

    private const long MaxBytes = 1024 * 1024;

    /// <summary>The manifest of a template about to be published.</summary>
    public static VersionManifest For(FormTemplate template, DateOnly published)
    {
        var files = template.Definition.HashedFiles;
        return new VersionManifest(template.Id, template.Version, files[0].Path, template.Hash, [.. files.Select(f => (f.Path, f.Sha256)).OrderBy(f => f.Path, StringComparer.Ordinal)], published);
    }

    /// <summary>The manifest as written to disk: the keys in the documented order, indented, ending with a line break.</summary>
    public string ToJson()
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["version"] = Version,
            ["main"] = Main,
            ["hash"] = Hash,
            ["files"] = new JsonArray([.. Files.Select(f => (JsonNode)new JsonObject { ["path"] = f.Path, ["sha256"] = f.Sha256 })]),
            ["published"] = Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>Reads a version folder's manifest, or reports at its line and column why it cannot be trusted. Never throws.</summary>
    /// <param name="path">The manifest's path.</param>
    /// <param name="display">The path as diagnostics show it.</param>
    /// <param name="diagnostics">Where problems go.</param>
    public static VersionManifest? Read(string path, string display, DiagnosticBag diagnostics)
    {
        var read = InputFiles.ReadText(path, display, MaxBytes, "manifest");
        if (read.Problem != InputFileProblem.None)
        {
            diagnostics.Report(DiagnosticCatalogue.CatalogueDamaged, new SourceLocation(display, read.Line, read.Column, read.Line > 0 ? 1 : 0), read.Message, "Every published version's folder holds the `manifest.json` written when it was published; restore it from your backup.");
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(read.Text!, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            var at = new SourceLocation(display, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1);
            diagnostics.Report(DiagnosticCatalogue.CatalogueDamaged, at, "The manifest is not valid JSON, so the version's files cannot be checked.", "Restore `manifest.json` from your backup; FormEngine writes it when a version is published and never changes it.");
            return null;
        }

        using (document)
        {
            return FromJson(document.RootElement, display, diagnostics);
        }
    }

    private static VersionManifest? FromJson(JsonElement root, string display, DiagnosticBag diagnostics)
    {
        var at = SourceLocation.FileOnly(display);
        bool Bad(string message)
        {
            diagnostics.Report(DiagnosticCatalogue.CatalogueDamaged, at, message, "Restore `manifest.json` from your backup; FormEngine writes it when a version is published and never changes it.");
            return false;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            Bad("The manifest must be a JSON object with `id`, `version`, `main`, `hash`, `files` and `published`.");
            return null;
        }

        string? Text(string key) => root.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var id = Text("id");
        var main = Text("main");
        var hash = Text("hash");
        var publishedText = Text("published");
        int version = 0;
        var ok = (id is { Length: > 0 } || Bad("The manifest has no template `id`."))
            & (root.TryGetProperty("version", out var versionElement) && versionElement.ValueKind == JsonValueKind.Number && versionElement.TryGetInt32(out version) && version >= 1
                || Bad(versionElement.ValueKind == JsonValueKind.String
                    ? $"The manifest gives the version as the text \"{versionElement.GetString()}\"; a version is a whole number such as 3."
                    : "The manifest has no `version` number."))
            & (main is { Length: > 0 } && IsSafeRelativePath(main) || Bad("The manifest's `main` must name the main file inside the version's folder."))
            & (hash is not null && hash.StartsWith(TemplateHash.Prefix, StringComparison.Ordinal) || Bad($"The manifest's `hash` must be `{TemplateHash.Prefix}` followed by hex digits."));
        var published = default(DateOnly);
        ok &= publishedText is not null && DateOnly.TryParseExact(publishedText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out published)
            || Bad("The manifest's `published` must be a date written YYYY-MM-DD.");

        var files = new List<(string, string)>();
        if (!root.TryGetProperty("files", out var list) || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
        {
            ok = Bad("The manifest's `files` must list every file of the version with its `path` and `sha256`.");
        }
        else
        {
            foreach (var file in list.EnumerateArray())
            {
                var path = file.ValueKind == JsonValueKind.Object && file.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
                var sha = file.ValueKind == JsonValueKind.Object && file.TryGetProperty("sha256", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
                if (path is null || !IsSafeRelativePath(path) || sha is not { Length: 64 } || !sha.All(char.IsAsciiHexDigitLower))
                {
                    ok = Bad("Each entry of the manifest's `files` must be {\"path\": \"a path inside the version's folder\", \"sha256\": \"64 hex digits\"}.");
                    break;
                }

                files.Add((path, sha));
            }
        }

        return ok ? new VersionManifest(id!, version, main!, hash!, files, published) : null;
    }

    /// <summary>True for a path that stays inside the folder it is relative to: no root, no <c>..</c>, no backslash or control character.</summary>
    public static bool IsSafeRelativePath(string path) =>
        path.Length > 0 && !Path.IsPathRooted(path) && !path.Contains('\\', StringComparison.Ordinal) && !path.Any(char.IsControl)
        && path.Split('/').All(part => part is not ("" or "." or ".."));
}
