using FormEngine.Records.PostgreSql;
using FormEngine.Records.Sqlite;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace FormEngine.Records.Tests.Support;

/// <summary>A database the contract suite runs against: where a fresh store lives and how to reach it behind the store's back.</summary>
public abstract class StoreTarget
{
    /// <summary>The provider's name as the writer process takes it.</summary>
    public abstract string Provider { get; }

    /// <summary>A new, empty place for a store (a file path or a connection string).</summary>
    public abstract Task<string> NewLocationAsync();

    public abstract Task<IRecordStore> OpenAsync(string location, RecordStoreOptions? options = null);

    internal abstract Task<IRecordStore> OpenAtVersionAsync(string location, int version);

    /// <summary>Runs SQL on the store's database directly, as a damaged or foreign database would look.</summary>
    public abstract Task<object?> SqlAsync(string location, string sql);

    public virtual Task CleanUpAsync() => Task.CompletedTask;

    public static Task<IRecordStore> OpenByName(string provider, string location, RecordStoreOptions? options = null) =>
        provider == "sqlite" ? SqliteRecordStore.OpenAsync(location, options) : PostgreSqlRecordStore.OpenAsync(location, options);
}

public sealed class SqliteTarget : StoreTarget
{
    private readonly string _folder = Directory.CreateTempSubdirectory("formengine-records-").FullName;

    public override string Provider => "sqlite";

    public override Task<string> NewLocationAsync() => Task.FromResult(Path.Combine(_folder, $"{Guid.NewGuid():N}.db"));

    public override Task<IRecordStore> OpenAsync(string location, RecordStoreOptions? options = null) => SqliteRecordStore.OpenAsync(location, options);

    internal override Task<IRecordStore> OpenAtVersionAsync(string location, int version) => SqliteRecordStore.OpenAtVersionAsync(location, null, version, CancellationToken.None);

    public override async Task<object?> SqlAsync(string location, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={location};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    public override Task CleanUpAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}

public sealed class PostgreSqlTarget : StoreTarget
{
    private readonly List<string> _databases = [];

    public override string Provider => "postgresql";

    public override async Task<string> NewLocationAsync()
    {
        var server = PostgresServer.RequireConnectionString();
        var name = $"fe_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        _databases.Add(name);
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
    }

    public override Task<IRecordStore> OpenAsync(string location, RecordStoreOptions? options = null) => PostgreSqlRecordStore.OpenAsync(location, options);

    internal override Task<IRecordStore> OpenAtVersionAsync(string location, int version) => PostgreSqlRecordStore.OpenAtVersionAsync(location, null, version, CancellationToken.None);

    public override async Task<object?> SqlAsync(string location, string sql)
    {
        await using var connection = new NpgsqlConnection(location);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public override async Task CleanUpAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (PostgresServer.ConnectionString is not { } server)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        foreach (var name in _databases)
        {
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
