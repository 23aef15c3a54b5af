namespace FormEngine.Records;

/// <summary>The record a new one follows: where a case summary's "what changed since the previous assessment" comes from.</summary>
public static class PreviousRecords
{
    /// <summary>
    /// The answers of the record this one follows in its case: the latest earlier record of the same kind that was
    /// signed off (the assessment as it was agreed, with any addenda), or, when none was, the latest earlier one with a
    /// save. Give them to the session as <c>FormSessionOptions.PreviousAnswers</c>; if they were made with an earlier
    /// version of the template, migrate them first (<c>TemplateCatalogue.Migrate</c>), so answers are compared
    /// question by question.
    /// </summary>
    /// <param name="store">The records store.</param>
    /// <param name="recordId">The record being made or edited.</param>
    /// <param name="reader">Who reads them; required when the access log is on.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The previous record's latest answers, or null when the case has no earlier record of that kind with answers.</returns>
    public static async Task<RecordAnswers?> GetPreviousAnswersAsync(this IRecordStore store, string recordId, AccessContext? reader = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var record = await store.GetRecordAsync(recordId, cancellationToken).ConfigureAwait(false);
        // Records made in the same instant as this one are its contemporaries, not what it follows.
        var earlier = (await store.GetCaseRecordsAsync(record.CaseId, cancellationToken).ConfigureAwait(false))
            .Where(r => r.CreatedAt < record.CreatedAt && r.Kind == record.Kind && r.LatestRevision > 0)
            .ToList();
        var previous = earlier.LastOrDefault(r => r.IsLocked) ?? earlier.LastOrDefault();
        return previous is null ? null : await store.GetCurrentAsync(previous.RecordId, reader, cancellationToken).ConfigureAwait(false);
    }
}
