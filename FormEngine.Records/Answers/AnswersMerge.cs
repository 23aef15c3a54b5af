using System.Text.Json.Nodes;

namespace FormEngine.Records.Answers;

/// <summary>The outcome of merging a save with what others saved since its starting revision.</summary>
/// <param name="Answers">The merged answers, or null when there were conflicts.</param>
/// <param name="Conflicts">The answers both changed, with the value now and the value being saved.</param>
internal sealed record MergeResult(JsonObject? Answers, IReadOnlyList<SaveConflict> Conflicts);

/// <summary>
/// Three-way merge of answers documents: the revision the author started from, the latest revision, and the
/// author's document. Only the author's own changes are carried onto the latest answers, and only where
/// nobody else changed the same answer (or an answer inside it, or the group holding it) and the value the
/// author replaced is still there. Otherwise the path is a conflict and nothing is merged.
/// </summary>
internal static class AnswersMerge
{
    public static MergeResult Merge(JsonObject started, JsonObject latest, JsonObject saving)
    {
        var mine = AnswersDiff.Compare(started, saving);
        var theirs = AnswersDiff.Compare(started, latest);
        var conflicts = new List<SaveConflict>();
        var carried = new List<AnswerChange>();
        foreach (var change in mine)
        {
            var now = AnswersDiff.TextAt(latest, change.Path);
            if (SameJson(now, change.NewJson))
            {
                continue; // someone else already made the same change
            }

            var touched = theirs.Any(t => AnswerPathText.Overlaps(t.Path, change.Path));
            if (touched || !SameJson(now, change.OldJson))
            {
                conflicts.Add(new SaveConflict(change.Path, now, change.NewJson));
            }
            else
            {
                carried.Add(change);
            }
        }

        if (conflicts.Count > 0)
        {
            return new MergeResult(null, conflicts);
        }

        var merged = (JsonObject)latest.DeepClone();
        if (!AnswersDiff.TryApply(merged, carried, out var misfit))
        {
            // E.g. an item added past the end of a group that others shortened: the author must look again.
            return new MergeResult(null, [new SaveConflict(misfit!.Path, AnswersDiff.TextAt(latest, misfit.Path), misfit.NewJson)]);
        }

        return new MergeResult(merged, []);
    }

    private static bool SameJson(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        return a == b || JsonNode.DeepEquals(JsonText.ReadValue(a), JsonText.ReadValue(b));
    }
}
