using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace FormEngine.Tests.Confidentiality;

/// <summary>
/// A random template for leak testing, from a seed: sections and questions of every kind, repeat groups,
/// calculations, required and validate rules and flags that read each other at random (including through
/// chains), sensitivity levels and audiences placed at random, and the author's other controls (flags and a
/// case summary for some audiences, key facts, questions not displayed). It knows which answers each audience
/// may not see by the marks it placed itself, independently of how FormEngine works that out, and can make
/// answers with a distinct canary in every text.
/// </summary>
internal sealed class RandomTemplate
{
    public static readonly string[] Audiences = ["practitioner", "parent", "child"];

    // Who may see each level: the practitioner everything; the parent family information; the child neither.
    private static readonly Dictionary<string, string[]> Levels = new()
    {
        ["third_party"] = ["practitioner"],
        ["family"] = ["practitioner", "parent"],
    };

    private readonly Random _random;
    private readonly List<Node> _nodes = [];
    private readonly List<string> _flags = [];

    public RandomTemplate(int seed)
    {
        _random = new Random(seed);
        Seed = seed;
        Language = seed % 2 == 0 ? "en" : "cy";
        Build();
    }

    public int Seed { get; }

    /// <summary>The language the reader's outputs are rendered in.</summary>
    public string Language { get; }

    public string Yaml { get; private set; } = string.Empty;

    private enum Kind { Text, Number, Choice, Calculated, Repeat }

    private sealed record Node(string Section, string Id, Kind Kind, string? Level, string[]? Audiences, Node? Repeat)
    {
        public string Path => Repeat is null ? $"{Section}.{Id}" : $"{Section}.{Repeat.Id}.{Id}";

        public List<Node> Fields { get; } = [];

        public bool IsCalculatedText { get; init; }
    }

    /// <summary>True when the audience may not see this node's answer because of a mark on it or its section or group.</summary>
    private bool IsMarkedFor(Node node, string audience) =>
        Chain(node).Any(n => n.Level is { } level && !Levels[level].Contains(audience) || n.Audiences is { } audiences && !audiences.Contains(audience));

    private IEnumerable<Node> Chain(Node node)
    {
        yield return node;
        if (node.Repeat is { } repeat)
        {
            yield return repeat;
        }

        if (_sections.TryGetValue(node.Section, out var section))
        {
            yield return section;
        }
    }

    private readonly Dictionary<string, Node> _sections = [];

    /// <summary>
    /// Answers for every question that takes one, a distinct canary in every text. With <paramref name="variantFor"/>,
    /// every answer that audience may not see is different (other canaries, other numbers, the other choice,
    /// another number of items) while everything it may see stays the same.
    /// </summary>
    public JsonObject Answers(string? variantFor = null)
    {
        var answers = new JsonObject();
        foreach (var node in _nodes.Where(n => n.Repeat is null && n.Kind != Kind.Calculated))
        {
            var vary = variantFor is not null && IsMarkedFor(node, variantFor);
            var random = new Random(StableSeed($"{Seed}/{node.Path}/{vary}"));
            var section = answers[node.Section] as JsonObject ?? (JsonObject)(answers[node.Section] = new JsonObject());
            if (node.Kind == Kind.Repeat)
            {
                var items = new JsonArray();
                var count = vary ? random.Next(2, 5) : random.Next(0, 3);
                for (var i = 0; i < count; i++)
                {
                    var item = new JsonObject();
                    foreach (var field in node.Fields.Where(f => f.Kind != Kind.Calculated))
                    {
                        var fieldVaries = vary || variantFor is not null && IsMarkedFor(field, variantFor);
                        item[field.Id] = Value(field, $"{field.Path}[{i}]", new Random(StableSeed($"{Seed}/{field.Path}/{i}/{fieldVaries}")), fieldVaries);
                    }

                    items.Add(item);
                }

                section[node.Id] = items;
            }
            else if (random.Next(5) > 0 || vary)
            {
                section[node.Id] = Value(node, node.Path, random, vary);
            }
        }

        return answers;
    }

    /// <summary>Every canary text that could appear in answers the audience may not see, in either set of answers.</summary>
    public IEnumerable<string> CanariesWithheldFrom(string audience)
    {
        foreach (var variant in new[] { null, audience })
        {
            var answers = Answers(variant);
            foreach (var node in _nodes.Where(n => n.Kind == Kind.Text && IsMarkedFor(n, audience)))
            {
                var values = node.Repeat is null
                    ? [answers[node.Section]?[node.Id]]
                    : (answers[node.Section]?[node.Repeat.Id] as JsonArray ?? []).Select(item => item?[node.Id]);
                foreach (var value in values.OfType<JsonValue>())
                {
                    yield return value.GetValue<string>();
                }
            }
        }
    }

