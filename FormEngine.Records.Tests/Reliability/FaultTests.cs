using System.Diagnostics;
using System.Text.Json.Nodes;
using FormEngine.Records.Storage;
using FormEngine.Records.Tests.Contract;
using FormEngine.Records.Tests.Support;
using Npgsql;
using static FormEngine.Records.Tests.Support.Json;

namespace FormEngine.Records.Tests.Reliability;

/// <summary>Several processes against every provider: writers saving one record at once, a writer killed mid-run, a save that breaks before it commits.</summary>
[TestFixture(typeof(SqliteTarget))]
[TestFixture(typeof(PostgreSqlTarget))]
public sealed class FaultTests<TTarget> : StoreFixture<TTarget>
    where TTarget : StoreTarget, new()
{
    [Test]
    public async Task A_writer_process_killed_mid_run_loses_nothing_it_was_told_was_committed_and_the_store_opens_cleanly()
    {
        var record = await NewRecordAsync();
        var told = new List<(int Revision, string Value)>();
        using (var writer = StartWriter(record.RecordId))
        {
            try
            {
                while (told.Count < 25 && await writer.StandardOutput.ReadLineAsync() is { } line)
                {
                    var parts = line.Split(' ');
                    told.Add((int.Parse(parts[1]), parts[2]));
                }
            }
            finally
            {
                writer.Kill(); // SIGKILL: no clean-up, no flush, possibly mid-transaction
                await writer.WaitForExitAsync();
            }

            Assert.That(told, Has.Count.EqualTo(25), $"the writer stopped early: {await writer.StandardError.ReadToEndAsync()}");
        }

        await using var reopened = await Target.OpenAsync(Location);
        var history = await reopened.GetHistoryAsync(record.RecordId);
        foreach (var (revision, value) in told)
        {
            var answers = (await reopened.GetRevisionAsync(record.RecordId, revision)).Answers;
            var step = int.Parse(value[1..]) % 7;
            Assert.That(answers[$"step{step}"]?["value"]?.GetValue<string>(), Is.EqualTo(value), $"revision {revision} holds what the writer was told");
        }

        Assert.That(history.Select(r => r.Number), Is.EqualTo(Enumerable.Range(1, history.Count)), "no gap and no half-written revision");
        Assert.That(history.Count, Is.GreaterThanOrEqualTo(told.Count));
        var after = await reopened.SaveAsync(new SaveRequest(record.RecordId, history.Count, Obj("""{"after":{"crash":true}}"""), "check"));
        Assert.That(after.Outcome, Is.EqualTo(SaveOutcome.Saved), "the store takes saves after the crash");
        if (Target is SqliteTarget)
        {
            Assert.That(await Target.SqlAsync(Location, "PRAGMA integrity_check"), Is.EqualTo("ok"));
        }
    }

    [Test]
    public async Task Writer_processes_saving_one_record_at_once_each_keep_every_save()
    {
        const int saves = 60;
        var record = await NewRecordAsync();
        var writers = new[] { "a", "b", "c" }.Select(name => (Name: name, Process: StartWriter(record.RecordId, saves.ToString(), name))).ToList();
        var told = new List<(string Name, int Revision, string Value)>();
        foreach (var (name, process) in writers)
        {
            using (process)
            {
                while (await process.StandardOutput.ReadLineAsync() is { } line)
                {
                    var parts = line.Split(' ');
                    Assert.That(parts[0], Is.EqualTo("committed"), $"writer {name}: {line}");
                    told.Add((name, int.Parse(parts[1]), parts[2]));
                }

                await process.WaitForExitAsync();
                Assert.That(process.ExitCode, Is.Zero, await process.StandardError.ReadToEndAsync());
            }
        }

        var history = await Store.GetHistoryAsync(record.RecordId);
        var current = await Store.GetCurrentAsync(record.RecordId);
        Assert.Multiple(() =>
        {
            Assert.That(told, Has.Count.EqualTo(3 * saves));
            Assert.That(told.Select(t => t.Revision).Distinct().Count(), Is.EqualTo(3 * saves), "each save has its own revision");
            Assert.That(history.Select(r => r.Number), Is.EqualTo(Enumerable.Range(1, 3 * saves)));
            Assert.That(history.Count(r => r.Merged), Is.GreaterThan(0), "the processes overlapped, so some saves were merged");
            foreach (var (name, _, value) in told)
            {
                var step = int.Parse(value[1..]);
                if (step >= saves - 7)
                {
                    Assert.That(current.Answers[$"{name}_step{step % 7}"]?["value"]?.GetValue<string>(), Is.EqualTo(value), $"writer {name}'s last saves are all in the answers");
                }
            }
        });
    }

    [Test]
    public async Task A_save_whose_connection_breaks_before_it_commits_leaves_nothing_half_written()
    {
        var record = await NewRecordAsync();
        await Store.SaveAsync(new SaveRequest(record.RecordId, 0, Obj("""{"child":{"name":"Alex"}}"""), "a"));
        var store = (SqlRecordStore)Store;
        store.BeforeCommit = BreakConnection;

        var ex = Assert.CatchAsync(() => Store.SaveAsync(new SaveRequest(record.RecordId, 1, Obj("""{"child":{"name":"Alex Jones","dob":"2017-03-02"},"health":{"gp":"Dr Rees"}}"""), "a")));
        store.BeforeCommit = null;

        var current = await Store.GetCurrentAsync(record.RecordId);
        Assert.Multiple(async () =>
        {
            if (Target is PostgreSqlTarget)
            {
                Assert.That(ex, Is.TypeOf<RecordStoreException>().With.Property(nameof(RecordStoreException.Error)).EqualTo(RecordStoreError.Unavailable));
                Assert.That(ex!.Message, Does.Contain("never in part"));
            }

            Assert.That(current.Revision, Is.EqualTo(1));
            Assert.That(Same(current.Answers, Obj("""{"child":{"name":"Alex"}}""")), Is.True);
            Assert.That(Convert.ToInt32(await Target.SqlAsync(Location, $"SELECT COUNT(*) FROM fe_change WHERE record_id = '{record.RecordId}'")), Is.EqualTo(1), "no change rows of the broken save");
            Assert.That(Convert.ToInt32(await Target.SqlAsync(Location, $"SELECT latest_revision FROM fe_record WHERE record_id = '{record.RecordId}'")), Is.EqualTo(1));
        });
        var retried = await Store.SaveAsync(new SaveRequest(record.RecordId, 1, Obj("""{"child":{"name":"Alex Jones"}}"""), "a"));
        Assert.That(retried.LatestRevision, Is.EqualTo(2), "the same save succeeds when tried again");
    }

    private async Task BreakConnection(System.Data.Common.DbConnection connection)
    {
        if (connection is NpgsqlConnection npgsql)
        {
            // Another session ends this one's backend, as a restart or network failure would.
            await Target.SqlAsync(Location, $"SELECT pg_terminate_backend({npgsql.ProcessID})");
            await Task.Delay(100);
        }
        else
        {
            // SQLite runs in-process: a failure inside the transaction stands for the process or disk failing there.
            throw new IOException("disk failed during the save");
        }
    }

    private Process StartWriter(string recordId, string count = "100000", string? name = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { typeof(Program).Assembly.Location, "writer", Target.Provider, Location, recordId, count })
        {
            start.ArgumentList.Add(arg);
        }

        if (name is not null)
        {
            start.ArgumentList.Add(name);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start the writer process");
    }
}
