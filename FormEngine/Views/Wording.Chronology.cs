namespace FormEngine.Views;

/// <summary>The words of a case's chronology.</summary>
public sealed partial class Wording
{
    /// <summary>The words a chronology is written with, in this language.</summary>
    public ChronologyWording Chronology => Language == "cy" ? ChronologyWording.Welsh : ChronologyWording.English;

    /// <summary>A moment as a record writes it: <c>3 March 2026, 14:05</c>, in <paramref name="zone"/> (UTC when null).</summary>
    /// <param name="at">The moment.</param>
    /// <param name="zone">The time zone, or null.</param>
    /// <returns>The text.</returns>
    public string Moment(DateTimeOffset at, TimeZoneInfo? zone)
    {
        var local = zone is null ? at.ToUniversalTime() : TimeZoneInfo.ConvertTime(at, zone);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Date(DateOnly.FromDateTime(local.DateTime))}, {local:HH:mm}");
    }
}

/// <summary>
/// The words FormEngine writes in a case's chronology, and in a record's own account of its sign-offs and addenda
/// (the same history, told in the record), English and Welsh side by side so that a translator sees each phrase
/// with its counterpart.
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
        SignedOffFormat = "Signed off by {0}, {1}, on {2}",
        AddendaHeading = "Changes after sign-off",
        AddendumChangedFormat = "Changed: {0}",
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
        SignedOffFormat = "Wedi'i gymeradwyo gan {0}, {1}, ar {2}",
        AddendaHeading = "Newidiadau ar ôl cymeradwyo",
        AddendumChangedFormat = "Wedi newid: {0}",
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

    /// <summary>A record's sign-off line: <c>{0}</c> who, <c>{1}</c> their role, <c>{2}</c> the date.</summary>
    public required string SignedOffFormat { get; init; }

    /// <summary>The heading over a record's addenda.</summary>
    public required string AddendaHeading { get; init; }

    /// <summary>What an addendum changed, <c>{0}</c> being the questions' labels.</summary>
    public required string AddendumChangedFormat { get; init; }
}
