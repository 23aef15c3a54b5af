using System.Globalization;
using System.Text.Json.Nodes;
using FormEngine.Diagnostics;
using FormEngine.Evaluation;
using FormEngine.Loading;
using FormEngine.Yaml;

namespace FormEngine.Scenarios;

/// <summary>
/// Reads a scenario file (<c>*.scenarios.yaml</c>): the template under test, a default evaluation date
/// and the scenarios, each with answers (inline or from a JSON file) and expectations. Mistakes in the
/// file are diagnostics with positions, like template mistakes.
/// </summary>
internal sealed class ScenarioReader
{
    private static readonly string[] FileKeys = ["template", "today", "scenarios"];
    private static readonly string[] ScenarioKeys = ["name", "today", "audience", "language", "answers", "previous", "expect"];
    private static readonly string[] ExpectKeys = ["visible", "hidden", "required", "not_required", "missing", "values", "errors", "no_errors", "flags", "no_flags", "approved"];

    private readonly DiagnosticBag _diagnostics;
    private readonly SourceFile _file;

    private ScenarioReader(SourceFile file, DiagnosticBag diagnostics)
    {
        _file = file;
        _diagnostics = diagnostics;
    }

    public static ScenarioFile? Read(string path, DiagnosticBag diagnostics)
    {
        var fullPath = Path.GetFullPath(path);
        var text = TemplateFiles.ReadText(fullPath, path, default, TemplateLoadOptions.Default, diagnostics);
        if (text is null)
        {
            return null;
        }

        var file = new SourceFile(fullPath, path, text);
        var limits = TemplateLoadOptions.Default;
        var root = YamlTreeReader.Read(file, new YamlLimits(limits.MaxDepth, limits.MaxNodes), diagnostics);
        if (root is not YamlMap map)
        {
            if (root is not null)
            {
                diagnostics.Report(DiagnosticCatalogue.WrongShape, root.Location, "A scenario file must be a set of keys: `template`, `today` and `scenarios`.");
            }

            return null;
        }

        return new ScenarioReader(file, diagnostics).ReadFile(map);
    }

    private ScenarioFile? ReadFile(YamlMap map)
    {
        var reader = new MapReader(map, "a scenario file", _diagnostics);
        reader.RejectUnknownKeys(FileKeys);
        reader.RequireKey("template", "Name the template these scenarios test, e.g. `template: assessment.yaml`.");
        var template = reader.Text("template");
        var defaultToday = ReadDate(reader.Scalar("today"));
        var scenarios = new List<Scenario>();
        foreach (var item in reader.Sequence("scenarios")?.Items ?? [])
        {
            if (item is not YamlMap scenarioMap)
            {
                _diagnostics.Report(DiagnosticCatalogue.WrongShape, item.Location, "Each scenario must be a set of keys starting with `name:`.");
                continue;
            }

            if (ReadScenario(scenarioMap, defaultToday) is { } scenario)
            {
                scenarios.Add(scenario);
            }
        }

        if (template is null)
        {
            return null;
        }

        return new ScenarioFile(_file.DisplayPath, Path.Combine(Path.GetDirectoryName(_file.DisplayPath) ?? string.Empty, template), scenarios);
    }

    private Scenario? ReadScenario(YamlMap map, DateOnly? defaultToday)
    {
        var reader = new MapReader(map, "a scenario", _diagnostics);
        reader.RejectUnknownKeys(ScenarioKeys);
        reader.RequireKey("name", "Give the scenario a `name:` that says what case it is.");
        var name = reader.Text("name") ?? "(unnamed)";
        var today = ReadDate(reader.Scalar("today")) ?? defaultToday;
        var audience = reader.Scalar("audience") is { IsNull: false } audienceValue ? audienceValue : null;
        var language = reader.Scalar("language") is { IsNull: false } languageValue ? languageValue : null;
        var changes = new List<AnswerChange>();
        var answers = ReadAnswers(reader.Node("answers"), changes) ?? [];
        var previousChanges = new List<AnswerChange>();
        var previous = ReadAnswers(reader.Node("previous"), previousChanges);
        var expectations = new List<Expectation>();
        if (reader.Mapping("expect") is { } expect)
        {
            ReadExpectations(expect, expectations);
        }
        else
        {
            reader.RequireKey("expect", "Say what must follow from the answers under `expect:`, e.g. `visible: [disability]`.");
        }

        if (today is null)
        {
            _diagnostics.Report(DiagnosticCatalogue.MissingKey, map.Location, $"Scenario `{name}` has no evaluation date.", "Add `today: YYYY-MM-DD` to the scenario or at the top of the file, so results do not change from day to day.");
            return null;
        }

        // Checked, and so reported, in the order they are written.
        var ordered = expectations.OrderBy(e => e.Location.Line).ThenBy(e => e.Location.Column).ToList();
        return new Scenario
        {
            Name = name,
            Answers = answers,
            Changes = changes,
            Previous = previous ?? (previousChanges.Count > 0 ? [] : null),
            PreviousChanges = previousChanges,
            AnswersLocation = reader.Node("answers")?.Location,
            PreviousLocation = reader.Node("previous")?.Location,
            Today = today.Value,
            Audience = audience?.Value,
            AudienceLocation = audience?.Location,
            Language = language?.Value,
            LanguageLocation = language?.Location,
            Expectations = ordered,
            Location = map.Location,
        };
    }

