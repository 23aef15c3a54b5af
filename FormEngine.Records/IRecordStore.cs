namespace FormEngine.Records;

/// <summary>
/// A store of case records: each save appended as a revision, never overwritten. Made by
/// <see cref="Sqlite.SqliteRecordStore.OpenAsync"/> or the PostgreSQL provider; every provider passes one
/// contract test suite. Safe to use from many threads and, for PostgreSQL and SQLite files, many processes.
/// </summary>
public interface IRecordStore : IAsyncDisposable
{
    /// <summary>Makes a record in a case (making the case if it is new).</summary>
    /// <param name="record">The record's case, kind, template and author.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new record, with no revisions yet.</returns>
    Task<RecordInfo> CreateRecordAsync(NewRecord record, CancellationToken cancellationToken = default);

    /// <summary>The record's case, template, latest revision and sign-offs.</summary>
    /// <param name="recordId">The record.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record.</returns>
    Task<RecordInfo> GetRecordAsync(string recordId, CancellationToken cancellationToken = default);

    /// <summary>The id of every case that has a record, in ordinal order: a host's list of cases.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The case ids.</returns>
    Task<IReadOnlyList<string>> GetCaseIdsAsync(CancellationToken cancellationToken = default);

    /// <summary>Every record of a case, oldest first (none for an unknown case).</summary>
    /// <param name="caseId">The case.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The case's records.</returns>
    Task<IReadOnlyList<RecordInfo>> GetCaseRecordsAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves the whole answers document as a new revision. If others saved since the starting revision and
    /// changed none of the same answers, their changes and these are merged; if they changed some of the same
    /// answers, nothing is saved and the result names each conflict. Never a silent overwrite.
    /// </summary>
    /// <param name="request">The record, starting revision, answers and author.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new revision, or the conflicts.</returns>
    Task<SaveResult> SaveAsync(SaveRequest request, CancellationToken cancellationToken = default);

    /// <summary>The latest answers.</summary>
    /// <param name="recordId">The record.</param>
    /// <param name="reader">Who reads them; required when the access log is on.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answers of the latest revision.</returns>
    Task<RecordAnswers> GetCurrentAsync(string recordId, AccessContext? reader = null, CancellationToken cancellationToken = default);

    /// <summary>The answers as they stood at a moment: those of the last revision saved at or before it.</summary>
    /// <param name="recordId">The record.</param>
    /// <param name="at">The moment.</param>
    /// <param name="reader">Who reads them; required when the access log is on.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answers then (revision 0, empty, before the first save).</returns>
    Task<RecordAnswers> GetAsAtAsync(string recordId, DateTimeOffset at, AccessContext? reader = null, CancellationToken cancellationToken = default);

    /// <summary>The answers of one revision.</summary>
    /// <param name="recordId">The record.</param>
    /// <param name="revision">The revision, 0 to the latest.</param>
    /// <param name="reader">Who reads them; required when the access log is on.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answers of that revision.</returns>
    Task<RecordAnswers> GetRevisionAsync(string recordId, int revision, AccessContext? reader = null, CancellationToken cancellationToken = default);

    /// <summary>Every revision of a record with the answers each changed, oldest first. It holds answers, so it is logged like a read of them.</summary>
    /// <param name="recordId">The record.</param>
    /// <param name="reader">Who reads it; required when the access log is on.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The record's history.</returns>
    Task<IReadOnlyList<Revision>> GetHistoryAsync(string recordId, AccessContext? reader = null, CancellationToken cancellationToken = default);

    /// <summary>What changed between two revisions: each answer that differs, with its value at each. Logged like a read of the later revision.</summary>
    /// <param name="recordId">The record.</param>
    /// <param name="fromRevision">The earlier revision (0 for the empty record).</param>
    /// <param name="toRevision">The later revision.</param>
    /// <param name="reader">Who reads them; required when the access log is on.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The changed answers, in document order.</returns>
    Task<IReadOnlyList<AnswerChange>> GetChangesAsync(string recordId, int fromRevision, int toRevision, AccessContext? reader = null, CancellationToken cancellationToken = default);

    /// <summary>Signs off the record's latest revision. From then on the record is locked: a change needs an addendum reason.</summary>
    /// <param name="recordId">The record.</param>
    /// <param name="by">Who signs it off.</param>
    /// <param name="role">In what role.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The sign-off.</returns>
    Task<SignOff> SignOffAsync(string recordId, string by, string role, CancellationToken cancellationToken = default);

    /// <summary>Writes a read to the access log (for reads the store does not serve itself, e.g. an export built from a cached copy). Does nothing when the access log is off.</summary>
    /// <param name="recordId">The record read.</param>
    /// <param name="revision">The revision read.</param>
    /// <param name="reader">Who read it, for which audience, and why.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task LogAccessAsync(string recordId, int revision, AccessContext reader, CancellationToken cancellationToken = default);

    /// <summary>Every logged read of a case's records, oldest first.</summary>
    /// <param name="caseId">The case.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The case's access log.</returns>
    Task<IReadOnlyList<AccessEntry>> GetAccessLogAsync(string caseId, CancellationToken cancellationToken = default);
}
