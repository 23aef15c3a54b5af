using System.Text.Json.Nodes;
using FormEngine.Benchmarks.Harness;
using FormEngine.Records;
using FormEngine.Records.PostgreSql;
using FormEngine.Records.Sqlite;
using Npgsql;

namespace FormEngine.Benchmarks.Workloads;

/// <summary>
/// A records store that already holds a council's worth of records (100,000 by default: 20,000 cases of five records,
/// each saved twice), so the store benchmarks measure a store of that size rather than an empty one. Seeding goes
/// through the store's own API, so the tables and indexes are exactly what a host's would be; it is slow (minutes), so
/// each size is seeded once per machine and copied for each run: a SQLite file under artifacts/benchmarks/seed, a
/// PostgreSQL database used as a template. FORMENGINE_BENCH_STORE_RECORDS sets the size; the short mode (run in CI) uses 500.
/// </summary>
internal static class RecordStoreSeed
{
    private const int RecordsPerCase = 5;
    private static readonly TemplateRef Template = new("single_assessment", "3", "sha256:seed");

    /// <summary>How many records the store holds before a benchmark adds its own.</summary>
    public static int Size =>
        int.TryParse(Environment.GetEnvironmentVariable("FORMENGINE_BENCH_STORE_RECORDS"), out var size) && size >= 0 ? size
        : QuickRunner.Running ? 500 : 100_000;

    /// <summary>Copies the seeded SQLite store (seeding it first if this machine has none of this size) to <paramref name="file"/>.</summary>
    public static async Task CopySqliteAsync(string file)
    {
        var seed = Path.Combine(Program.ArtifactsFolder(), "seed", $"records-{Size}.db");
        if (!File.Exists(seed))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(seed)!);
            // Seed in memory-backed storage where there is some (each commit's fsync costs nothing there), then move it.
            var scratch = Directory.Exists("/dev/shm") ? Directory.CreateDirectory(Path.Combine("/dev/shm", $"formengine-seed-{Guid.NewGuid():N}")).FullName : null;
            var partial = Path.Combine(scratch ?? Path.GetDirectoryName(seed)!, $"records-{Size}.partial.db");
            File.Delete(partial);
            try
            {
                await using (var store = await SqliteRecordStore.OpenAsync(partial))
                {
                    await SeedAsync(store, writers: 1);
                }

                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                File.Move(partial, seed, overwrite: true);
            }
            finally
            {
                if (scratch is not null)
                {
                    Directory.Delete(scratch, recursive: true);
                }
            }
        }

        File.Copy(seed, file, overwrite: true);
    }

    /// <summary>Makes a database named <paramref name="name"/> as a copy of the seeded PostgreSQL database (seeding it first if the server has none of this size).</summary>
    public static async Task CreatePostgresAsync(string server, string name)
    {
        var seed = $"fe_bench_seed_{Size}";
        if (!await ExistsAsync(server, seed))
        {
            var partial = seed + "_partial";
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {partial} WITH (FORCE)");
            await ExecuteAsync(server, $"CREATE DATABASE {partial}");
            // Seeding need not wait for each commit to reach the disk; the benchmarks then run with the server's own settings.
            var fast = new NpgsqlConnectionStringBuilder(server) { Database = partial, Options = "-c synchronous_commit=off" }.ToString();
            await using (var store = await PostgreSqlRecordStore.OpenAsync(fast))
            {
                await SeedAsync(store, writers: 4);
            }

            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"ALTER DATABASE {partial} RENAME TO {seed}");
        }

        await ExecuteAsync(server, $"CREATE DATABASE {name} TEMPLATE {seed}");
    }

    private static async Task SeedAsync(IRecordStore store, int writers)
    {
        var cases = (Size + RecordsPerCase - 1) / RecordsPerCase;
        var next = -1;
        var started = DateTime.UtcNow;
        Console.WriteLine($"Seeding a records store with {Size:N0} records (once per machine)...");
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            for (var c = Interlocked.Increment(ref next); c < cases; c = Interlocked.Increment(ref next))
            {
                for (var r = 0; r < RecordsPerCase && (c * RecordsPerCase) + r < Size; r++)
                {
                    var record = await store.CreateRecordAsync(new NewRecord($"CIN-SEED-{c:D6}", r == 0 ? "assessment" : "review", Template, "seed"));
                    await store.SaveAsync(new SaveRequest(record.RecordId, 0, Answers(c, 1), "seed"));
                    await store.SaveAsync(new SaveRequest(record.RecordId, 1, Answers(c, 2), "seed"));
                }
            }
        })));
        Console.WriteLine($"Seeded {Size:N0} records in {(DateTime.UtcNow - started).TotalSeconds:F0} s.");
    }

    /// <summary>A short assessment (12 answers); the second save changes three of them.</summary>
    private static JsonObject Answers(int caseNumber, int round)
    {
        var child = new JsonObject();
        for (var q = 0; q < 12; q++)
        {
            child[$"q{q}"] = q < 3 ? $"case {caseNumber} answer {q} round {round}" : $"case {caseNumber} steady answer {q}";
        }

        return new JsonObject { ["child"] = child };
    }

    private static async Task<bool> ExistsAsync(string server, string database)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", database);
        return await command.ExecuteScalarAsync() is not null;
    }

    public static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