    private DateOnly? ReadDate(YamlScalar? scalar)
    {
        if (scalar is null || scalar.IsNull)
        {
            return null;
        }

        if (DateOnly.TryParseExact(scalar.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        _diagnostics.Report(DiagnosticCatalogue.InvalidValue, scalar.Location, $"`{scalar.Value}` is not a date written YYYY-MM-DD.");
        return null;
    }

    /// <summary>
    /// Answers are a JSON file's path, written inline, or a file with some answers changed:
    /// <c>{ from: FILE, set: { PATH: VALUE } }</c>. Inline scalars are text, which FormEngine reads by each
    /// question's type.
    /// </summary>
    private JsonObject? ReadAnswers(YamlNode? node, List<AnswerChange> changes)
    {
        switch (node)
        {
            case null or YamlScalar { IsNull: true }:
                return null;
            case YamlScalar scalar:
                return LoadAnswersFile(scalar);
            case YamlMap map when map.Entries.Any(e => e.Key.Value is "from" or "set"):
                return ReadChangedAnswers(map, changes);
            case YamlMap map:
                return (JsonObject)ToJson(map)!;
            default:
                _diagnostics.Report(DiagnosticCatalogue.WrongShape, node.Location, "Answers must be a JSON file's path or written inline, one block per section.");
                return null;
        }
    }

    private JsonObject? LoadAnswersFile(YamlScalar scalar)
    {
        var path = Path.Combine(Path.GetDirectoryName(_file.FullPath)!, scalar.Value);
        var loaded = AnswersDocument.Load(path);
        foreach (var problem in loaded.Diagnostics)
        {
            _diagnostics.Add(problem with { File = problem.Line > 0 ? problem.File : scalar.Location.File, Line = problem.Line > 0 ? problem.Line : scalar.Line, Column = problem.Line > 0 ? problem.Column : scalar.Column });
        }

        return loaded.Answers;
    }

    /// <summary>
    /// <c>{ from: FILE, set: { PATH: VALUE } }</c>. The changes are kept as paths, not merged into the JSON
    /// here, so the runner can apply them through the session and report a path the template lacks where it
    /// is written.
    /// </summary>
    private JsonObject ReadChangedAnswers(YamlMap map, List<AnswerChange> changes)
    {
        var reader = new MapReader(map, "answers with `from:` and `set:`", _diagnostics);
        reader.RejectUnknownKeys(["from", "set"]);
        var answers = reader.Scalar("from") is { IsNull: false } from ? LoadAnswersFile(from) ?? [] : [];
        foreach (var (key, value) in reader.Mapping("set")?.Entries ?? [])
        {
            if (value is YamlMap)
            {
                _diagnostics.Report(DiagnosticCatalogue.WrongShape, value.Location, $"`{key.Value}` must be set to one answer (or a list, for a multichoice), not a set of keys.", "Name each answer by its whole path, e.g. `household.members[0].age: 30`.");
                continue;
            }

            changes.Add(new AnswerChange(key.Value, ToJson(value), key.Location));
        }

        return answers;
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMap map => new JsonObject(map.Entries.Select(e => KeyValuePair.Create(e.Key.Value, ToJson(e.Value)))),
        YamlSequence sequence => new JsonArray([.. sequence.Items.Select(ToJson)]),
        YamlScalar { IsNull: true } => null,
        YamlScalar scalar => JsonValue.Create(scalar.Value),
        _ => null,
    };

    private void ReadExpectations(YamlMap map, List<Expectation> expectations)
    {
        var reader = new MapReader(map, "`expect`", _diagnostics);
        reader.RejectUnknownKeys(ExpectKeys);
        if (map.Entries.Count == 0)
        {
            _diagnostics.Report(DiagnosticCatalogue.InvalidValue, map.Location, "`expect: {}` checks nothing.", "Say what must follow from the answers, e.g. `visible: [disability]` or `missing: []`.");
        }

        Paths(reader, "visible", ExpectationKind.Visible, expectations);
        Paths(reader, "hidden", ExpectationKind.Hidden, expectations);
        Paths(reader, "required", ExpectationKind.Required, expectations);
        Paths(reader, "not_required", ExpectationKind.NotRequired, expectations);
        // An empty list of what must be missing, or raised, asserts that nothing is.
        Paths(reader, "missing", ExpectationKind.Missing, expectations, ExpectationKind.NoMissing);
        Paths(reader, "flags", ExpectationKind.Flag, expectations, ExpectationKind.NoFlags);
        Paths(reader, "no_flags", ExpectationKind.NoFlag, expectations);

        if (reader.Mapping("values") is { } values)
        {
            foreach (var (key, value) in values.Entries)
            {
                var expected = value switch
                {
                    YamlScalar { IsNull: true } => string.Empty,
                    YamlScalar scalar => scalar.Value,
                    YamlSequence sequence => string.Join(", ", sequence.Items.OfType<YamlScalar>().Select(s => s.Value)),
                    _ => string.Empty,
                };
                expectations.Add(new Expectation(ExpectationKind.Value, key.Value, expected, key.Location));
            }
        }

        var errors = reader.Sequence("errors");
        if (errors is { Items.Count: 0 })
        {
            expectations.Add(new Expectation(ExpectationKind.NoErrors, string.Empty, null, reader.KeyNode("errors")!.Location));
        }

        foreach (var item in errors?.Items ?? [])
        {
            switch (item)
            {
                case YamlScalar scalar:
                    expectations.Add(new Expectation(ExpectationKind.Error, scalar.Value, null, scalar.Location));
                    break;
                case YamlMap error:
                    var errorReader = new MapReader(error, "an expected error", _diagnostics);
                    errorReader.RejectUnknownKeys(["path", "message"]);
                    errorReader.RequireKey("path", "Say which question the error is on.");
                    if (errorReader.Text("path") is { } path)
                    {
                        expectations.Add(new Expectation(ExpectationKind.Error, path, errorReader.Text("message"), error.Location));
                    }

                    break;
            }
        }

        if (reader.Bool("no_errors") == true)
        {
            expectations.Add(new Expectation(ExpectationKind.NoErrors, string.Empty, null, reader.KeyNode("no_errors")!.Location));
        }

        if (reader.Scalar("approved") is { IsNull: false } approved)
        {
            var path = Path.Combine(Path.GetDirectoryName(_file.FullPath)!, approved.Value);
            expectations.Add(new Expectation(ExpectationKind.Approved, path, approved.Value, approved.Location));
        }
    }

    private void Paths(MapReader reader, string key, ExpectationKind kind, List<Expectation> expectations, ExpectationKind? whenEmpty = null)
    {
        if (reader.Sequence(key) is { Items.Count: 0 })
        {
            var at = reader.KeyNode(key)!.Location;
            if (whenEmpty is { } none)
            {
                expectations.Add(new Expectation(none, string.Empty, null, at));
            }
            else
            {
                // An author who writes `hidden: []` believes something is checked; nothing would be.
                _diagnostics.Report(DiagnosticCatalogue.InvalidValue, at, $"`{key}: []` checks nothing.", $"List the paths it is about, e.g. `{key}: [child.dob]`, or remove it.");
            }

            return;
        }

        foreach (var item in reader.Sequence(key)?.Items ?? [])
        {
            if (item is YamlScalar { IsNull: false } scalar)
            {
                expectations.Add(new Expectation(kind, scalar.Value, null, scalar.Location));
            }
            else
            {
                _diagnostics.Report(DiagnosticCatalogue.WrongShape, item.Location, $"Each entry of `{key}` must be a path such as `child.dob`.");
            }
        }
    }
}