    /// <summary>An answer; a text names where it belongs, so each is distinct and the same in both sets of answers unless varied.</summary>
    private static JsonNode? Value(Node node, string path, Random random, bool vary) => node.Kind switch
    {
        Kind.Text => JsonValue.Create($"{(vary ? "VARIED" : "ANSWER")}-{path.Replace('.', '-').Replace('[', '-').Replace("]", string.Empty, StringComparison.Ordinal).ToUpperInvariant()}-CANARY"),
        Kind.Number => JsonValue.Create(vary ? random.Next(50, 99) : random.Next(0, 10)),
        Kind.Choice => JsonValue.Create(vary ? "no" : random.Next(2) == 0 ? "yes" : "no"),
        _ => null,
    };

    private void Build()
    {
        var yaml = new StringBuilder();
        yaml.Append("id: generated\ntitle: Generated\nlanguages: [en, cy]\naudiences: [practitioner, parent, child]\n");
        yaml.Append("sensitivity:\n  third_party:\n    label: third-party information\n    audiences: [practitioner]\n");
        yaml.Append("  family:\n    label: family information\n    audiences: [practitioner, parent]\n");
        if (Maybe(0.3))
        {
            yaml.Append(CultureInfo.InvariantCulture, $"case_summary:\n  audiences: [{string.Join(", ", PickAudiences())}]\n");
        }

        yaml.Append("choices:\n  yes_no: [yes, no]\nsections:\n");
        var sectionCount = _random.Next(2, 5);
        for (var s = 0; s < sectionCount; s++)
        {
            var sectionId = $"s{s}";
            var section = new Node(sectionId, sectionId, Kind.Text, Maybe(0.2) ? PickLevel() : null, Maybe(0.1) ? PickAudiences() : null, null);
            _sections[sectionId] = section;
            yaml.Append(CultureInfo.InvariantCulture, $"  - id: {sectionId}\n    title: Section {s}\n");
            AppendMarks(yaml, "    ", section);
            if (Maybe(0.3) && Condition(null) is { } sectionRule)
            {
                yaml.Append(CultureInfo.InvariantCulture, $"    show_if: \"{sectionRule}\"\n");
            }

            if (Maybe(0.2))
            {
                // A required section counts as answered when any question in it is, confidential ones included.
                yaml.Append("    required: true\n");
            }

            if (Maybe(0.15) && Condition(null) is { } sectionCheck)
            {
                yaml.Append(CultureInfo.InvariantCulture, $"    validate:\n      - rule: \"{sectionCheck}\"\n        message: Section {s} check failed.\n");
            }

            yaml.Append("    questions:\n");
            var questionCount = _random.Next(2, 6);
            for (var q = 0; q < questionCount; q++)
            {
                AppendQuestion(yaml, "      ", sectionId, $"q{s}_{q}", repeat: null);
            }
        }

        var flagCount = _random.Next(0, 4);
        if (flagCount > 0)
        {
            yaml.Append("flags:\n");
            for (var f = 0; f < flagCount; f++)
            {
                var rule = Condition(null) ?? "true";
                var audiences = Maybe(0.3) ? $", audiences: [{string.Join(", ", PickAudiences())}]" : string.Empty;
                yaml.Append(CultureInfo.InvariantCulture, $"  - {{ id: flag{f}, when: \"{rule}\", message: FLAG-{f}-MESSAGE{audiences} }}\n");
                _flags.Add($"flag{f}");
            }
        }

        Yaml = yaml.ToString();
    }

    private void AppendQuestion(StringBuilder yaml, string indent, string section, string id, Node? repeat)
    {
        var kinds = repeat is null ? Enum.GetValues<Kind>() : [Kind.Text, Kind.Number, Kind.Choice, Kind.Calculated];
        var kind = kinds[_random.Next(kinds.Length)];
        var rule = kind == Kind.Calculated ? Calculation(repeat) : null;
        if (kind == Kind.Calculated && rule is null)
        {
            kind = Kind.Text;
        }

        var node = new Node(section, id, kind, Maybe(0.15) ? PickLevel() : null, Maybe(0.1) ? PickAudiences() : null, repeat)
        {
            IsCalculatedText = rule is { IsText: true },
        };
        var type = kind switch
        {
            Kind.Text => "text",
            Kind.Number => "number",
            Kind.Choice => "choice\n" + indent + "  choices: yes_no",
            Kind.Calculated => "calculated",
            _ => "repeat",
        };
        yaml.Append(CultureInfo.InvariantCulture, $"{indent}- id: {id}\n{indent}  type: {type}\n{indent}  label: Question {id}\n");
        AppendMarks(yaml, indent + "  ", node);
        if (Maybe(0.1))
        {
            yaml.Append(CultureInfo.InvariantCulture, $"{indent}  display: false\n");
        }

        if (repeat is null && Maybe(0.25))
        {
            yaml.Append(CultureInfo.InvariantCulture, $"{indent}  summary: true\n");
        }

        if (rule is { } calculation)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"{indent}  value: \"{calculation.Text}\"\n");
        }

        if (Maybe(0.3) && Condition(repeat) is { } showIf)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"{indent}  show_if: \"{showIf}\"\n");
        }

        if (kind is not (Kind.Calculated or Kind.Repeat))
        {
            if (Maybe(0.2) && Condition(repeat) is { } required)
            {
                yaml.Append(CultureInfo.InvariantCulture, $"{indent}  required: \"{required}\"\n");
            }
            else if (Maybe(0.1))
            {
                yaml.Append(CultureInfo.InvariantCulture, $"{indent}  required: true\n");
            }

            if (Maybe(0.2) && Condition(repeat) is { } check)
            {
                yaml.Append(CultureInfo.InvariantCulture, $"{indent}  validate:\n{indent}    - rule: \"{check}\"\n{indent}      message: Check on {id} failed.\n");
            }
        }

        if (kind == Kind.Repeat)
        {
            if (Maybe(0.3))
            {
                yaml.Append(CultureInfo.InvariantCulture, $"{indent}  min_items: 1\n");
            }

            yaml.Append(CultureInfo.InvariantCulture, $"{indent}  questions:\n");
            _nodes.Add(node);
            for (var f = 0; f < _random.Next(1, 4); f++)
            {
                AppendQuestion(yaml, indent + "    ", section, $"{id}_f{f}", node);
            }

            return;
        }

        _nodes.Add(node);
        repeat?.Fields.Add(node);
    }

    private static void AppendMarks(StringBuilder yaml, string indent, Node node)
    {
        if (node.Level is { } level)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"{indent}sensitivity: {level}\n");
        }

        if (node.Audiences is { } audiences)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"{indent}audiences: [{string.Join(", ", audiences)}]\n");
        }
    }

    /// <summary>A yes/no rule reading an earlier question (one in the same item when inside a group), or null when there is none.</summary>
    private string? Condition(Node? repeat)
    {
        var target = Readable(repeat);
        if (target is null)
        {
            return null;
        }

        // Sometimes a second condition joined with or, so rules read more than one thing.
        return Maybe(0.25) && Readable(repeat) is { } other && other != target
            ? $"{Test(target, repeat)} or {Test(other, repeat)}"
            : Test(target, repeat);
    }

    private string Test(Node target, Node? repeat)
    {
        var name = Name(target, repeat);
        return target.Kind switch
        {
            Kind.Text => _random.Next(3) switch { 0 => $"answered({name})", 1 => $"len({name}) > 25", _ => $"contains({name}, '1')" },
            Kind.Number => $"{name} > 4",
            Kind.Choice => $"{name} = 'yes'",
            Kind.Calculated => $"answered({name})",
            _ => $"count({name}) > 1",
        };
    }

    private sealed record CalculationRule(string Text, bool IsText);

    private CalculationRule? Calculation(Node? repeat)
    {
        var target = Readable(repeat);
        if (target is null)
        {
            return null;
        }

        var name = Name(target, repeat);
        return target.Kind switch
        {
            Kind.Text when !target.IsCalculatedText => new CalculationRule($"upper({name})", true),
            Kind.Number => new CalculationRule($"{name} * 2", false),
            Kind.Repeat => new CalculationRule($"count({name})", false),
            _ => new CalculationRule($"if({Condition(repeat) ?? "true"}, 'DERIVED-YES', 'DERIVED-NO')", true),
        };
    }

    /// <summary>An earlier question a rule may read: any top-level one, or inside a group a field of the same group.</summary>
    private Node? Readable(Node? repeat)
    {
        var candidates = _nodes.Where(n => n.Repeat is null || n.Repeat == repeat).ToList();
        return candidates.Count == 0 ? null : candidates[_random.Next(candidates.Count)];
    }

    private static string Name(Node node, Node? repeat) => repeat is not null && node.Repeat == repeat ? node.Id : node.Path;

    /// <summary>A seed that is the same in every process (string hash codes are not).</summary>
    private static int StableSeed(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7fffffff);
    }

    private bool Maybe(double probability) => _random.NextDouble() < probability;

    private string PickLevel() => _random.Next(2) == 0 ? "third_party" : "family";

    private string[] PickAudiences() => _random.Next(2) == 0 ? ["practitioner"] : ["practitioner", "parent"];
}
