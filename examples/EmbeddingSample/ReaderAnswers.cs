using System.Globalization;
using System.Text.Json.Nodes;
using FormEngine.AspNetCore;
using FormEngine.Evaluation;
using FormEngine.Versions;
using FormEngine.Views;

namespace EmbeddingSample;

/// <summary>
/// The answers document as one reader may see it, and a document that reader sends applied to the record. The one
/// place the sample decides what a reader's JSON holds: the practitioner sees the whole document; anyone else sees
/// <see cref="AnswerExport.ForAudience"/>, from which withheld answers are absent (not masked). A reader's changes
/// are the differences between what they were shown and what they send, so an answer they were not shown is never
/// changed or removed by leaving it out.
/// </summary>
public static class ReaderAnswers
{
    /// <summary>What the reader may see of the session's answers.</summary>
    public static JsonObject Seen(FormSession session, FormReader reader) =>
        Audiences.SeesWholeRecord(reader) ? session.ToJson() : AnswerExport.ForAudience(session, reader.View);

    /// <summary>
    /// Applies to <paramref name="record"/> every answer in which <paramref name="sent"/> differs from what the reader was
    /// <paramref name="shown"/>: set where they sent a value, removed where they left out one they were shown.
    /// FormEngine's own metadata (<c>$template</c>, what made the answers, and <c>$archived</c>, answers set aside) is the
    /// record's and is never changed or removed by what a reader sends.
    /// </summary>
    /// <remarks>
    /// Items of a repeat group are matched by position, so a group that is sent with fewer items than were shown has had
    /// items removed, and which ones cannot be told from the positions: the group is then taken whole as sent, and only
    /// when the reader was shown every answer in it. Otherwise (an item holds an answer withheld from them) the group is
    /// left as it is, so the answers they could not see never move to another item; the caller sees that what was sent
    /// did not apply and refuses it.
    /// </remarks>
    public static JsonObject Apply(JsonObject record, JsonObject shown, JsonObject sent)
    {
        var result = record.DeepClone().AsObject();
        var before = Leaves(shown);
        var after = Leaves(sent);
        var whole = Leaves(record);
        var shrunk = ShrunkGroups(shown, sent);
        foreach (var group in shrunk.Where(g => SeesAllOf(g, whole, before)))
        {
            if (Find(sent, group) is JsonArray { Count: > 0 } items)
            {
                Set(result, group, items.DeepClone());
            }
            else
            {
                Remove(result, group);
            }
        }

        foreach (var path in before.Keys.Union(after.Keys).Where(p => !IsFormEngineMetadata(p) && !shrunk.Any(g => Touches(g, p))).Order(StringComparer.Ordinal))
        {
            var had = before.TryGetValue(path, out var old);
            var has = after.TryGetValue(path, out var value);
            if (has && (!had || !JsonNode.DeepEquals(old, value)))
            {
                Set(result, path, value?.DeepClone());
            }
            else if (had && !has)
            {
                Remove(result, path);
            }
        }

        return result;
    }

    /// <summary>The repeat groups (lists of items) that <paramref name="sent"/> holds fewer items of than <paramref name="shown"/>.</summary>
    private static List<string> ShrunkGroups(JsonObject shown, JsonObject sent)
    {
        var groups = new List<string>();
        foreach (var (path, items) in ItemLists(shown, string.Empty))
        {
            var now = Find(sent, path) as JsonArray;
            if ((now?.Count ?? 0) < items.Count)
            {
                groups.Add(path);
            }
        }

        return groups;
    }

    private static IEnumerable<(string Path, JsonArray Items)> ItemLists(JsonNode? node, string path)
    {
        if (node is JsonObject obj)
        {
            foreach (var (name, child) in obj)
            {
                foreach (var found in ItemLists(child, path.Length == 0 ? name : path + "." + name))
                {
                    yield return found;
                }
            }
        }
        else if (node is JsonArray { Count: > 0 } items && items.All(i => i is JsonObject))
        {
            yield return (path, items);
        }
    }

    /// <summary>True when every answer the record holds in <paramref name="group"/> was shown to the reader, as it is.</summary>
    private static bool SeesAllOf(string group, Dictionary<string, JsonNode?> record, Dictionary<string, JsonNode?> shown) =>
        record.Where(leaf => Touches(group, leaf.Key)).All(leaf => shown.TryGetValue(leaf.Key, out var seen) && JsonNode.DeepEquals(seen, leaf.Value));

    private static JsonNode? Find(JsonObject document, string path)
    {
        JsonNode? node = document;
        foreach (var step in Steps(path))
        {
            node = step is string name ? (node as JsonObject)?[name] : node is JsonArray list && (int)step < list.Count ? list[(int)step] : null;
        }

        return node;
    }

    private static bool IsFormEngineMetadata(string path) =>
        Touches(TemplateStamp.Key, path) || Touches(ArchivedKey, path);

    private const string ArchivedKey = "$archived";

