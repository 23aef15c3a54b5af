using FormEngine.Diagnostics;
using FormEngine.Templates;
using FormEngine.Yaml;

namespace FormEngine.Loading;

/// <summary>
/// Reads <c>migrations:</c>: the shape of each entry and step. What the paths name is checked later, against
/// this version's questions and, when a catalogue is given, the earlier version's (<see cref="Versions.MigrationChecker"/>).
/// </summary>
internal sealed class MigrationReader(DiagnosticBag diagnostics)
{
    public static readonly string[] EntryKeys = ["from", "steps"];
    public static readonly string[] StepKinds = ["rename", "map_choices", "set", "drop"];
    public static readonly IReadOnlyDictionary<string, string[]> StepKeys = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["rename"] = ["from", "to"],
        ["map_choices"] = ["path", "values"],
        ["set"] = ["path", "value"],
        ["drop"] = ["path"],
    };

    public IReadOnlyList<Migration> Read(MapReader top)
    {
        var list = top.Sequence("migrations");
        if (list is null)
        {
            return [];
        }

        var migrations = new List<Migration>();
        foreach (var item in list.Items)
        {
            if (MapReader.RequireMap(item, "a migration", diagnostics) is not { } map)
            {
                continue;
            }

            var entry = new MapReader(map, "a migration", diagnostics);
            entry.RejectUnknownKeys(EntryKeys);
            entry.RequireKey("from", "Say which version's answers the steps apply to, e.g. `from: 2`.");
            var from = Version(entry);
            var steps = new List<MigrationStep>();
            foreach (var stepNode in entry.Sequence("steps")?.Items ?? [])
            {
                if (Step(stepNode) is { } step)
                {
                    steps.Add(step);
                }
            }

            if (from is { } version)
            {
                migrations.Add(new Migration(version, entry.Scalar("from")!.Location, steps));
            }
        }

        return migrations;
    }

    private int? Version(MapReader entry)
    {
        if (entry.Scalar("from") is { IsPlain: false } quoted)
        {
            diagnostics.Report(DiagnosticCatalogue.InvalidValue, quoted.Location, $"`from` must be a version number, not the text \"{quoted.Value}\".", $"Write it without quotes: `from: {quoted.Value.Trim().TrimStart('v', 'V')}`.");
            return null;
        }

        return entry.Int("from", 1);
    }

    private MigrationStep? Step(YamlNode node)
    {
        if (MapReader.RequireMap(node, "a migration step", diagnostics) is not { } map)
        {
            return null;
        }

        if (map.Entries.Count != 1 || !StepKinds.Contains(map.Entries[0].Key.Value))
        {
            var first = map.Entries.Count > 0 ? map.Entries[0].Key : null;
            var suggestion = first is null ? null : NameSuggester.DidYouMean(first.Value, StepKinds);
            diagnostics.Report(DiagnosticCatalogue.UnknownKey, first?.Location ?? map.Location, map.Entries.Count > 1
                ? "A migration step does one thing: write each `rename`, `map_choices`, `set` or `drop` as its own `- ` line."
                : $"`{first?.Value}` is not a migration step.", suggestion ?? "The steps are `rename`, `map_choices`, `set` and `drop`.");
            return null;
        }

        var (kindNode, body) = map.Entries[0];
        var kind = kindNode.Value;
        if (MapReader.RequireMap(body, $"a `{kind}` step", diagnostics) is not { } bodyMap)
        {
            return null;
        }

        var step = new MapReader(bodyMap, $"a `{kind}` step", diagnostics);
        step.RejectUnknownKeys(StepKeys[kind]);
        foreach (var key in StepKeys[kind])
        {
            step.RequireKey(key, kind switch
            {
                "rename" => "Write `rename: { from: child.fullname, to: child.name }`.",
                "map_choices" => "Write `map_choices: { path: referral.source, values: { gp: health } }`.",
                "set" => "Write `set: { path: child.age_band, value: \"if(age(child.dob) < 5, 'under_5', '5_plus')\" }`.",
                _ => "Write `drop: { path: child.nickname }`.",
            });
        }

        var at = kindNode.Location;
        switch (kind)
        {
            case "rename":
                return Path(step, "from") is { } from && Path(step, "to") is { } to ? new RenameStep(from, to, at) : null;
            case "drop":
                return Path(step, "path") is { } dropped ? new DropStep(dropped, at) : null;
            case "set":
                return Path(step, "path") is { } target && step.Rule("value") is { } rule ? new SetStep(target, rule, at) : null;
            default:
                var path = Path(step, "path");
                var values = step.Mapping("values");
                if (path is null || values is null)
                {
                    return null;
                }

                var pairs = new List<(string, string, SourceLocation)>();
                foreach (var (oldValue, newNode) in values.Entries)
                {
                    if (newNode is YamlScalar { IsNull: false } newValue)
                    {
                        pairs.Add((oldValue.Value, newValue.Value, newValue.Location));
                    }
                    else
                    {
                        diagnostics.Report(DiagnosticCatalogue.WrongShape, newNode.Location, $"The old choice `{oldValue.Value}` must map to one new choice value.", "Write `old: new`, e.g. `gp: health`.");
                    }
                }

                return new MapChoicesStep(path, pairs, at);
        }
    }

    private StepPath? Path(MapReader step, string key) =>
        step.Scalar(key) is { IsNull: false } scalar ? new StepPath(scalar.Value.Trim(), scalar.Location) : null;
}
