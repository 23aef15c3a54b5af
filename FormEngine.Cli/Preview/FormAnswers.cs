using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FormEngine.Templates;

namespace FormEngine.Cli.Preview;

/// <summary>
/// Turns a posted HTML form into FormEngine's answers JSON: one object per section, an array of objects per
/// repeat group, an array for a multichoice question. Field names are answer paths as the HTML renderer
/// writes them (<c>child.dob</c>, <c>household.members[0].age</c>, and <c>PATH.day</c>/<c>.month</c>/<c>.year</c>
/// for dates in the govuk theme).
/// </summary>
/// <remarks>
/// A browser posts nothing for an unticked checkbox or an unanswered radio group, so absence cannot mean
/// "cleared" on its own. The preview marks each question on the page with a hidden <see cref="ShownField"/>;
/// a question that was on the page and posts nothing is cleared, and a question that was not on the page
/// (hidden by a rule) keeps its answer, as FormEngine keeps hidden answers.
/// </remarks>
internal static partial class FormAnswers
{
    /// <summary>The hidden field naming each question that was on the submitted page.</summary>
    public const string ShownField = "_shown";

    /// <summary>The submit button that adds an item to a repeat group; its value is the group's path.</summary>
    public const string AddItemField = "_add";

    /// <summary>The submit button that removes an item; its value is the item's path, e.g. <c>household.members[1]</c>.</summary>
    public const string RemoveItemField = "_remove";

    /// <summary>Merges the posted fields into a copy of <paramref name="stored"/>.</summary>
    /// <param name="template">The template the page was rendered from.</param>
    /// <param name="stored">The answers before this post (kept for questions not on the page).</param>
    /// <param name="fields">Every posted field, by name, in the order posted.</param>
    /// <returns>The new answers, and the paths whose answer changed.</returns>
    public static (JsonObject Answers, IReadOnlyList<string> Changed) Merge(FormTemplate template, JsonObject stored, IReadOnlyDictionary<string, IReadOnlyList<string>> fields)
    {
        var answers = (JsonObject)stored.DeepClone();
        var changed = new List<string>();
        foreach (var path in fields.GetValueOrDefault(ShownField) ?? [])
        {
            if (template.Find(TemplatePath(path)) is not Question { TakesAnswer: true } question || !TryParsePath(path, out var segments))
            {
                continue;
            }

            var value = Read(question, path, fields);
            var before = Get(answers, segments);
            if (!JsonNode.DeepEquals(before, value))
            {
                Put(answers, segments, value);
                changed.Add(path);
            }
        }

        if (fields.GetValueOrDefault(AddItemField) is [var group, ..] && template.Find(group) is Question { Type: QuestionType.Repeat } && TryParsePath(group, out var groupSegments))
        {
            Items(answers, groupSegments, create: true)!.Add(new JsonObject());
            changed.Add(group);
        }

        if (fields.GetValueOrDefault(RemoveItemField) is [var item, ..] && TryParsePath(item, out var itemSegments) && itemSegments[^1].Index is int index)
        {
            var owner = itemSegments.ToArray();
            owner[^1] = owner[^1] with { Index = null };
            if (Items(answers, owner, create: false) is { } array && index < array.Count)
            {
                array.RemoveAt(index);
                changed.Add(item);
            }
        }

        return (answers, changed);
    }

    /// <summary>A path without item indexes: <c>household.members[0].age</c> → <c>household.members.age</c>.</summary>
    public static string TemplatePath(string path) => ItemIndex().Replace(path, string.Empty);