    /// <summary>The paths at which two documents differ.</summary>
    public static IReadOnlyList<string> Differences(JsonObject a, JsonObject b)
    {
        var left = Leaves(a);
        var right = Leaves(b);
        return [.. left.Keys.Union(right.Keys)
            .Where(p => !left.TryGetValue(p, out var x) || !right.TryGetValue(p, out var y) || !JsonNode.DeepEquals(x, y))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The paths (as the records store names them, e.g. <c>household.members[0]</c>) that touch an answer the reader
    /// sees in any of <paramref name="seen"/>: naming any other would tell them a withheld answer exists or changed.
    /// </summary>
    public static IReadOnlyList<string> VisibleOnly(IEnumerable<string> paths, params JsonObject[] seen)
    {
        var leaves = seen.SelectMany(s => Leaves(s).Keys).ToHashSet(StringComparer.Ordinal);
        return [.. paths.Where(p => leaves.Any(l => Touches(l, p) || Touches(p, l))).Distinct(StringComparer.Ordinal)];
    }

    private static bool Touches(string outer, string inner) =>
        inner == outer || inner.StartsWith(outer + ".", StringComparison.Ordinal) || inner.StartsWith(outer + "[", StringComparison.Ordinal);

    /// <summary>Every answer of a document by path; a list of items (objects) is entered item by item, any other list is one answer, and an empty list or object is none.</summary>
    public static Dictionary<string, JsonNode?> Leaves(JsonObject document)
    {
        var leaves = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        Walk(document, string.Empty, leaves);
        return leaves;
    }

    private static void Walk(JsonNode? node, string path, Dictionary<string, JsonNode?> leaves)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    Walk(child, path.Length == 0 ? name : path + "." + name, leaves);
                }

                break;
            case JsonArray { Count: 0 }:
                // An empty list holds no answer, as an empty object holds none.
                break;
            case JsonArray items when items.All(i => i is JsonObject):
                for (var i = 0; i < items.Count; i++)
                {
                    Walk(items[i], string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), leaves);
                }

                break;
            default:
                leaves[path] = node;
                break;
        }
    }

    private static void Set(JsonObject document, string path, JsonNode? value)
    {
        var steps = Steps(path);
        JsonNode container = document;
        for (var i = 0; i < steps.Count - 1; i++)
        {
            container = Child(container, steps[i], steps[i + 1] is int ? new JsonArray() : new JsonObject());
        }

        switch (steps[^1])
        {
            case string name:
                container.AsObject()[name] = value;
                break;
            case int index:
                var items = container.AsArray();
                while (items.Count <= index)
                {
                    items.Add(new JsonObject());
                }

                items[index] = value;
                break;
        }
    }

    private static JsonNode Child(JsonNode container, object step, JsonNode empty)
    {
        if (step is string name)
        {
            var obj = container.AsObject();
            if (obj[name] is not { } existing || existing.GetValueKind() != empty.GetValueKind())
            {
                obj[name] = existing = empty;
            }

            return existing;
        }

        var items = container.AsArray();
        var index = (int)step;
        while (items.Count <= index)
        {
            items.Add(new JsonObject());
        }

        if (items[index] is not { } item || item.GetValueKind() != empty.GetValueKind())
        {
            items[index] = item = empty;
        }

        return item;
    }

    private static void Remove(JsonObject document, string path)
    {
        var steps = Steps(path);
        var chain = new List<JsonNode> { document };
        foreach (var step in steps.Take(steps.Count - 1))
        {
            JsonNode? next = step is string name ? (chain[^1] as JsonObject)?[name] : (chain[^1] as JsonArray) is { } a && (int)step < a.Count ? a[(int)step] : null;
            if (next is null)
            {
                return;
            }

            chain.Add(next);
        }

        if (steps[^1] is string last && chain[^1] is JsonObject parent)
        {
            parent.Remove(last);
        }
        else if (steps[^1] is int index && chain[^1] is JsonArray list && index < list.Count)
        {
            list[index] = new JsonObject();
        }

        // An object left empty holds no answer: remove it, up to (not including) a repeat item, which keeps its place.
        for (var i = chain.Count - 1; i > 0; i--)
        {
            if (chain[i] is JsonObject { Count: 0 } && chain[i - 1] is JsonObject owner && steps[i - 1] is string key)
            {
                owner.Remove(key);
            }
            else
            {
                break;
            }
        }
    }

    private static List<object> Steps(string path)
    {
        var steps = new List<object>();
        foreach (var part in path.Split('.'))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            steps.Add(bracket < 0 ? part : part[..bracket]);
            for (var rest = bracket < 0 ? string.Empty : part[bracket..]; rest.Length > 0;)
            {
                var close = rest.IndexOf(']', StringComparison.Ordinal);
                steps.Add(int.Parse(rest.AsSpan(1, close - 1), CultureInfo.InvariantCulture));
                rest = rest[(close + 1)..];
            }
        }

        return steps;
    }
}
