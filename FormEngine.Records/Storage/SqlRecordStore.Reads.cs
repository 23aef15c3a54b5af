using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using FormEngine.Records.Answers;

namespace FormEngine.Records.Storage;

/// <summary>The reads of <see cref="SqlRecordStore"/>. A read of answers writes its access-log entry in the same transaction, so no logged read can be lost.</summary>
internal sealed partial class SqlRecordStore
{
    private const string RevisionColumns = "record_id, number, saved_at, author, template_id, template_version, template_hash, based_on, merged, addendum_reason";

    public Task<RecordInfo> GetRecordAsync(string recordId, CancellationToken cancellationToken = default) =>
        ReadAsync((connection, transaction) => ReadRecordAsync(connection, transaction, recordId, lockRow: false, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<string>> GetCaseIdsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<string>>(async (connection, transaction) =>
        {
            var ids = new List<string>();
            await using var command = Sql.Command(connection, transaction, "SELECT DISTINCT case_id FROM fe_record");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                ids.Add(reader.GetString(0));
            }

            // Sorted here rather than by the database, so both providers give the same order whatever their collation.
            ids.Sort(StringComparer.Ordinal);
            return ids;
        }, cancellationToken);

    public Task<IReadOnlyList<RecordInfo>> GetCaseRecordsAsync(string caseId, CancellationToken cancellationToken = default)
    {
        RecordsGuard.NotBlank(caseId, "case id");
        return ReadAsync<IReadOnlyList<RecordInfo>>(async (connection, transaction) =>
        {
            var ids = new List<string>();
            await using (var command = Sql.Command(connection, transaction, "SELECT record_id FROM fe_record WHERE case_id = @case ORDER BY created_at, record_id", ("@case", caseId)))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    ids.Add(reader.GetString(0));
                }
            }

            var records = new List<RecordInfo>();
            foreach (var id in ids)
            {
                records.Add(await ReadRecordAsync(connection, transaction, id, lockRow: false, cancellationToken).ConfigureAwait(false));
            }

            return records;
        }, cancellationToken);
    }

    public Task<RecordAnswers> GetCurrentAsync(string recordId, AccessContext? reader = null, CancellationToken cancellationToken = default) =>
        ReadLoggedAsync(recordId, reader, (connection, transaction, record) => AnswersOfAsync(connection, transaction, record, record.LatestRevision, cancellationToken), cancellationToken);

    public Task<RecordAnswers> GetRevisionAsync(string recordId, int revision, AccessContext? reader = null, CancellationToken cancellationToken = default) =>
        ReadLoggedAsync(recordId, reader, (connection, transaction, record) => AnswersOfAsync(connection, transaction, record, Existing(record, revision), cancellationToken), cancellationToken);

    public Task<RecordAnswers> GetAsAtAsync(string recordId, DateTimeOffset at, AccessContext? reader = null, CancellationToken cancellationToken = default) =>
        ReadLoggedAsync(recordId, reader, async (connection, transaction, record) =>
        {
            var number = await Sql.ScalarAsync(connection, transaction, "SELECT COALESCE(MAX(number), 0) FROM fe_revision WHERE record_id = @id AND saved_at <= @at", cancellationToken, ("@id", recordId), ("@at", Sql.Ticks(at))).ConfigureAwait(false);
            return await AnswersOfAsync(connection, transaction, record, Convert.ToInt32(number, CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public Task<IReadOnlyList<Revision>> GetHistoryAsync(string recordId, AccessContext? reader = null, CancellationToken cancellationToken = default) =>
        ReadLoggedAsync<IReadOnlyList<Revision>>(recordId, reader, async (connection, transaction, record) =>
            (await ReadHistoryAsync(connection, transaction, recordId, cancellationToken).ConfigureAwait(false), record.LatestRevision), cancellationToken);

    public Task<IReadOnlyList<AnswerChange>> GetChangesAsync(string recordId, int fromRevision, int toRevision, AccessContext? reader = null, CancellationToken cancellationToken = default) =>
        ReadLoggedAsync<IReadOnlyList<AnswerChange>>(recordId, reader, async (connection, transaction, record) =>
        {
            var before = await AnswersAtAsync(connection, transaction, recordId, Existing(record, fromRevision), cancellationToken).ConfigureAwait(false);
            var after = await AnswersAtAsync(connection, transaction, recordId, Existing(record, toRevision), cancellationToken).ConfigureAwait(false);
            return (AnswersDiff.Compare(before, after), toRevision);
        }, cancellationToken);

    public Task<IReadOnlyList<AccessEntry>> GetAccessLogAsync(string caseId, CancellationToken cancellationToken = default)
    {
        RecordsGuard.NotBlank(caseId, "case id");
        return ReadAsync<IReadOnlyList<AccessEntry>>(async (connection, transaction) =>
        {
            var entries = new List<AccessEntry>();
            await using var command = Sql.Command(connection, transaction, "SELECT case_id, record_id, revision, read_at, reader, audience, purpose FROM fe_access WHERE case_id = @case ORDER BY read_at, seq", ("@case", caseId));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                entries.Add(new AccessEntry(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), Sql.Moment(reader.GetInt64(3)), reader.GetString(4), reader.GetString(5), reader.GetString(6)));
            }

            return entries;
        }, cancellationToken);
    }

    /// <summary>
    /// Runs a read that shows answers, writing its access-log entry (naming the revision read) in the same
    /// transaction when the access log is on, so no logged read can be lost and no unlogged read can happen.
    /// </summary>
    private async Task<T> ReadLoggedAsync<T>(string recordId, AccessContext? reader, Func<DbConnection, DbTransaction?, RecordInfo, Task<(T Result, int Revision)>> read, CancellationToken cancellationToken)
    {
        if (_options.LogAccess)
        {
            if (reader is null)
            {
                throw new RecordStoreException(RecordStoreError.InvalidRequest, "The access log is on, so every read of a record's answers or history must say who reads it: pass an AccessContext (reader, audience, purpose).");
            }

            reader.Validate();
        }

        async Task<T> Read(DbConnection connection, DbTransaction? transaction)
        {
            var record = await ReadRecordAsync(connection, transaction, recordId, lockRow: false, cancellationToken).ConfigureAwait(false);
            var (result, revision) = await read(connection, transaction, record).ConfigureAwait(false);
            if (_options.LogAccess)
            {
                await InsertAccessAsync(connection, transaction, record.CaseId, recordId, revision, reader!, cancellationToken).ConfigureAwait(false);
            }

            return result;
        }

        return _options.LogAccess
            ? await WriteAsync((connection, transaction) => Read(connection, transaction), cancellationToken).ConfigureAwait(false)
            : await ReadAsync(Read, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(RecordAnswers, int)> AnswersOfAsync(DbConnection connection, DbTransaction? transaction, RecordInfo record, int number, CancellationToken cancellationToken)
    {
        var answers = await ReadRevisionRowAsync(connection, transaction, record.RecordId, number, cancellationToken).ConfigureAwait(false);
        return (answers ?? new RecordAnswers(record.RecordId, 0, null, record.Template, []), number);
    }

    private static int Existing(RecordInfo record, int revision) =>
        revision >= 0 && revision <= record.LatestRevision
            ? revision
            : throw new RecordStoreException(RecordStoreError.NotFound, $"Record `{record.RecordId}` has no revision {revision}; its revisions are 0 to {record.LatestRevision}.");

    private static async Task<IReadOnlyList<Revision>> ReadHistoryAsync(DbConnection connection, DbTransaction? transaction, string recordId, CancellationToken cancellationToken)
    {
        var changes = new Dictionary<int, List<AnswerChange>>();
        await using (var command = Sql.Command(connection, transaction, "SELECT revision, path, old_value, new_value FROM fe_change WHERE record_id = @id ORDER BY revision, ordinal", ("@id", recordId)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var number = reader.GetInt32(0);
                if (!changes.TryGetValue(number, out var list))
                {
                    changes[number] = list = [];
                }

                list.Add(new AnswerChange(reader.GetString(1), Sql.NullableString(reader, 2), Sql.NullableString(reader, 3)));
            }
        }

        var revisions = new List<Revision>();
        await using (var command = Sql.Command(connection, transaction, $"SELECT {RevisionColumns} FROM fe_revision WHERE record_id = @id ORDER BY number", ("@id", recordId)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var number = reader.GetInt32(1);
                revisions.Add(new Revision(
                    reader.GetString(0), number, Sql.Moment(reader.GetInt64(2)), reader.GetString(3),
                    new TemplateRef(reader.GetString(4), reader.GetString(5), reader.GetString(6)),
                    reader.GetInt32(7), reader.GetInt32(8) != 0, Sql.NullableString(reader, 9),
                    changes.TryGetValue(number, out var list) ? list : []));
            }
        }

        return revisions;
    }

    private async Task<RecordAnswers?> ReadRevisionRowAsync(DbConnection connection, DbTransaction? transaction, string recordId, int number, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, transaction, "SELECT saved_at, template_id, template_version, template_hash, answers FROM fe_revision WHERE record_id = @id AND number = @n", ("@id", recordId), ("@n", number));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new RecordAnswers(recordId, number, Sql.Moment(reader.GetInt64(0)), new TemplateRef(reader.GetString(1), reader.GetString(2), reader.GetString(3)), JsonText.ReadObject(reader.GetString(4)))
            : null;
    }

    private async Task<JsonObject> AnswersAtAsync(DbConnection connection, DbTransaction? transaction, string recordId, int number, CancellationToken cancellationToken) =>
        number == 0 ? [] : (await ReadRevisionRowAsync(connection, transaction, recordId, number, cancellationToken).ConfigureAwait(false))?.Answers
            ?? throw new InvalidDataException($"Record `{recordId}` names revision {number}, which the store does not hold.");

    private async Task<RecordInfo> ReadRecordAsync(DbConnection connection, DbTransaction? transaction, string recordId, bool lockRow, CancellationToken cancellationToken)
    {
        RecordsGuard.NotBlank(recordId, "record id");
        RecordInfo? record = null;
        await using (var command = Sql.Command(connection, transaction, $"SELECT {RecordColumns} FROM fe_record WHERE record_id = @id{(lockRow ? _database.LockRowClause : "")}", ("@id", recordId)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                record = new RecordInfo(
                    reader.GetString(0), reader.GetString(1), reader.GetString(2),
                    new TemplateRef(reader.GetString(3), reader.GetString(4), reader.GetString(5)),
                    Sql.Moment(reader.GetInt64(6)), reader.GetString(7), reader.GetInt32(8), []);
            }
        }

        if (record is null)
        {
            throw new RecordStoreException(RecordStoreError.NotFound, $"There is no record `{recordId}` in {_database.Description}; check the id, or make the record first with CreateRecordAsync.");
        }

        var signOffs = new List<SignOff>();
        await using (var command = Sql.Command(connection, transaction, "SELECT revision, signed_at, signed_by, role FROM fe_signoff WHERE record_id = @id ORDER BY seq", ("@id", recordId)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                signOffs.Add(new SignOff(reader.GetInt32(0), Sql.Moment(reader.GetInt64(1)), reader.GetString(2), reader.GetString(3)));
            }
        }

        return record with { SignOffs = signOffs };
    }

    private async Task<T> ReadAsync<T>(Func<DbConnection, DbTransaction?, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            // One read transaction, so a read spanning several queries sees one consistent moment.
            await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await _database.BeginReadAsync(connection, cancellationToken).ConfigureAwait(false);
            var result = await work(connection, transaction).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
        catch (Exception ex) when (ex is not RecordStoreException && _database.Explain(ex) is { } explained)
        {
            throw explained;
        }
    }
}
