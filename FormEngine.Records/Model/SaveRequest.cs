using System.Text.Json.Nodes;

namespace FormEngine.Records;

/// <summary>A save of a record's whole answers document, naming the revision the author started from.</summary>
/// <param name="RecordId">The record.</param>
/// <param name="BasedOnRevision">The revision the author loaded (0 for a new record). If others saved since, their changes are merged or the save is refused with conflicts.</param>
/// <param name="Answers">The answers as the author left them (the whole document, not a patch).</param>
/// <param name="Author">Who is saving, as the host names its users.</param>
/// <param name="Template">The template the answers are now made with, or null to keep the record's.</param>
/// <param name="AddendumReason">Why a signed-off record is being changed; required once it is signed off.</param>
public sealed record SaveRequest(
    string RecordId,
    int BasedOnRevision,
    JsonObject Answers,
    string Author,
    TemplateRef? Template = null,
    string? AddendumReason = null);

/// <summary>How a save ended.</summary>
public enum SaveOutcome
{
    /// <summary>Saved as a new revision; nobody had saved since the starting revision.</summary>
    Saved,

    /// <summary>Saved as a new revision merged with changes others saved since the starting revision, none to the same answers.</summary>
    Merged,

    /// <summary>Nothing to save: the answers and template are those of the latest revision.</summary>
    Unchanged,

    /// <summary>Refused: others changed some of the same answers since the starting revision. Nothing was saved.</summary>
    Conflict,
}

/// <summary>The result of a save: the new revision, or the conflicts that refused it.</summary>
/// <param name="Outcome">How the save ended.</param>
/// <param name="LatestRevision">The record's latest revision after the save (the new one when saved).</param>
/// <param name="Revision">The revision written, or null when nothing was written.</param>
/// <param name="Conflicts">For <see cref="SaveOutcome.Conflict"/>, each answer changed by both, with its value now and the value being saved.</param>
public sealed record SaveResult(SaveOutcome Outcome, int LatestRevision, Revision? Revision, IReadOnlyList<SaveConflict> Conflicts)
{
    /// <summary>True when the answers are now in the store (saved, merged, or already there).</summary>
    public bool Succeeded => Outcome != SaveOutcome.Conflict;
}
