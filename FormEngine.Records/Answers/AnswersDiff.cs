using System.Text.Json.Nodes;

namespace FormEngine.Records.Answers;

/// <summary>
/// Compares answers documents path by path and applies changes back: the one place that decides what a
/// "changed answer" is. Objects are compared key by key (so each question is its own path), arrays whose
/// items are all objects are repeat groups compared item by item (<c>members[1].age</c>; an added or removed
/// item is one change holding the whole item), and anything else (text, numbers, a multichoice list) is one
/// value. Documents are first normalised: an empty object holds no answer, so <c>{"child": {}}</c> and
/// <c>{}</c> are the same document; this is what makes "apply the changes" give back exactly the later document.
/// </summary>
internal static class AnswersDiff
{
    /// <summary>A copy without empty objects under property names (repeat items are kept even when empty).</summary>
    public static JsonObject Normalize(JsonObject answers)
    {
        var copy = (JsonObject)answers.DeepClone();
        NormalizeObject(copy, "");
        return copy;
    }

    /// <summary>Every path whose value differs, in document order.</summary>
    public static List<AnswerChange> Compare(JsonObject before, JsonObject after)
    {
        var changes = new List<AnswerChange>();
        CompareObjects("", before, after, changes);
        return changes;
    }

    /// <summary>True and the value at a path (null when absent).</summary>
    public static JsonNode? ValueAt(JsonObject answers, string path, out bool present)
    {
        JsonNode? node = answers;
        foreach (var step in AnswerPathText.Parse(path))
        {
            if (!TryStep(node, step, out node))
            {
                present = false;
                return null;
            }
        }

        present = true;
        return node;
    }

    /// <summary>The value at a path as JSON text, or null when absent.</summary>
    public static string? TextAt(JsonObject answers, string path)
    {
        var value = ValueAt(answers, path, out var present);
        return present ? JsonText.Write(value) : null;
    }

    /// <summary>
    /// Applies changes in an order that keeps item indexes valid: value changes first, then removed items from
    /// the last backwards, then added items from the first onwards. False when a change does not fit (an item
    /// added past the end, a path through a value that is not an object).
    /// </summary>
    public static bool TryApply(JsonObject answers, IEnumerable<AnswerChange> changes, out AnswerChange? misfit)
    {
        foreach (var change in Order(changes))
        {
            if (!TryApplyOne(answers, change))
            {
                misfit = change;
                return false;
            }
        }

        misfit = null;
        return true;
    }

    private static void NormalizeObject(JsonObject obj, string path)
    {
        foreach (var (key, value) in obj.ToList())
        {
            if (key.Length == 0 || key.IndexOfAny(['.', '[', ']']) >= 0)
            {
                throw new RecordStoreException(RecordStoreError.InvalidRequest, $"The answers hold the key `{key}` under `{(path.Length == 0 ? "(top)" : path)}`; answer keys are question ids and cannot be empty or hold `.`, `[` or `]`.");
            }

            var childPath = AnswerPathText.Child(path, key);
            if (value is JsonObject child)
            {
                NormalizeObject(child, childPath);
                if (child.Count == 0)
                {
                    obj.Remove(key);
                }
            }
            else if (value is JsonArray array)
            {
                NormalizeItems(array, childPath);
            }
        }
    }

