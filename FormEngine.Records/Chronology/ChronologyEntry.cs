namespace FormEngine.Records;

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
/// One dated line of a case's chronology. Key facts carry answer values: a renderer shows an entry only to
/// readers whose audience may see the answer at <see cref="Path"/>, as for any other output.
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
/// <param name="Detail">The flag's id, the signer's role, or the addendum's reason.</param>
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
    string? Detail = null);

/// <summary>What counts in a chronology. The store knows no templates, so the host says which answers matter.</summary>
public sealed record ChronologyOptions
{
    /// <summary>Answer paths whose changes are key facts (a path also covers the answers inside it), e.g. <c>child.dob</c>, <c>outcome</c>.</summary>
    public IReadOnlyList<string> KeyFacts { get; init; } = [];

    /// <summary>The path of a JSON list of raised flag ids in the answers (e.g. <c>$flags</c>, written by the host from the session), or null for no flags.</summary>
    public string? FlagsPath { get; init; }
}
