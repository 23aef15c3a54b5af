namespace FormEngine.Views;

/// <summary>The words of a case's chronology.</summary>
public sealed partial class Wording
{
    /// <summary>The words a chronology is written with, in this language.</summary>
    public ChronologyWording Chronology => Language == "cy" ? ChronologyWording.Welsh : ChronologyWording.English;
}

/// <summary>
/// The words FormEngine writes in a case's chronology, English and Welsh side by side so that a translator sees
/// each phrase with its counterpart.
/// </summary>
public sealed class ChronologyWording
{
    internal static readonly ChronologyWording English = new()
    {
        Title = "Chronology",
        Intro = "What happened in this case, oldest first, across all its records.",
        Empty = "Nothing has been recorded in this case yet.",
        Date = "Date",
        Record = "Record",
        Event = "What happened",
        Details = "Details",
        By = "By",
        RecordOpened = "Record opened",
        KeyFactRecorded = "Recorded",
        KeyFactChanged = "Changed",
        KeyFactRemoved = "Removed",
        FlagRaised = "Flag raised",
        FlagCleared = "Flag cleared",
        SignedOff = "Signed off",
        Addendum = "Addendum after sign-off",
        WasFormat = "(was {0})",
        RoleFormat = "as {0}",
    };

    internal static readonly ChronologyWording Welsh = new()
    {
        Title = "Cronoleg",
        Intro = "Beth ddigwyddodd yn yr achos hwn, yr hynaf yn gyntaf, ar draws ei holl gofnodion.",
        Empty = "Does dim wedi'i gofnodi yn yr achos hwn eto.",
        Date = "Dyddiad",
        Record = "Cofnod",
        Event = "Beth ddigwyddodd",
        Details = "Manylion",
        By = "Gan",
        RecordOpened = "Cofnod wedi'i agor",
        KeyFactRecorded = "Wedi'i gofnodi",
        KeyFactChanged = "Wedi newid",
        KeyFactRemoved = "Wedi'i ddileu",
        FlagRaised = "Baner wedi'i chodi",
        FlagCleared = "Baner wedi'i chlirio",
        SignedOff = "Wedi'i gymeradwyo",
        Addendum = "Atodiad ar ôl cymeradwyo",
        WasFormat = "(roedd yn {0})",
        RoleFormat = "fel {0}",
    };

    private ChronologyWording()
    {
    }

    /// <summary>"Chronology": the document's kind and heading.</summary>
    public required string Title { get; init; }

    /// <summary>The sentence under the heading.</summary>
    public required string Intro { get; init; }

    /// <summary>What a chronology with no events says.</summary>
    public required string Empty { get; init; }

    /// <summary>The date column's heading.</summary>
    public required string Date { get; init; }

    /// <summary>The record column's heading.</summary>
    public required string Record { get; init; }

    /// <summary>The event column's heading.</summary>
    public required string Event { get; init; }

    /// <summary>The details column's heading.</summary>
    public required string Details { get; init; }

    /// <summary>The column of who did it.</summary>
    public required string By { get; init; }

    /// <summary>A record was opened.</summary>
    public required string RecordOpened { get; init; }

    /// <summary>A key fact was given for the first time.</summary>
    public required string KeyFactRecorded { get; init; }

    /// <summary>A key fact changed.</summary>
    public required string KeyFactChanged { get; init; }

    /// <summary>A key fact was removed.</summary>
    public required string KeyFactRemoved { get; init; }

    /// <summary>A flag was raised.</summary>
    public required string FlagRaised { get; init; }

    /// <summary>A flag was cleared.</summary>
    public required string FlagCleared { get; init; }

    /// <summary>A record was signed off.</summary>
    public required string SignedOff { get; init; }

    /// <summary>A signed-off record was changed.</summary>
    public required string Addendum { get; init; }

    /// <summary>The earlier value after a changed key fact, <c>{0}</c> being it.</summary>
    public required string WasFormat { get; init; }

    /// <summary>The signer's role, <c>{0}</c> being it.</summary>
    public required string RoleFormat { get; init; }
}
