using System.Data.Common;
using System.Text.Json.Nodes;
using FormEngine.Records.Answers;

namespace FormEngine.Records.Storage;

/// <summary>
/// The records store over any <see cref="IRecordsDatabase"/>: one implementation of saving, merging, sign-off
/// and the access log, so SQLite and PostgreSQL cannot behave differently. Every write is one transaction that
/// first locks the record's row, so two saves of one record are never interleaved and nothing is half-written.
/// This file holds the writes; <c>SqlRecordStore.Reads.cs</c> the reads.
/// </summary>
internal sealed partial class SqlRecordStore : IRecordStore
{
    private const string RecordColumns = "record_id, case_id, kind, template_id, template_version, template_hash, created_at, created_by, latest_revision";

    private readonly IRecordsDatabase _database;
    private readonly RecordStoreOptions _options;

    public SqlRecordStore(IRecordsDatabase database, RecordStoreOptions options)
    {
        _database = database;
        _options = options;
    }

    /// <summary>Test hook: runs inside a save's transaction just before it commits (to break the connection there).</summary>
    internal Func<DbConnection, Task>? BeforeCommit { get; set; }

    public async Task<RecordInfo> CreateRecordAsync(NewRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        RecordsGuard.NotBlank(record.CaseId, "case id");
        RecordsGuard.NotBlank(record.Kind, "record kind");
        RecordsGuard.NotBlank(record.CreatedBy, "author");
        ArgumentNullException.ThrowIfNull(record.Template);
        record.Template.Validate();
        var id = record.RecordId ?? Guid.NewGuid().ToString("N");
        RecordsGuard.NotBlank(id, "record id");
        var now = Sql.Ticks(_options.Clock.GetUtcNow());
        return await WriteAsync(async (connection, transaction) =>
        {
            if (await Sql.ScalarAsync(connection, transaction, "SELECT 1 FROM fe_record WHERE record_id = @id", cancellationToken, ("@id", id)).ConfigureAwait(false) is not null)
            {
                throw new RecordStoreException(RecordStoreError.InvalidRequest, $"A record `{id}` already exists; give another id, or none for a new unique one.");
            }

            await Sql.ExecuteAsync(connection, transaction, "INSERT INTO fe_case (case_id, created_at) VALUES (@case, @at) ON CONFLICT (case_id) DO NOTHING", cancellationToken, ("@case", record.CaseId), ("@at", now)).ConfigureAwait(false);
            await Sql.ExecuteAsync(
                connection,
                transaction,
                $"INSERT INTO fe_record ({RecordColumns}) VALUES (@id, @case, @kind, @tid, @tver, @thash, @at, @by, 0)",
                cancellationToken,
                ("@id", id), ("@case", record.CaseId), ("@kind", record.Kind), ("@tid", record.Template.Id), ("@tver", record.Template.Version), ("@thash", record.Template.Hash), ("@at", now), ("@by", record.CreatedBy)).ConfigureAwait(false);
            return new RecordInfo(id, record.CaseId, record.Kind, record.Template, Sql.Moment(now), record.CreatedBy, 0, []);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<SaveResult> SaveAsync(SaveRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Answers);
        RecordsGuard.NotBlank(request.Author, "author");
        request.Template?.Validate();
        if (request.AddendumReason is not null)
        {
            RecordsGuard.NotBlank(request.AddendumReason, "addendum reason");
        }

        var saving = AnswersDiff.Normalize(request.Answers);
        return await WriteAsync(async (connection, transaction) =>
        {
            var record = await LockRecordAsync(connection, transaction, request.RecordId, cancellationToken).ConfigureAwait(false);
            if (request.BasedOnRevision < 0 || request.BasedOnRevision > record.LatestRevision)
            {
                throw new RecordStoreException(RecordStoreError.InvalidRequest, $"Record `{record.RecordId}` has no revision {request.BasedOnRevision} to start from (its latest is {record.LatestRevision}); load the record again and save from the revision it gives.");
            }

            if (record.IsLocked && request.AddendumReason is null)
            {
                var signed = record.SignOffs[^1];
                throw new RecordStoreException(RecordStoreError.Locked, $"Record `{record.RecordId}` was signed off by {signed.By} ({signed.Role}) on {signed.At:yyyy-MM-dd HH:mm} UTC; a change now is an addendum: give its reason in AddendumReason.");
            }

            var latest = await AnswersAtAsync(connection, transaction, record.RecordId, record.LatestRevision, cancellationToken).ConfigureAwait(false);
            var result = saving;
            var merged = request.BasedOnRevision != record.LatestRevision;
            if (merged)
            {
                var started = await AnswersAtAsync(connection, transaction, record.RecordId, request.BasedOnRevision, cancellationToken).ConfigureAwait(false);
                var merge = AnswersMerge.Merge(started, latest, saving);
                if (merge.Answers is null)
                {
                    return new SaveResult(SaveOutcome.Conflict, record.LatestRevision, null, merge.Conflicts);
                }

                result = merge.Answers;
            }

            var template = request.Template ?? record.Template;
            var changes = AnswersDiff.Compare(latest, result);
            if (changes.Count == 0 && template == record.Template && record.LatestRevision > 0)
            {
                return new SaveResult(SaveOutcome.Unchanged, record.LatestRevision, null, []);
            }

            var revision = new Revision(record.RecordId, record.LatestRevision + 1, _options.Clock.GetUtcNow(), request.Author, template, request.BasedOnRevision, merged, request.AddendumReason, changes);
            await InsertRevisionAsync(connection, transaction, revision, result, cancellationToken).ConfigureAwait(false);
            if (BeforeCommit is { } hook)
            {
                await hook(connection).ConfigureAwait(false);
            }

            return new SaveResult(merged ? SaveOutcome.Merged : SaveOutcome.Saved, revision.Number, revision, []);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<SignOff> SignOffAsync(string recordId, string by, string role, CancellationToken cancellationToken = default)
    {
        RecordsGuard.NotBlank(by, "signer");
        RecordsGuard.NotBlank(role, "signer's role");
        return await WriteAsync(async (connection, transaction) =>
        {
            var record = await LockRecordAsync(connection, transaction, recordId, cancellationToken).ConfigureAwait(false);
            if (record.LatestRevision == 0)
            {
                throw new RecordStoreException(RecordStoreError.InvalidRequest, $"Record `{recordId}` has no saved answers to sign off; save it first.");
            }

            var signOff = new SignOff(record.LatestRevision, _options.Clock.GetUtcNow(), by, role);
            await Sql.ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO fe_signoff (record_id, seq, revision, signed_at, signed_by, role) VALUES (@id, @seq, @rev, @at, @by, @role)",
                cancellationToken,
                ("@id", recordId), ("@seq", record.SignOffs.Count + 1), ("@rev", signOff.Revision), ("@at", Sql.Ticks(signOff.At)), ("@by", by), ("@role", role)).ConfigureAwait(false);
            return signOff;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task LogAccessAsync(string recordId, int revision, AccessContext reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.Validate();
        if (!_options.LogAccess)
        {
            return;
        }

        await WriteAsync(async (connection, transaction) =>
        {
            var record = await ReadRecordAsync(connection, transaction, recordId, lockRow: false, cancellationToken).ConfigureAwait(false);
            await InsertAccessAsync(connection, transaction, record.CaseId, recordId, revision, reader, cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _database is IAsyncDisposable owned ? owned.DisposeAsync() : ValueTask.CompletedTask;

    private async Task InsertRevisionAsync(DbConnection connection, DbTransaction transaction, Revision revision, JsonObject answers, CancellationToken cancellationToken)
    {
        var t = revision.Template;
        await Sql.ExecuteAsync(
            connection,
            transaction,
            "INSERT INTO fe_revision (record_id, number, saved_at, author, template_id, template_version, template_hash, based_on, merged, addendum_reason, answers) VALUES (@id, @n, @at, @by, @tid, @tver, @thash, @base, @merged, @reason, @answers)",
            cancellationToken,
            ("@id", revision.RecordId), ("@n", revision.Number), ("@at", Sql.Ticks(revision.At)), ("@by", revision.Author), ("@tid", t.Id), ("@tver", t.Version), ("@thash", t.Hash),
            ("@base", revision.BasedOn), ("@merged", revision.Merged ? 1 : 0), ("@reason", revision.AddendumReason), ("@answers", JsonText.Write(answers))).ConfigureAwait(false);
        for (var i = 0; i < revision.Changes.Count; i++)
        {
            var change = revision.Changes[i];
            await Sql.ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO fe_change (record_id, revision, ordinal, path, old_value, new_value) VALUES (@id, @n, @i, @path, @old, @new)",
                cancellationToken,
                ("@id", revision.RecordId), ("@n", revision.Number), ("@i", i), ("@path", change.Path), ("@old", change.OldJson), ("@new", change.NewJson)).ConfigureAwait(false);
        }

        await Sql.ExecuteAsync(
            connection,
            transaction,
            "UPDATE fe_record SET latest_revision = @n, template_id = @tid, template_version = @tver, template_hash = @thash WHERE record_id = @id",
            cancellationToken,
            ("@n", revision.Number), ("@tid", t.Id), ("@tver", t.Version), ("@thash", t.Hash), ("@id", revision.RecordId)).ConfigureAwait(false);
    }

    private Task InsertAccessAsync(DbConnection connection, DbTransaction? transaction, string caseId, string recordId, int revision, AccessContext reader, CancellationToken cancellationToken) =>
        Sql.ExecuteAsync(
            connection,
            transaction,
            // seq keeps reads in the order they were logged when the clock gives two the same moment.
            "INSERT INTO fe_access (access_id, case_id, record_id, revision, read_at, seq, reader, audience, purpose) VALUES (@aid, @case, @id, @rev, @at, (SELECT COALESCE(MAX(seq), 0) + 1 FROM fe_access WHERE case_id = @case), @reader, @audience, @purpose)",
            cancellationToken,
            ("@aid", Guid.NewGuid().ToString("N")), ("@case", caseId), ("@id", recordId), ("@rev", revision), ("@at", Sql.Ticks(_options.Clock.GetUtcNow())),
            ("@reader", reader.Reader), ("@audience", reader.Audience), ("@purpose", reader.Purpose));

    private Task<RecordInfo> LockRecordAsync(DbConnection connection, DbTransaction transaction, string recordId, CancellationToken cancellationToken) =>
        ReadRecordAsync(connection, transaction, recordId, lockRow: true, cancellationToken);

    /// <summary>Runs one write transaction: committed when <paramref name="work"/> returns, rolled back when it throws.</summary>
    private async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await _database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
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
