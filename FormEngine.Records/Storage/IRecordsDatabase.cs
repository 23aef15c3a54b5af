using System.Data.Common;

namespace FormEngine.Records.Storage;

/// <summary>
/// What differs between the databases a records store runs on. Everything else (the schema, saving,
/// merging, reading) is one implementation in <see cref="SqlRecordStore"/>, written in SQL both accept.
/// </summary>
internal interface IRecordsDatabase
{
    /// <summary>How messages name the database, e.g. "the SQLite file cases.db".</summary>
    string Description { get; }

    /// <summary>The SQL appended to the query that reads a record's row before a change, to hold other writers back.</summary>
    string LockRowClause { get; }

    /// <summary>Opens a connection ready for use.</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Begins a transaction that will write (SQLite takes its write lock at once, so two writers never deadlock upgrading a read lock).</summary>
    Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Begins a read-only transaction that sees one consistent moment across its queries.</summary>
    Task<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Holds other processes back while the schema is checked or upgraded.</summary>
    Task LockSchemaAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Names of tables already in the database, to tell an empty one from a stranger's.</summary>
    Task<IReadOnlyList<string>> TableNamesAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>True when a database holding other tables but no store may become a store (PostgreSQL: a shared database; SQLite: never, a file is one store).</summary>
    bool MayShareDatabase { get; }

    /// <summary>The store's own exception for a database error worth explaining (not a database, connection lost), or null.</summary>
    RecordStoreException? Explain(Exception exception);
}