    private static void NormalizeItems(JsonArray array, string path)
    {
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonObject item)
            {
                NormalizeObject(item, AnswerPathText.Item(path, i));
            }
        }
    }

    private static void CompareObjects(string prefix, JsonObject? before, JsonObject? after, List<AnswerChange> changes)
    {
        var keys = new List<string>();
        if (before is not null)
        {
            keys.AddRange(before.Select(p => p.Key));
        }

        if (after is not null)
        {
            keys.AddRange(after.Select(p => p.Key).Where(k => before is null || !before.ContainsKey(k)));
        }

        foreach (var key in keys)
        {
            var hadBefore = before is not null && before.TryGetPropertyValue(key, out _);
            var hasAfter = after is not null && after.TryGetPropertyValue(key, out _);
            CompareValues(AnswerPathText.Child(prefix, key), hadBefore, hadBefore ? before![key] : null, hasAfter, hasAfter ? after![key] : null, changes);
        }
    }

    private static void CompareValues(string path, bool hadBefore, JsonNode? before, bool hasAfter, JsonNode? after, List<AnswerChange> changes)
    {
        // A section or group object present on one side only is compared with nothing, so each answer in it is its own path.
        if ((before is JsonObject || !hadBefore) && (after is JsonObject || !hasAfter))
        {
            CompareObjects(path, before as JsonObject, after as JsonObject, changes);
        }
        else if (hadBefore && hasAfter && IsRepeat(before) && IsRepeat(after))
        {
            CompareItems(path, (JsonArray)before!, (JsonArray)after!, changes);
        }
        else if (hadBefore != hasAfter || !JsonNode.DeepEquals(before, after))
        {
            changes.Add(new AnswerChange(path, hadBefore ? JsonText.Write(before) : null, hasAfter ? JsonText.Write(after) : null));
        }
    }

    private static void CompareItems(string path, JsonArray before, JsonArray after, List<AnswerChange> changes)
    {
        for (var i = 0; i < Math.Max(before.Count, after.Count); i++)
        {
            var itemPath = AnswerPathText.Item(path, i);
            if (i < before.Count && i < after.Count)
            {
                CompareObjects(itemPath, (JsonObject)before[i]!, (JsonObject)after[i]!, changes);
            }
            else
            {
                changes.Add(new AnswerChange(itemPath, i < before.Count ? JsonText.Write(before[i]) : null, i < after.Count ? JsonText.Write(after[i]) : null));
            }
        }
    }

    private static bool IsRepeat(JsonNode? node) => node is JsonArray array && array.All(item => item is JsonObject);

    private static IEnumerable<AnswerChange> Order(IEnumerable<AnswerChange> changes)
    {
        var list = changes.Select(c => (Change: c, Steps: AnswerPathText.Parse(c.Path))).ToList();
        static bool IsItem(IReadOnlyList<PathStep> steps) => steps.Count > 0 && steps[^1].IsIndex;
        var values = list.Where(c => !IsItem(c.Steps));
        var removed = list.Where(c => IsItem(c.Steps) && c.Change.NewJson is null).OrderByDescending(c => c.Steps.Count).ThenByDescending(c => c.Steps[^1].Index);
        var added = list.Where(c => IsItem(c.Steps) && c.Change.NewJson is not null).OrderBy(c => c.Steps.Count).ThenBy(c => c.Steps[^1].Index);
        return values.Concat(removed).Concat(added).Select(c => c.Change);
    }

    private static bool TryApplyOne(JsonObject answers, AnswerChange change)
    {
        var steps = AnswerPathText.Parse(change.Path);
        var parents = new List<JsonNode> { answers };
        JsonNode node = answers;
        for (var i = 0; i < steps.Count - 1; i++)
        {
            if (!TryStep(node, steps[i], out var next))
            {
                // Setting an answer in a section that is not there yet makes the section; items are never made this way.
                if (change.NewJson is null || steps[i].IsIndex || node is not JsonObject obj)
                {
                    return false;
                }

                next = new JsonObject();
                obj[steps[i].Name!] = next;
            }
            else if (next is null)
            {
                return false;
            }

            node = next;
            parents.Add(node);
        }

        var last = steps[^1];
        var value = change.NewJson is null ? null : JsonText.ReadValue(change.NewJson);
        if (!last.IsIndex)
        {
            if (node is not JsonObject target)
            {
                return false;
            }

            if (change.NewJson is null)
            {
                target.Remove(last.Name!);
                PruneEmpty(parents, steps);
            }
            else
            {
                target[last.Name!] = value;
            }

            return true;
        }

        if (node is not JsonArray items)
        {
            return false;
        }

        if (change.NewJson is null)
        {
            if (last.Index >= items.Count)
            {
                return false;
            }

            items.RemoveAt(last.Index);
        }
        else if (last.Index < items.Count)
        {
            items[last.Index] = value;
        }
        else if (last.Index == items.Count)
        {
            items.Add(value);
        }
        else
        {
            return false;
        }

        return true;
    }

    // Normalised documents hold no empty objects under names, so removing a section's last answer removes the section.
    private static void PruneEmpty(List<JsonNode> parents, IReadOnlyList<PathStep> steps)
    {
        for (var i = parents.Count - 1; i > 0; i--)
        {
            if (parents[i] is JsonObject { Count: 0 } && !steps[i - 1].IsIndex && parents[i - 1] is JsonObject owner)
            {
                owner.Remove(steps[i - 1].Name!);
            }
            else
            {
                return;
            }
        }
    }

    private static bool TryStep(JsonNode? node, PathStep step, out JsonNode? next)
    {
        next = null;
        if (step.IsIndex)
        {
            if (node is JsonArray array && step.Index < array.Count)
            {
                next = array[step.Index];
                return true;
            }

            return false;
        }

        return node is JsonObject obj && obj.TryGetPropertyValue(step.Name!, out next);
    }
}
