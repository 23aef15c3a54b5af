using FormEngine.Views;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using FormEngine.Benchmarks.Workloads;
using FormEngine.Records;
using FormEngine.Records.PostgreSql;
using FormEngine.Records.Sqlite;
using Npgsql;

namespace FormEngine.Benchmarks.Benchmarks;

/// <summary>
/// The case records store, SQLite and PostgreSQL side by side, each already holding 100,000 records
/// (<see cref="RecordStoreSeed"/>): a save that changes 10 answers, opening the current answers of a record with 50
/// revisions, reading it as at an earlier date, and the chronology of a case with 10 records, as data and as the
/// view a reader sees. PostgreSQL runs when FORMENGINE_POSTGRES names a server (a database is made from the seeded
/// one and dropped after the run). SQLite commits with synchronous=FULL, so its save time is mostly the disk's fsync.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Records")]
public class RecordStoreBenchmarks
{
    private const int Revisions = 50;
    private const int CaseRecords = 10;
    private static readonly TemplateRef Template = new("single_assessment", "3", "sha256:bench");

    /// <summary>A template for the benchmark's answers: two key facts (one withheld from a parent) among its questions.</summary>
    private static readonly FormTemplate ChronologyTemplate = FormTemplate.LoadFromText("""
        id: single_assessment
        title: Review
        audiences: [practitioner, parent]
        sensitivity:
          third_party: { label: third-party information, audiences: [practitioner] }
        sections:
          - id: child
            title: Child
            questions:
              - { id: q0, type: text, label: First answer, summary: true }
              - { id: q5, type: text, label: Sixth answer, summary: true, sensitivity: third_party }
              - { id: q1, type: text, label: Second answer }
        """).Template!;

    private IRecordStore _store = null!;
    private string _cleanUp = "";
    private string _saveRecord = "";
    private int _saveRevision;
    private int _saves;
    private string _historyRecord = "";
    private DateTimeOffset _midway;
    private string _caseId = "";

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = "sqlite";

    public static IEnumerable<string> Providers =>
        Environment.GetEnvironmentVariable("FORMENGINE_POSTGRES") is { Length: > 0 } ? ["sqlite", "postgresql"] : ["sqlite"];

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    [Benchmark]
    public async Task SaveTenAnswers()
    {
        _saves++;
        var answers = Answers(_saves);
        var result = await _store.SaveAsync(new SaveRequest(_saveRecord, _saveRevision, answers, "bench"));
        _saveRevision = result.LatestRevision;
    }

    [Benchmark]
    public Task<RecordAnswers> OpenCurrentOf50Revisions() => _store.GetCurrentAsync(_historyRecord);

    [Benchmark]
    public Task<RecordAnswers> ReadAsAtEarlierDate() => _store.GetAsAtAsync(_historyRecord, _midway);

    [Benchmark]
    public Task<IReadOnlyList<ChronologyEntry>> ChronologyOf10Records() =>
        _store.GetChronologyAsync(_caseId, new ChronologyOptions { KeyFacts = ["child.q0", "child.q5"] });

    [Benchmark]
    public Task<ChronologyView> ChronologyViewOf10Records() =>
        _store.GetChronologyViewAsync(_caseId, _ => ChronologyTemplate, new ChronologyViewOptions { Audience = "parent", Today = new DateOnly(2026, 11, 30) });

    private async Task SetupAsync()
    {
        if (Provider == "sqlite")
        {
            var folder = Directory.CreateTempSubdirectory("formengine-bench-records-").FullName;
            _cleanUp = folder;
            await RecordStoreSeed.CopySqliteAsync(Path.Combine(folder, "records.db"));
            _store = await SqliteRecordStore.OpenAsync(Path.Combine(folder, "records.db"));
        }
        else
        {
            var server = Environment.GetEnvironmentVariable("FORMENGINE_POSTGRES")!;
            var name = $"fe_bench_{Guid.NewGuid():N}";
            await RecordStoreSeed.CreatePostgresAsync(server, name);
            _cleanUp = name;
            _store = await PostgreSqlRecordStore.OpenAsync(new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString());
        }

        _saveRecord = (await _store.CreateRecordAsync(new NewRecord("CIN-BENCH-1", "assessment", Template, "bench"))).RecordId;
        _historyRecord = (await _store.CreateRecordAsync(new NewRecord("CIN-BENCH-2", "assessment", Template, "bench"))).RecordId;
        for (var i = 1; i <= Revisions; i++)
        {
            await _store.SaveAsync(new SaveRequest(_historyRecord, i - 1, Answers(i), "bench"));
            if (i == Revisions / 2)
            {
                _midway = DateTimeOffset.UtcNow;
                await Task.Delay(5);
            }
        }

        _caseId = "CIN-BENCH-3";
        for (var r = 0; r < CaseRecords; r++)
        {
            var id = (await _store.CreateRecordAsync(new NewRecord(_caseId, "review", Template, "bench"))).RecordId;
            for (var i = 1; i <= 5; i++)
            {
                await _store.SaveAsync(new SaveRequest(id, i - 1, Answers(i), "bench"));
            }
        }
    }

    private async Task CleanupAsync()
    {
        await _store.DisposeAsync();
        if (Provider == "sqlite")
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_cleanUp, recursive: true);
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
            await RecordStoreSeed.ExecuteAsync(Environment.GetEnvironmentVariable("FORMENGINE_POSTGRES")!, $"DROP DATABASE IF EXISTS {_cleanUp} WITH (FORCE)");
        }
    }

    /// <summary>An assessment-sized document (60 answers in 3 sections and a repeat) whose first 10 answers change with <paramref name="round"/>.</summary>
    private static JsonObject Answers(int round)
    {
        var answers = new JsonObject();
        foreach (var section in new[] { "child", "family", "health" })
        {
            var obj = new JsonObject();
            for (var q = 0; q < 20; q++)
            {
                obj[$"q{q}"] = section == "child" && q < 10 ? $"answer {q} round {round}" : $"steady answer {q}";
            }

            answers[section] = obj;
        }

        answers["household"] = new JsonObject { ["members"] = new JsonArray(new JsonObject { ["name"] = "Jo", ["age"] = 34 }, new JsonObject { ["name"] = "Sam", ["age"] = 9 }) };
        return answers;
    }
}
