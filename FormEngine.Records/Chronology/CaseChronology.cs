using System.Text.Json.Nodes;
using FormEngine.Records.Answers;

namespace FormEngine.Records;

/// <summary>
/// A case's chronology as data: across all its records, when each was opened, key facts recorded or changed,
/// flags raised and cleared, sign-offs and addenda, oldest first. Built from the store's contract alone, so
/// every provider gives the same chronology.
/// </summary>
public static class CaseChronology
{
    /// <summary>Builds the chronology of a case.</summary>
    /// <param name="store">The records store.</param>
    /// <param name="caseId">The case.</param>
    /// <param name="options">Which answers are key facts and where flags are kept.</param>
    /// <param name="reader">Who reads it; required when the access log is on (each record's history read is logged).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entries, oldest first.</returns>
    public static async Task<IReadOnlyList<ChronologyEntry>> GetChronologyAsync(this IRecordStore store, string caseId, ChronologyOptions options, AccessContext? reader = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        var entries = new List<ChronologyEntry>();
        foreach (var record in await store.GetCaseRecordsAsync(caseId, cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new ChronologyEntry(record.CreatedAt, ChronologyEntryKind.RecordOpened, record.RecordId, record.Kind, 0, record.CreatedBy, Detail: record.Template.Id));
            foreach (var revision in await store.GetHistoryAsync(record.RecordId, reader, cancellationToken).ConfigureAwait(false))
            {
                entries.AddRange(FromRevision(record, revision, options));
            }

            entries.AddRange(record.SignOffs.Select(s => new ChronologyEntry(s.At, ChronologyEntryKind.SignedOff, record.RecordId, record.Kind, s.Revision, s.By, Detail: s.Role)));
        }

        // Stable: entries of one moment keep their record's and revision's order.
        return [.. entries.OrderBy(e => e.At)];
    }

    private static IEnumerable<ChronologyEntry> FromRevision(RecordInfo record, Revision revision, ChronologyOptions options)
    {
        if (revision.IsAddendum)
        {
            yield return new ChronologyEntry(revision.At, ChronologyEntryKind.Addendum, record.RecordId, record.Kind, revision.Number, revision.Author, Detail: revision.AddendumReason);
        }

        foreach (var change in revision.Changes)
        {
            if (options.FlagsPath is { } flagsPath && AnswerPathText.Overlaps(change.Path, flagsPath))
            {
                var before = FlagIds(change.OldJson);
                var after = FlagIds(change.NewJson);
                foreach (var raised in after.Except(before))
                {
                    yield return Entry(ChronologyEntryKind.FlagRaised, flagsPath, raised);
                }

                foreach (var cleared in before.Except(after))
                {
                    yield return Entry(ChronologyEntryKind.FlagCleared, flagsPath, cleared);
                }
            }
            else if (options.KeyFacts.Any(fact => AnswerPathText.Overlaps(change.Path, fact)))
            {
                yield return new ChronologyEntry(revision.At, ChronologyEntryKind.KeyFact, record.RecordId, record.Kind, revision.Number, revision.Author, change.Path, change.OldJson, change.NewJson);
            }
        }

        ChronologyEntry Entry(ChronologyEntryKind kind, string path, string flag) =>
            new(revision.At, kind, record.RecordId, record.Kind, revision.Number, revision.Author, path, Detail: flag);
    }

    /// <summary>The flag ids in a flags list's JSON text; anything else (absent, not a list) holds none.</summary>
    private static List<string> FlagIds(string? json) =>
        json is not null && JsonText.ReadValue(json) is JsonArray list
            ? [.. list.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var id) ? id : null).OfType<string>()]
            : [];
}
