namespace FormEngine.Views;

/// <summary>
/// What a records store knows about a record that the record itself must show: who signed it off, and every change
/// made after that (an addendum, with its reason). Given to the view by the host (<see cref="ViewOptions.Status"/>,
/// e.g. from <c>store.GetRecordStatusAsync</c> in FormEngine.Records); a session alone has no such history.
/// </summary>
public sealed record RecordStatus
{
    /// <summary>The sign-offs, oldest first.</summary>
    public IReadOnlyList<SignOffNote> SignOffs { get; init; } = [];

    /// <summary>The changes made after sign-off, oldest first.</summary>
    public IReadOnlyList<AddendumNote> Addenda { get; init; } = [];

    /// <summary>The time zone dates are written in; UTC when null.</summary>
    public TimeZoneInfo? TimeZone { get; init; }
}

/// <summary>A sign-off of a record.</summary>
/// <param name="At">When.</param>
/// <param name="By">Who signed it off.</param>
/// <param name="Role">In what role, e.g. <c>team manager</c>.</param>
public sealed record SignOffNote(DateTimeOffset At, string By, string Role);

/// <summary>A change made to a record after it was signed off.</summary>
/// <param name="At">When.</param>
/// <param name="By">Who made it.</param>
/// <param name="Reason">Why, as its author gave it.</param>
/// <param name="ChangedPaths">The answers it changed.</param>
public sealed record AddendumNote(DateTimeOffset At, string By, string Reason, IReadOnlyList<string> ChangedPaths);

/// <summary>A record's sign-offs and addenda as the view's reader may be told of them, every text in the view's language.</summary>
/// <param name="SignedOff">One line per sign-off, e.g. <c>Signed off by pat.manager, team manager, on 6 March 2026</c>.</param>
/// <param name="Addenda">The addenda the reader may be told of: each changed only answers they may see.</param>
public sealed record RecordStatusView(IReadOnlyList<string> SignedOff, IReadOnlyList<AddendumView> Addenda);

/// <summary>An addendum as the reader sees it.</summary>
/// <param name="When">The date and time, e.g. <c>7 March 2026, 10:15</c>.</param>
/// <param name="By">Who made it.</param>
/// <param name="Reason">Why.</param>
/// <param name="Changed">The questions it changed, by their labels.</param>
public sealed record AddendumView(string When, string By, string Reason, IReadOnlyList<string> Changed);
