namespace FormEngine.Versions;

/// <summary>What a change between two versions does to answers already stored.</summary>
public enum ChangeImpact
{
    /// <summary>No stored answer can be affected.</summary>
    Safe,

    /// <summary>Stored answers need a step, and the new version declares it.</summary>
    Migration,

    /// <summary>Stored answers would be lost or misread, and the new version declares no step.</summary>
    Breaking,
}

/// <summary>One change between two versions of a template.</summary>
/// <param name="Path">The section or question it is about (the old path for a renamed, moved or removed question).</param>
/// <param name="Kind">
/// <c>added</c>, <c>removed</c>, <c>renamed</c>, <c>type_changed</c>, <c>choices_added</c>, <c>choices_removed</c>,
/// <c>rule_changed</c>, <c>required_changed</c>, <c>text_changed</c>, <c>translation_stale</c> or <c>moved</c>.
/// </param>
/// <param name="Detail">What changed, in words.</param>
/// <param name="Impact">What it does to stored answers.</param>
/// <param name="Affected">How many answers documents in the folder given have answers it touches, or null when no folder was given.</param>
public sealed record TemplateChange(string Path, string Kind, string Detail, ChangeImpact Impact, int? Affected = null)
{
    /// <summary>For a change to some choices only (<c>choices_removed</c>), those values: only answers holding one are touched.</summary>
    internal IReadOnlyList<string> Values { get; init; } = [];
}

/// <summary>Everything that changed between two versions, and the verdict: the most serious impact.</summary>
/// <param name="OldId">The old template's id.</param>
/// <param name="OldVersion">The old version.</param>
/// <param name="NewId">The new template's id.</param>
/// <param name="NewVersion">The new version.</param>
/// <param name="Changes">Every change, in the old template's order, then what the new one adds.</param>
public sealed record TemplateDiff(string OldId, int OldVersion, string NewId, int NewVersion, IReadOnlyList<TemplateChange> Changes)
{
    /// <summary><see cref="ChangeImpact.Breaking"/> when any change is, else <see cref="ChangeImpact.Migration"/> when any change is, else safe.</summary>
    public ChangeImpact Verdict => Changes.Count == 0 ? ChangeImpact.Safe : Changes.Max(c => c.Impact);

    /// <summary>What changed between two versions of a template.</summary>
    /// <param name="old">The earlier version.</param>
    /// <param name="new">The later version; its <c>migrations:</c> entry from the earlier one decides which changes are covered.</param>
    /// <returns>The changes.</returns>
    public static TemplateDiff Between(FormTemplate old, FormTemplate @new)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        return new TemplateDiff(old.Id, old.Version, @new.Id, @new.Version, TemplateDiffer.Changes(old, @new));
    }

    /// <summary>The same changes, each with how many of these answers documents have answers it touches.</summary>
    /// <param name="documents">Answers documents (those naming another template or version than the old one are not counted).</param>
    /// <returns>The diff with <see cref="TemplateChange.Affected"/> filled in.</returns>
    public TemplateDiff CountAffected(IReadOnlyList<System.Text.Json.Nodes.JsonObject> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var relevant = documents.Where(d => TemplateStamp.FromAnswers(d, out _) is not { } stamp || (stamp.Id == OldId && stamp.Version == OldVersion)).ToList();
        return this with { Changes = [.. Changes.Select(c => c with { Affected = relevant.Count(d => AnswersAt.Has(d, c.Path, c.Values)) })] };
    }
}
