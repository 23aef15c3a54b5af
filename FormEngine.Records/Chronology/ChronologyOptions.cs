namespace FormEngine.Records;

/// <summary>What counts in a chronology. The store knows no templates, so the host says which answers matter.</summary>
public sealed record ChronologyOptions
{
    /// <summary>Answer paths whose changes are key facts (a path also covers the answers inside it), e.g. <c>child.dob</c>, <c>outcome</c>.</summary>
    public IReadOnlyList<string> KeyFacts { get; init; } = [];

    /// <summary>The path of a JSON list of raised flag ids in the answers (e.g. <c>$flags</c>, written by the host from the session), or null for no flags.</summary>
    public string? FlagsPath { get; init; }
}
