using System.Globalization;

namespace FormEngine.Rules.Tests.Support;

/// <summary>One evaluation case read from a file under Cases/.</summary>
internal sealed record EvaluationCase(string Block, string Rule, string Expected, DateOnly Today, RuleSymbol? Scope, int[] Indexes, IReadOnlyList<Action<FakeData>> Answers, int Line)
{
    public FakeData BuildData()
    {
        var data = new FakeData();
        foreach (var answer in Answers)
        {
            answer(data);
        }

        return data;
    }

    public override string ToString() => Rule;
}

/// <summary>One expected-diagnostics case read from a file under Cases/.</summary>
internal sealed record ErrorCase(string Rule, string Expected, RuleSymbol? Scope, RuleType ExpectedType, int Line)
{
    public override string ToString() => Rule;
}

/// <summary>Reads the case files; the format is described at the top of each file.</summary>
internal static class CaseFile
{
    public const string Arrow = "⇶";

    private static readonly DateOnly DefaultToday = new(2026, 11, 26);

    public static IEnumerable<TestCaseData> Evaluations(string fileName)
    {
        var block = string.Empty;
        var today = DefaultToday;
        RuleSymbol? scope = null;
        int[] indexes = [];
        var answers = new List<Action<FakeData>>();
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(PathOf(fileName)))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("@block ", StringComparison.Ordinal))
            {
                block = line["@block ".Length..].Trim();
                today = DefaultToday;
                scope = null;
                indexes = [];
                answers = [];
            }
            else if (line.StartsWith("@today ", StringComparison.Ordinal))
            {
                today = DateOnly.ParseExact(line["@today ".Length..].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("@answer ", StringComparison.Ordinal))
            {
                var (path, value) = SplitAssignment(line["@answer ".Length..]);
                var symbol = TestTemplate.Find(path);
                var parsed = Literal.Parse(value);
                answers = [.. answers, data => data.Set(symbol, parsed)];
            }
            else if (line.StartsWith("@item ", StringComparison.Ordinal))
            {
                var body = line["@item ".Length..];
                var colon = body.IndexOf(':');
                var groupPart = (colon < 0 ? body : body[..colon]).Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var group = TestTemplate.Find(groupPart[0]);
                var parents = groupPart.Skip(1).Select(int.Parse).ToArray();
                var values = new Dictionary<RuleSymbol, RuleValue>();
                if (colon >= 0)
                {
                    foreach (var assignment in body[(colon + 1)..].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        var (field, value) = SplitAssignment(assignment);
                        values[TestTemplate.Find(group.Path + "." + field)] = Literal.Parse(value);
                    }
                }

                answers = [.. answers, data => data.AddItem(group, values, parents)];
            }
            else if (line.StartsWith("@scope ", StringComparison.Ordinal))
            {
                var parts = line["@scope ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                scope = parts[0] == "none" ? null : TestTemplate.Find(parts[0]);
                indexes = parts.Skip(1).Select(int.Parse).ToArray();
            }
            else
            {
                var (rule, expected) = SplitCase(line, lineNumber);
                var testCase = new EvaluationCase(block, rule, expected, today, scope, indexes, answers, lineNumber);
                yield return new TestCaseData(testCase).SetName($"{block}: {rule} ⇶ {expected}");
            }
        }
    }

    public static IEnumerable<TestCaseData> Errors(string fileName)
    {
        RuleSymbol? scope = null;
        var expectedType = RuleType.Any;
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(PathOf(fileName)))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("@scope ", StringComparison.Ordinal))
            {
                var name = line["@scope ".Length..].Trim();
                scope = name == "none" ? null : TestTemplate.Find(name);
            }
            else if (line.StartsWith("@expect ", StringComparison.Ordinal))
            {
                expectedType = line["@expect ".Length..].Trim() switch
                {
                    "any" => RuleType.Any,
                    "yes/no" => RuleType.Boolean,
                    "number" => RuleType.Number,
                    "text" => RuleType.Text,
                    "date" => RuleType.Date,
                    var other => throw new FormatException($"Line {lineNumber}: unknown type {other}."),
                };
            }
            else
            {
                var (rule, expected) = SplitCase(line, lineNumber);
                yield return new TestCaseData(new ErrorCase(rule, expected, scope, expectedType, lineNumber)).SetName($"{rule} ⇶ {expected}");
            }
        }
    }

    public static string PathOf(string fileName) => Path.Combine(AppContext.BaseDirectory, "Cases", fileName);

    private static (string Rule, string Expected) SplitCase(string line, int lineNumber)
    {
        var arrow = line.LastIndexOf(Arrow, StringComparison.Ordinal);
        if (arrow < 0)
        {
            throw new FormatException($"Line {lineNumber}: expected `rule {Arrow} expected`.");
        }

        return (line[..arrow].Trim(), line[(arrow + Arrow.Length)..].Trim());
    }

    private static (string Name, string Value) SplitAssignment(string text)
    {
        var equals = text.IndexOf('=');
        return (text[..equals].Trim(), text[(equals + 1)..].Trim());
    }
}
