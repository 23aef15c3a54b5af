using System.Data;
using System.Data.Common;
using System.Net.Sockets;
using FormEngine.Records.Storage;
using Npgsql;

namespace FormEngine.Records.PostgreSql;

/// <summary>
/// PostgreSQL's side of the store. Concurrency: a write runs at READ COMMITTED and first takes the record's row
/// lock (<c>SELECT ... FOR UPDATE</c>). Writers of one record queue on that lock, across every process and
/// host, and each then reads the latest committed revision before merging, so no save is lost or interleaved;
/// writers of different records never wait for each other. Row locks were chosen over SERIALIZABLE because
/// under many writers of one case serializable transactions fail with serialization errors and must be retried
/// whole (re-reading, re-merging), which wastes work exactly when the record is busiest; a lock just waits.
/// Each write takes one row lock only, so two writes cannot deadlock.
/// </summary>
internal sealed class PostgreSqlRecordsDatabase : IRecordsDatabase, IAsyncDisposable
{
    // Any fixed number: the key of the advisory lock that lets one process at a time make or upgrade the schema.
    private const long SchemaLockKey = 0x466F726D456E67;

    private readonly NpgsqlDataSource _source;

    public PostgreSqlRecordsDatabase(NpgsqlConnectionStringBuilder builder)
    {
        Description = $"The PostgreSQL database `{builder.Database ?? builder.Username}` on {builder.Host}:{builder.Port}";
        _source = NpgsqlDataSource.Create(builder);
    }

    public string Description { get; }

    public string LockRowClause => " FOR UPDATE";

    public bool MayShareDatabase => true;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);

    // Repeatable read: a read of several queries (a record and its sign-offs, two revisions) sees one snapshot.
    public async Task<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);

    public Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Sql.ScalarAsync(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", cancellationToken, ("@key", SchemaLockKey));

    public async Task<IReadOnlyList<string>> TableNamesAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await using var command = Sql.Command(connection, transaction, "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    public RecordStoreException? Explain(Exception exception) => exception switch
    {
        PostgresException { SqlState: "3D000" } e => new RecordStoreException(RecordStoreError.Unavailable, $"{Description} does not exist; create it (createdb) or fix Database= in the connection string.", e),
        PostgresException { SqlState: "28P01" or "28000" } e => new RecordStoreException(RecordStoreError.Unavailable, $"{Description} refused the login ({e.MessageText}); check Username= and Password= in the connection string.", e),
        // Two hosts making a record with the same id at the same moment: the second finds it made.
        PostgresException { SqlState: "23505" } e => new RecordStoreException(RecordStoreError.InvalidRequest, $"{Description} already holds that record: another writer made it at the same moment ({e.MessageText}). Load it instead of making it.", e),
        PostgresException { SqlState: var state } e when state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("57P", StringComparison.Ordinal) => Broken(e),
        NpgsqlException { InnerException: IOException or SocketException or EndOfStreamException } e => Broken(e),
        NpgsqlException { IsTransient: true } e => Broken(e),
        _ => null,
    };

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    private RecordStoreException Broken(Exception e) => new(
        RecordStoreError.Unavailable,
        $"The connection to {Description} failed or broke ({e.Message}). A change is saved whole or not at all, never in part: load the record to see whether the last save is there, then try again.",
        e);
}
