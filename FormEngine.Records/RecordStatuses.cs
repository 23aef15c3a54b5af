using FormEngine.Views;

namespace FormEngine.Records;

/// <summary>A record's sign-offs and addenda, for the record itself to show (<c>ViewOptions.Status</c>).</summary>
public static class RecordStatuses
{
    /// <summary>
    /// Who signed the record off, and every change made after that with its reason and the answers it changed. Give it
    /// to the view (<c>new ViewOptions { Status = ... }</c>): records and audits then say so, and a reader is told only of
    /// the addenda that changed answers they may see.
    /// </summary>
    /// <param name="store">The records store.</param>
    /// <param name="recordId">The record.</param>
    /// <param name="timeZone">The time zone the record writes dates in; UTC when null.</param>
    /// <param name="reader">Who reads it; required when the access log is on (the history is read).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status (empty lists for a record never signed off).</returns>
    public static async Task<RecordStatus> GetRecordStatusAsync(this IRecordStore store, string recordId, TimeZoneInfo? timeZone = null, AccessContext? reader = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var record = await store.GetRecordAsync(recordId, cancellationToken).ConfigureAwait(false);
        if (!record.IsLocked)
        {
            return new RecordStatus { TimeZone = timeZone };
        }

        var history = await store.GetHistoryAsync(recordId, reader, cancellationToken).ConfigureAwait(false);
        return new RecordStatus
        {
            SignOffs = [.. record.SignOffs.Select(s => new SignOffNote(s.At, s.By, s.Role))],
            Addenda = [.. history.Where(r => r.IsAddendum).Select(r => new AddendumNote(r.At, r.Author, r.AddendumReason!, [.. r.Changes.Select(c => c.Path)]))],
            TimeZone = timeZone,
        };
    }
}
