using System.Data.Common;
using FormEngine.Records.Storage;
using Microsoft.Data.Sqlite;

namespace FormEngine.Records.Sqlite;

/// <summary>SQLite's side of the store: one file in WAL mode, writers serialised by SQLite's own write lock.</summary>
internal sealed class SqliteRecordsDatabase : IRecordsDatabase
{
    // SQLite result codes the store explains rather than passes on.
    private const int NotADatabase = 26;
    private const int Corrupt = 11;
    private const int CannotOpen = 14;

    private readonly string _connectionString;

    public SqliteRecordsDatabase(string path)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Writers wait their turn for the file's one write lock (busy_timeout below) rather than failing.
            DefaultTimeout = 60,
        }.ToString();
    }

    public string Path { get; }

    public string Description => $"The SQLite file `{Path}`";

    // BEGIN IMMEDIATE already holds the whole file's write lock, so there is no row to lock.
    public string LockRowClause => "";

    public bool MayShareDatabase => false;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // FULL: a commit is on disk before the save returns, so a power cut cannot lose a save the user was told of.
            await Sql.ExecuteAsync(connection, null, "PRAGMA busy_timeout = 60000; PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;", cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Makes the file (if new) and switches it to WAL, which lasts in the file, so readers never wait for a writer.</summary>
    public async Task PrepareFileAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await Sql.ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Explain(ex) is { } explained)
        {
            throw explained;
        }
    }

    public Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        // BEGIN IMMEDIATE: the write lock is taken first (waiting up to busy_timeout), so a save never reads, then fails to upgrade.
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    public Task<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        // Deferred: a read takes no write lock, and WAL gives it one consistent snapshot.
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    public Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<IReadOnlyList<string>> TableNamesAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await using var command = Sql.Command(connection, transaction, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    public RecordStoreException? Explain(Exception exception) => exception switch
    {
        SqliteException { SqliteErrorCode: NotADatabase } e => new RecordStoreException(RecordStoreError.NotAStore, $"{Description} is not a FormEngine records store (it is not a SQLite database). Give the path of a records store, or a new file name to make one; nothing was changed.", e),
        SqliteException { SqliteErrorCode: Corrupt } e => new RecordStoreException(RecordStoreError.NotAStore, $"{Description} is damaged ({e.Message}). Restore it from a backup; nothing was changed.", e),
        SqliteException { SqliteErrorCode: CannotOpen } e => new RecordStoreException(RecordStoreError.Unavailable, $"{Description} cannot be opened ({e.Message}); check the path and that this process may write to its folder.", e),
        _ => null,
    };
}
