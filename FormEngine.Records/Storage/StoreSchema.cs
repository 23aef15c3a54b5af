using System.Data.Common;

namespace FormEngine.Records.Storage;

/// <summary>
/// The store's tables and their versions. A store is made on first use and upgraded in place: each version's
/// statements run once, in one transaction with the version number, so an upgrade is all or nothing.
/// New versions are appended to <see cref="Versions"/>; a released version is never edited.
/// </summary>
internal static class StoreSchema
{
    public const string Component = "formengine.records";

    /// <summary>The statements of each version, in order; version N is Versions[N - 1]. Plain SQL that SQLite and PostgreSQL both accept.</summary>
    public static readonly IReadOnlyList<string[]> Versions =
    [
        [
            "CREATE TABLE fe_case (case_id TEXT PRIMARY KEY, created_at BIGINT NOT NULL)",
            "CREATE TABLE fe_record (record_id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES fe_case(case_id), kind TEXT NOT NULL, template_id TEXT NOT NULL, template_version TEXT NOT NULL, template_hash TEXT NOT NULL, created_at BIGINT NOT NULL, created_by TEXT NOT NULL, latest_revision INTEGER NOT NULL)",
            "CREATE INDEX fe_record_case ON fe_record (case_id, created_at)",
            "CREATE TABLE fe_revision (record_id TEXT NOT NULL REFERENCES fe_record(record_id), number INTEGER NOT NULL, saved_at BIGINT NOT NULL, author TEXT NOT NULL, template_id TEXT NOT NULL, template_version TEXT NOT NULL, template_hash TEXT NOT NULL, based_on INTEGER NOT NULL, merged INTEGER NOT NULL, addendum_reason TEXT NULL, answers TEXT NOT NULL, PRIMARY KEY (record_id, number))",
            "CREATE TABLE fe_change (record_id TEXT NOT NULL, revision INTEGER NOT NULL, ordinal INTEGER NOT NULL, path TEXT NOT NULL, old_value TEXT NULL, new_value TEXT NULL, PRIMARY KEY (record_id, revision, ordinal), FOREIGN KEY (record_id, revision) REFERENCES fe_revision (record_id, number))",
            "CREATE TABLE fe_signoff (record_id TEXT NOT NULL REFERENCES fe_record(record_id), seq INTEGER NOT NULL, revision INTEGER NOT NULL, signed_at BIGINT NOT NULL, signed_by TEXT NOT NULL, role TEXT NOT NULL, PRIMARY KEY (record_id, seq))",
        ],
        [
            // Version 2: the access log, and reading a record as at a date without scanning its revisions.
            "CREATE TABLE fe_access (access_id TEXT PRIMARY KEY, case_id TEXT NOT NULL, record_id TEXT NOT NULL REFERENCES fe_record(record_id), revision INTEGER NOT NULL, read_at BIGINT NOT NULL, seq BIGINT NOT NULL, reader TEXT NOT NULL, audience TEXT NOT NULL, purpose TEXT NOT NULL)",
            "CREATE INDEX fe_access_case ON fe_access (case_id, read_at, seq)",
            "CREATE INDEX fe_revision_time ON fe_revision (record_id, saved_at)",
        ],
    ];

    public static int Latest => Versions.Count;

    /// <summary>Makes or upgrades the store to <paramref name="target"/> (the latest unless a test asks for an older one).</summary>
    public static async Task EnsureAsync(IRecordsDatabase database, int target, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await database.BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        await database.LockSchemaAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var current = await CurrentVersionAsync(database, connection, transaction, cancellationToken).ConfigureAwait(false);
        if (current > Latest)
        {
            throw new RecordStoreException(
                RecordStoreError.NewerSchema,
                $"{database.Description} was written by a newer FormEngine.Records (records schema version {current}; this version knows up to {Latest}). Upgrade FormEngine.Records to open it; nothing was changed.");
        }

        for (var version = current + 1; version <= target; version++)
        {
            foreach (var statement in Versions[version - 1])
            {
                await Sql.ExecuteAsync(connection, transaction, statement, cancellationToken).ConfigureAwait(false);
            }

            await Sql.ExecuteAsync(connection, transaction, "UPDATE fe_schema SET version = @v WHERE component = @c", cancellationToken, ("@v", version), ("@c", Component)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The schema version in the database, making the version table in a new store (version 0).</summary>
    private static async Task<int> CurrentVersionAsync(IRecordsDatabase database, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var tables = await database.TableNamesAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (!tables.Contains("fe_schema", StringComparer.OrdinalIgnoreCase))
        {
            if (tables.Count > 0 && !database.MayShareDatabase)
            {
                throw new RecordStoreException(
                    RecordStoreError.NotAStore,
                    $"{database.Description} is a database but not a FormEngine records store (it holds {string.Join(", ", tables.Take(5))}{(tables.Count > 5 ? ", ..." : "")} and no fe_schema table). Give the path of a records store, or a new file name to make one; nothing was changed.");
            }

            await Sql.ExecuteAsync(connection, transaction, "CREATE TABLE fe_schema (component TEXT PRIMARY KEY, version INTEGER NOT NULL)", cancellationToken).ConfigureAwait(false);
            await Sql.ExecuteAsync(connection, transaction, "INSERT INTO fe_schema (component, version) VALUES (@c, 0)", cancellationToken, ("@c", Component)).ConfigureAwait(false);
            return 0;
        }

        var version = await Sql.ScalarAsync(connection, transaction, "SELECT version FROM fe_schema WHERE component = @c", cancellationToken, ("@c", Component)).ConfigureAwait(false);
        return version is null
            ? throw new RecordStoreException(RecordStoreError.NotAStore, $"{database.Description} has an fe_schema table without a FormEngine records entry; it is not a records store. Give the path of a records store; nothing was changed.")
            : Convert.ToInt32(version, System.Globalization.CultureInfo.InvariantCulture);
    }
}
