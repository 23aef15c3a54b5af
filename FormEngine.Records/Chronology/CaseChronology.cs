using System.Text.Json.Nodes;
using FormEngine.Records.Answers;
using FormEngine.Views;

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
    public static Task<IReadOnlyList<ChronologyEntry>> GetChronologyAsync(this IRecordStore store, string caseId, ChronologyOptions options, AccessContext? reader = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        return EntriesAsync(store, caseId, _ => options.KeyFacts, options.FlagsPath, reader, cancellationToken);
    }

    /// <summary>
    /// Builds the chronology of a case as one reader may see it, ready for a renderer: each record is read through
    /// the template it was made with, so what is withheld from the reader in a record is left out of its chronology.
    /// </summary>
    /// <param name="store">The records store.</param>
    /// <param name="caseId">The case.</param>
    /// <param name="templates">The template a record names (its latest revision's), from the host's catalogue; null when the host no longer has it.</param>
    /// <param name="view">The reader's audience, language, time zone and date.</param>
    /// <param name="options">
    /// Where flags are kept, and which answers are key facts; with no key facts named, each record's are its
    /// template's <see cref="FormTemplate.KeyFactPaths"/> (the questions marked <c>summary: true</c>).
    /// </param>
    /// <param name="reader">Who reads it; required when the access log is on (each record's history read is logged).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The view, oldest first.</returns>
    public static async Task<ChronologyView> GetChronologyViewAsync(this IRecordStore store, string caseId, Func<TemplateRef, FormTemplate?> templates, ChronologyViewOptions view, ChronologyOptions? options = null, AccessContext? reader = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(view);
        options ??= new ChronologyOptions();
        var templateOf = new Dictionary<string, FormTemplate?>(StringComparer.Ordinal);
        foreach (var record in await store.GetCaseRecordsAsync(caseId, cancellationToken).ConfigureAwait(false))
        {
            templateOf[record.RecordId] = templates(record.Template);
        }

        IReadOnlyList<string> KeyFacts(RecordInfo record) =>
            options.KeyFacts.Count > 0 ? options.KeyFacts : templateOf.GetValueOrDefault(record.RecordId)?.KeyFactPaths ?? [];

        var entries = await EntriesAsync(store, caseId, KeyFacts, options.FlagsPath, reader, cancellationToken).ConfigureAwait(false);
        return ChronologyViewBuilder.Build(caseId, entries, id => templateOf.GetValueOrDefault(id), view);
    }

    private static async Task<IReadOnlyList<ChronologyEntry>> EntriesAsync(IRecordStore store, string caseId, Func<RecordInfo, IReadOnlyList<string>> keyFactsOf, string? flagsPath, AccessContext? reader, CancellationToken cancellationToken)
    {
        var entries = new List<ChronologyEntry>();
        foreach (var record in await store.GetCaseRecordsAsync(caseId, cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new ChronologyEntry(record.CreatedAt, ChronologyEntryKind.RecordOpened, record.RecordId, record.Kind, 0, record.CreatedBy, Detail: record.Template.Id));
            var keyFacts = keyFactsOf(record);
            foreach (var revision in await store.GetHistoryAsync(record.RecordId, reader, cancellationToken).ConfigureAwait(false))
            {
                entries.AddRange(FromRevision(record, revision, keyFacts, flagsPath));
            }

            entries.AddRange(record.SignOffs.Select(s => new ChronologyEntry(s.At, ChronologyEntryKind.SignedOff, record.RecordId, record.Kind, s.Revision, s.By, Detail: s.Role)));
        }

        // Stable: entries of one moment keep their record's and revision's order.
        return [.. entries.OrderBy(e => e.At)];
    }

    private static IEnumerable<ChronologyEntry> FromRevision(RecordInfo record, Revision revision, IReadOnlyList<string> keyFacts, string? flagsPath)
    {
        if (revision.IsAddendum)
        {
            yield return new ChronologyEntry(revision.At, ChronologyEntryKind.Addendum, record.RecordId, record.Kind, revision.Number, revision.Author, Detail: revision.AddendumReason, ChangedPaths: [.. revision.Changes.Select(c => c.Path)]);
        }

        foreach (var change in revision.Changes)
        {
            if (flagsPath is not null && AnswerPathText.Overlaps(change.Path, flagsPath))
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
            else if (keyFacts.Any(fact => AnswerPathText.Overlaps(change.Path, fact)))
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
