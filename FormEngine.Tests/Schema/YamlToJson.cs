using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FormEngine.Diagnostics;
using FormEngine.Yaml;

namespace FormEngine.Tests.Schema;

/// <summary>
/// Converts a template's YAML to JSON the way an editor's schema checker sees it (YAML 1.2 core schema:
/// plain <c>true</c>/<c>false</c> are booleans, plain digits are numbers), so the JSON Schema can be tested.
/// </summary>
internal static partial class YamlToJson
{
    public static JsonNode? Convert(string path)
    {
        var file = new SourceFile(Path.GetFullPath(path), path, File.ReadAllText(path));
        var diagnostics = new DiagnosticBag();
        var root = YamlTreeReader.Read(file, new YamlLimits(64, 100_000), diagnostics);
        Assert.That(diagnostics.Items, Is.Empty, $"{path} should be valid YAML");
        return ToJson(root);
    }

    private static JsonNode? ToJson(YamlNode? node) => node switch
    {
        YamlMap map => new JsonObject(map.Entries.Select(e => KeyValuePair.Create(e.Key.Value, ToJson(e.Value)))),
        YamlSequence sequence => new JsonArray([.. sequence.Items.Select(ToJson)]),
        YamlScalar { IsNull: true } => null,
        YamlScalar { IsPlain: true, Value: "true" or "false" } scalar => JsonValue.Create(scalar.Value == "true"),
        YamlScalar { IsPlain: true } scalar when Integer().IsMatch(scalar.Value) => JsonValue.Create(long.Parse(scalar.Value, CultureInfo.InvariantCulture)),
        YamlScalar { IsPlain: true } scalar when Float().IsMatch(scalar.Value) => JsonValue.Create(decimal.Parse(scalar.Value, CultureInfo.InvariantCulture)),
        YamlScalar scalar => JsonValue.Create(scalar.Value),
        _ => null,
    };

    [GeneratedRegex("^[-+]?[0-9]{1,18}$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
