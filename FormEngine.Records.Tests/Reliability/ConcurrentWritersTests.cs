using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using FormEngine.Records.Answers;
using FormEngine.Records.Tests.Contract;
using FormEngine.Records.Tests.Support;

namespace FormEngine.Records.Tests.Reliability;

/// <summary>
/// Many writers at once, sized for CI (FORMENGINE_RECORDS_WRITERS and FORMENGINE_RECORDS_SAVES raise it;
/// <c>FormEngine.Records.Tests/load.sh</c> runs the full 20 writers x 200 saves).
/// </summary>
[TestFixture(typeof(SqliteTarget))]
[TestFixture(typeof(PostgreSqlTarget))]
public sealed class ConcurrentWritersTests<TTarget> : StoreFixture<TTarget>
    where TTarget : StoreTarget, new()
{
    private static int Writers => Setting("FORMENGINE_RECORDS_WRITERS", 8);

    private static int SavesEach => Setting("FORMENGINE_RECORDS_SAVES", 40);

    [Test]
    public async Task Writers_on_one_record_each_save_is_committed_or_refused_and_the_answers_are_the_replay_of_what_was_committed()
    {
        var record = await NewRecordAsync();
        var committed = new ConcurrentBag<(int Revision, string Path, string Value)>();
        var refused = new ConcurrentBag<SaveConflict>();
        var outcomes = new ConcurrentDictionary<SaveOutcome, int>();

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            for (var k = 0; k < SavesEach; k++)
            {
                var current = await Store.GetCurrentAsync(record.RecordId);
                // Half the saves go to answers every writer shares, half to the writer's own section.
                var (section, key) = k % 2 == 0 ? ($"writer{w}", "last") : ("shared", $"s{k % 3}");
                var value = $"w{w}-k{k}";
                var answers = current.Answers;
                if (answers[section] is not JsonObject target)
                {
                    answers[section] = target = [];
                }

                target[key] = value;
                await Task.Delay(random.Next(3)); // let others save in between, so merges and conflicts happen
                var result = await Store.SaveAsync(new SaveRequest(record.RecordId, current.Revision, answers, $"writer{w}"));
                outcomes.AddOrUpdate(result.Outcome, 1, (_, n) => n + 1);
                if (result.Succeeded)
                {
                    committed.Add((result.LatestRevision, $"{section}.{key}", value));
                }
                else
                {
                    foreach (var conflict in result.Conflicts)
                    {
                        refused.Add(conflict);
                    }
                }
            }
        })));

        var history = await Store.GetHistoryAsync(record.RecordId);
        var current = await Store.GetCurrentAsync(record.RecordId);
        TestContext.Out.WriteLine($"{Writers} writers x {SavesEach} saves: {string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}"))}");
        Assert.Multiple(() =>
        {
            Assert.That(outcomes.Values.Sum(), Is.EqualTo(Writers * SavesEach), "every save ended as saved, merged or conflict");
            Assert.That(outcomes.ContainsKey(SaveOutcome.Unchanged), Is.False);
            Assert.That(outcomes.GetValueOrDefault(SaveOutcome.Merged), Is.GreaterThan(0), "the run made saves that had to be merged");
            Assert.That(history.Select(r => r.Number), Is.EqualTo(Enumerable.Range(1, committed.Count)), "one revision per committed save, none missing or doubled");
            Assert.That(refused.Select(c => c.Path), Is.All.StartsWith("shared."), "only answers several writers share can conflict");
        });

        // Replaying the committed changes from an empty record gives each revision's stored answers, and the latest.
        var replay = new JsonObject();
        foreach (var revision in history)
        {
            Assert.That(AnswersDiff.TryApply(replay, revision.Changes, out var misfit), Is.True, $"revision {revision.Number}: {misfit}");
            if (revision.Number % 25 == 0)
            {
                var stored = await Store.GetRevisionAsync(record.RecordId, revision.Number);
                Assert.That(JsonNode.DeepEquals(replay, stored.Answers), Is.True, $"replay differs at revision {revision.Number}");
            }
        }

        Assert.That(JsonNode.DeepEquals(replay, current.Answers), Is.True, "the final answers are the replay of the committed revisions");

        // Every committed save's own change is in the revision it was told of.
        var byNumber = history.ToDictionary(r => r.Number);
        foreach (var (revision, path, value) in committed)
        {
            Assert.That(byNumber[revision].Changes, Has.Some.EqualTo(new AnswerChange(path, byNumber[revision].Changes.FirstOrDefault(c => c.Path == path)?.OldJson, $"\"{value}\"")), $"revision {revision} holds {path} = {value}");
        }

        for (var w = 0; w < Writers; w++)
        {
            var last = committed.Where(c => c.Path == $"writer{w}.last").MaxBy(c => c.Revision);
            Assert.That(current.Answers[$"writer{w}"]?["last"]?.GetValue<string>(), Is.EqualTo(last.Value), $"writer {w}'s own answer is its last committed one");
        }
    }

    [Test]
    public async Task Many_cases_saved_in_parallel_keep_every_revision_of_each()
    {
        const int cases = 24;
        const int saves = 10;
        var records = await Task.WhenAll(Enumerable.Range(0, cases).Select(_ => NewRecordAsync()));
        await Task.WhenAll(records.Select(record => Task.Run(async () =>
        {
            for (var k = 0; k < saves; k++)
            {
                var answers = new JsonObject { ["child"] = new JsonObject { ["visits"] = k, ["case"] = record.CaseId } };
                var result = await Store.SaveAsync(new SaveRequest(record.RecordId, k, answers, "worker"));
                Assert.That(result.Outcome, Is.EqualTo(SaveOutcome.Saved));
            }
        })));

        foreach (var record in records)
        {
            var current = await Store.GetCurrentAsync(record.RecordId);
            Assert.That(current.Revision, Is.EqualTo(saves));
            Assert.That(current.Answers["child"]!["case"]!.GetValue<string>(), Is.EqualTo(record.CaseId));
            Assert.That(current.Answers["child"]!["visits"]!.GetValue<int>(), Is.EqualTo(saves - 1));
        }
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;
}
