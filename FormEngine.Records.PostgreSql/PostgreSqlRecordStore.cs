using FormEngine.Records.Storage;
using Npgsql;

namespace FormEngine.Records.PostgreSql;

/// <summary>Opens a records store in a PostgreSQL database, shared by every host of a council's system.</summary>
public static class PostgreSqlRecordStore
{
    /// <summary>
    /// Opens the store in the database <paramref name="connectionString"/> names, making its tables (all named
    /// <c>fe_...</c>) on first use and upgrading an older store in place. The database may hold other tables.
    /// </summary>
    /// <param name="connectionString">An Npgsql connection string, e.g. <c>Host=127.0.0.1;Database=records;Username=formengine</c>.</param>
    /// <param name="options">The clock and access-log setting, or null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The store; dispose it to close its connections.</returns>
    /// <exception cref="RecordStoreException">The server cannot be reached, or the store was written by a newer version.</exception>
    public static Task<IRecordStore> OpenAsync(string connectionString, RecordStoreOptions? options = null, CancellationToken cancellationToken = default) =>
        OpenAtVersionAsync(connectionString, options, StoreSchema.Latest, cancellationToken);

    /// <summary>Opens the store at a given schema version; tests use an older one to check the upgrade.</summary>
    internal static async Task<IRecordStore> OpenAtVersionAsync(string connectionString, RecordStoreOptions? options, int schemaVersion, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new RecordStoreException(RecordStoreError.Unavailable, $"The PostgreSQL connection string is not valid: {ex.Message}. Write it as Host=...;Database=...;Username=...", ex);
        }

        var database = new PostgreSqlRecordsDatabase(builder);
        try
        {
            await StoreSchema.EnsureAsync(database, schemaVersion, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            await database.DisposeAsync().ConfigureAwait(false);
            if (ex is not RecordStoreException && database.Explain(ex) is { } explained)
            {
                throw explained;
            }

            throw;
        }

        return new SqlRecordStore(database, options ?? RecordStoreOptions.Default);
    }
}
