using FormEngine.Records.Storage;
using Microsoft.Data.Sqlite;

namespace FormEngine.Records.Sqlite;

/// <summary>Opens a records store kept in one SQLite file: made on first use, no setup.</summary>
public static class SqliteRecordStore
{
    /// <summary>
    /// Opens the store in <paramref name="path"/>, making the file and its tables if it does not exist and
    /// upgrading an older store in place. Several processes may share the file (WAL mode; writers take turns).
    /// </summary>
    /// <param name="path">The store's file, e.g. <c>records.db</c>. Its folder must exist.</param>
    /// <param name="options">The clock and access-log setting, or null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The store.</returns>
    /// <exception cref="RecordStoreException">The file is not a records store, was written by a newer version, or cannot be opened.</exception>
    public static Task<IRecordStore> OpenAsync(string path, RecordStoreOptions? options = null, CancellationToken cancellationToken = default) =>
        OpenAtVersionAsync(path, options, StoreSchema.Latest, cancellationToken);

    /// <summary>Opens the store at a given schema version; tests use an older one to check the upgrade.</summary>
    internal static async Task<IRecordStore> OpenAtVersionAsync(string path, RecordStoreOptions? options, int schemaVersion, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new RecordStoreException(RecordStoreError.Unavailable, $"The folder `{folder}` for the records store does not exist; make it first.");
        }

        if (Directory.Exists(full))
        {
            throw new RecordStoreException(RecordStoreError.NotAStore, $"`{full}` is a folder, not a records store file; give a file path such as `{Path.Combine(full, "records.db")}`.");
        }

        var database = new SqliteRecordsDatabase(full);
        await database.PrepareFileAsync(cancellationToken).ConfigureAwait(false);
        await StoreSchema.EnsureAsync(database, schemaVersion, cancellationToken).ConfigureAwait(false);
        return new SqlRecordStore(database, options ?? RecordStoreOptions.Default);
    }
}
