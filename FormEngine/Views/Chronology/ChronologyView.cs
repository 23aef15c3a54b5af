namespace FormEngine.Views;

/// <summary>
/// A case's chronology as one reader may see it: a dated list across all the case's records of records opened,
/// key facts recorded and changed, flags raised and cleared, sign-offs and addenda, oldest first. Built by
/// <see cref="ChronologyViewBuilder"/>, which has already left out everything withheld from the reader, so the
/// HTML, PDF and text renderers only lay it out.
/// </summary>
public sealed record ChronologyView
{
    /// <summary>The case's reference.</summary>
    public required string CaseId { get; init; }

    /// <summary>The reader's audience, or null when no record names one.</summary>
    public string? Audience { get; init; }

    /// <summary>The language it is written in.</summary>
    public string Language { get; init; } = "en";

    /// <summary>The fixed words in that language.</summary>
    public Wording Words => Wording.For(Language);

    /// <summary>The language as a document declares it (BCP 47): <c>en-GB</c> for English, else the code as given.</summary>
    public string LanguageTag => Language == "en" ? "en-GB" : Language;

    /// <summary>The date the document is made, printed on it.</summary>
    public required DateOnly Today { get; init; }

    /// <summary>The events, oldest first.</summary>
    public required IReadOnlyList<ChronologyRow> Rows { get; init; }
}

/// <summary>One event of a chronology as its reader sees it, every text already in the view's language.</summary>
/// <param name="At">When it happened.</param>
/// <param name="Kind">What kind of event it is.</param>
/// <param name="When">The date and time as written, e.g. <c>3 March 2026, 14:05</c>.</param>
/// <param name="Record">The record it happened in: its template's title, or its kind.</param>
/// <param name="Event">What happened, e.g. <c>Changed</c> or <c>Flag raised</c>.</param>
/// <param name="Subject">What it happened to: the question's label, the flag's message, the template's title, the signer's role or the addendum's reason.</param>
/// <param name="Value">For a key fact, the answer as people read it; empty otherwise.</param>
/// <param name="Previous">For a changed or removed key fact, the earlier answer as people read it; empty otherwise.</param>
/// <param name="By">Who did it.</param>
public sealed record ChronologyRow(
    DateTimeOffset At,
    ChronologyEntryKind Kind,
    string When,
    string Record,
    string Event,
    string Subject,
    string Value,
    string Previous,
    string By)
{
    /// <summary>
    /// The details cell as one line: the subject, then the value and the earlier value,
    /// e.g. <c>Date of birth: 2 March 2017 (was 1 March 2017)</c>.
    /// </summary>
    /// <param name="words">The chronology's words.</param>
    /// <returns>The text.</returns>
    public string Details(ChronologyWording words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var text = Value.Length > 0 ? $"{Subject}: {Value}" : Subject;
        return Previous.Length > 0 ? $"{text} {Wording.Fill(words.WasFormat, Previous)}" : text;
    }
}

/// <summary>Whom a chronology is for and how it reads.</summary>
public sealed record ChronologyViewOptions
{
    /// <summary>
    /// The reader's audience. Each record is read as its template says this audience may read it; a record whose
    /// template does not name the audience is left out. Null reads each record as its template's first audience
    /// (as a form's view does).
    /// </summary>
    public string? Audience { get; init; }

    /// <summary>The language, e.g. <c>cy</c>; English when null.</summary>
    public string? Language { get; init; }

    /// <summary>The time zone dates and times are written in; UTC when null.</summary>
    public TimeZoneInfo? TimeZone { get; init; }

    /// <summary>The date printed on the document; required, since clocks are the host's.</summary>
    public required DateOnly Today { get; init; }
}
