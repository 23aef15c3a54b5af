namespace FormEngine.Views;

/// <summary>What a chronology entry records.</summary>
public enum ChronologyEntryKind
{
    /// <summary>A record (an assessment, plan, review) was opened in the case.</summary>
    RecordOpened,

    /// <summary>A key fact was recorded or changed (an answer the host named as a key fact).</summary>
    KeyFact,

    /// <summary>A flag was raised.</summary>
    FlagRaised,

    /// <summary>A flag was cleared.</summary>
    FlagCleared,

    /// <summary>A record was signed off.</summary>
    SignedOff,

    /// <summary>A signed-off record was changed by an addendum.</summary>
    Addendum,
}

/// <summary>
/// One dated event in a case's chronology, as a records store gives it. Key facts carry answer values, so
/// entries are never shown as they are: <see cref="ChronologyViewBuilder"/> turns them into what one reader may see.
/// </summary>
/// <param name="At">When, from the store's clock.</param>
/// <param name="Kind">What happened.</param>
/// <param name="RecordId">The record it happened in.</param>
/// <param name="RecordKind">That record's kind, e.g. <c>assessment</c>.</param>
/// <param name="Revision">The revision that made it (0 for a record opened).</param>
/// <param name="By">Who: the author of the revision, the signer, or who opened the record.</param>
/// <param name="Path">For a key fact, the answer's path; for a flag, the path of the flags list.</param>
/// <param name="OldJson">For a key fact, the value before as JSON text, or null when there was none.</param>
/// <param name="NewJson">For a key fact, the value after as JSON text, or null when it was removed.</param>
/// <param name="Detail">The flag's id, the signer's role, the addendum's reason, or the opened record's template id.</param>
/// <param name="ChangedPaths">For an addendum, the answers it changed (so it is told only to a reader who may see them all).</param>
public sealed record ChronologyEntry(
    DateTimeOffset At,
    ChronologyEntryKind Kind,
    string RecordId,
    string RecordKind,
    int Revision,
    string By,
    string? Path = null,
    string? OldJson = null,
    string? NewJson = null,
    string? Detail = null,
    IReadOnlyList<string>? ChangedPaths = null);