    private static JsonNode? Read(Question question, string path, IReadOnlyDictionary<string, IReadOnlyList<string>> fields)
    {
        string? Single(string name) => fields.GetValueOrDefault(name) is [var first, ..] ? first : null;

        switch (question.Type)
        {
            case QuestionType.MultiChoice:
                var ticked = (fields.GetValueOrDefault(path) ?? []).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
                return ticked.Count == 0 ? null : new JsonArray([.. ticked.Select(v => (JsonNode?)JsonValue.Create(v))]);
            case QuestionType.Boolean:
                return Single(path) switch
                {
                    "true" => JsonValue.Create(true),
                    "false" => JsonValue.Create(false),
                    _ => null,
                };
            case QuestionType.Number:
                var number = Single(path)?.Trim();
                if (string.IsNullOrEmpty(number))
                {
                    return null;
                }

                // What was typed is kept even when it is not a number, so the engine can say what is wrong with it.
                return decimal.TryParse(number, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed)
                    ? JsonValue.Create(parsed)
                    : JsonValue.Create(number);
            case QuestionType.Date when fields.ContainsKey(path + ".day") || fields.ContainsKey(path + ".year"):
                return DateFromParts(Single(path + ".day"), Single(path + ".month"), Single(path + ".year"));
            case QuestionType.TextArea:
                var area = Single(path)?.ReplaceLineEndings("\n");
                return string.IsNullOrWhiteSpace(area) ? null : JsonValue.Create(area);
            default:
                var text = Single(path)?.Trim();
                return string.IsNullOrEmpty(text) ? null : JsonValue.Create(text);
        }
    }

    /// <summary>Three date boxes to <c>YYYY-MM-DD</c>; a date that does not exist is kept as typed, for the engine to report.</summary>
    private static JsonNode? DateFromParts(string? day, string? month, string? year)
    {
        day = day?.Trim() ?? string.Empty;
        month = month?.Trim() ?? string.Empty;
        year = year?.Trim() ?? string.Empty;
        if (day.Length == 0 && month.Length == 0 && year.Length == 0)
        {
            return null;
        }

        if (int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            && int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && y is >= 1 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            return JsonValue.Create(new DateOnly(y, m, d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        return JsonValue.Create($"{year}-{month}-{day}");
    }

    private readonly record struct Segment(string Name, int? Index);

    private static bool TryParsePath(string path, out Segment[] segments)
    {
        var parts = path.Split('.');
        segments = new Segment[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var match = SegmentPattern().Match(parts[i]);
            if (!match.Success)
            {
                return false;
            }

            int? index = match.Groups["index"].Success ? int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture) : null;
            if (index > 10_000)
            {
                return false;
            }

            segments[i] = new Segment(match.Groups["name"].Value, index);
        }

        return segments.Length >= 2 && segments[0].Index is null;
    }

    private static JsonNode? Get(JsonObject root, Segment[] segments)
    {
        JsonNode? node = root;
        foreach (var segment in segments)
        {
            node = node is JsonObject obj ? obj[segment.Name] : null;
            if (segment.Index is int index)
            {
                node = node is JsonArray array && index < array.Count ? array[index] : null;
            }
        }

        return node;
    }

    private static void Put(JsonObject root, Segment[] segments, JsonNode? value)
    {
        var owner = root;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            var segment = segments[i];
            if (segment.Index is int index)
            {
                if (owner[segment.Name] is not JsonArray array)
                {
                    array = [];
                    owner[segment.Name] = array;
                }

                while (array.Count <= index)
                {
                    array.Add(new JsonObject());
                }

                if (array[index] is not JsonObject item)
                {
                    item = [];
                    array[index] = item;
                }

                owner = item;
            }
            else
            {
                if (owner[segment.Name] is not JsonObject child)
                {
                    child = [];
                    owner[segment.Name] = child;
                }

                owner = child;
            }
        }

        // A cleared answer is left out rather than written as null, as a hand-written answers file would be.
        if (value is null)
        {
            owner.Remove(segments[^1].Name);
        }
        else
        {
            owner[segments[^1].Name] = value;
        }
    }

    private static JsonArray? Items(JsonObject root, Segment[] segments, bool create)
    {
        var last = segments[^1];
        var ownerSegments = segments[..^1];
        if (Get(root, ownerSegments) is not JsonObject owner)
        {
            if (!create)
            {
                return null;
            }

            Put(root, [.. ownerSegments, new Segment("_", null)], JsonValue.Create(0));
            owner = (JsonObject)Get(root, ownerSegments)!;
            owner.Remove("_");
        }

        if (owner[last.Name] is JsonArray array)
        {
            return array;
        }

        if (!create)
        {
            return null;
        }

        array = [];
        owner[last.Name] = array;
        return array;
    }

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex ItemIndex();

    [GeneratedRegex(@"^(?<name>[A-Za-z_][A-Za-z0-9_]*)(\[(?<index>\d{1,6})\])?$")]
    private static partial Regex SegmentPattern();
}
