using FormEngine.Records.Tests.Support;
using static FormEngine.Records.Tests.Support.Json;

namespace FormEngine.Records.Tests.Contract;

/// <summary>The access log and the store's schema versions, against every provider.</summary>
[TestFixture(typeof(SqliteTarget))]
[TestFixture(typeof(PostgreSqlTarget))]
public sealed class AccessLogAndSchemaTests<TTarget> : StoreFixture<TTarget>
    where TTarget : StoreTarget, new()
{
    private static readonly AccessContext Parent = new("parent.portal:J.Jones", "parent", "subject access request");

    [Test]
    public async Task With_the_access_log_off_reads_are_not_logged()
    {
        var record = await NewRecordAsync();
        await Store.GetCurrentAsync(record.RecordId, Parent);
        await Store.LogAccessAsync(record.RecordId, 0, Parent);
        Assert.That(await Store.GetAccessLogAsync(record.CaseId), Is.Empty);
    }

    [Test]
    public async Task With_the_access_log_on_every_read_records_reader_audience_purpose_revision_and_time_but_no_answer()
    {
        await using var logged = await Target.OpenAsync(Location, new RecordStoreOptions { Clock = Clock, LogAccess = true });
        var record = await logged.CreateRecordAsync(new NewRecord($"CIN-{Guid.NewGuid():N}", "assessment", Assessment, "sam.worker"));
        await logged.SaveAsync(new SaveRequest(record.RecordId, 0, Obj("""{"child":{"name":"Alex"}}"""), "sam.worker"));
        Clock.Advance(TimeSpan.FromMinutes(5));
        await logged.GetCurrentAsync(record.RecordId, Parent);
        Clock.Advance(TimeSpan.FromMinutes(5));
        await logged.GetAsAtAsync(record.RecordId, Clock.Now, new AccessContext("sam.worker", "practitioner", "render"));
        await logged.LogAccessAsync(record.RecordId, 1, new AccessContext("court.bundle", "court", "export"));
        await logged.GetHistoryAsync(record.RecordId, new AccessContext("iro.reviewer", "practitioner", "audit view"));
        await logged.GetChangesAsync(record.RecordId, 0, 1, new AccessContext("iro.reviewer", "practitioner", "what changed"));

        var log = await logged.GetAccessLogAsync(record.CaseId);
        Assert.Multiple(() =>
        {
            Assert.That(log, Has.Count.EqualTo(5));
            Assert.That(log[0], Is.EqualTo(new AccessEntry(record.CaseId, record.RecordId, 1, new DateTimeOffset(2026, 3, 1, 9, 5, 0, TimeSpan.Zero), "parent.portal:J.Jones", "parent", "subject access request")));
            Assert.That(log.Select(e => e.Purpose), Is.EqualTo(new[] { "subject access request", "render", "export", "audit view", "what changed" }));
            Assert.That(typeof(AccessEntry).GetProperties().Select(p => p.Name), Is.EquivalentTo(new[] { "CaseId", "RecordId", "Revision", "At", "Reader", "Audience", "Purpose" }), "an access entry has no place for an answer");
        });
        var stored = await Target.SqlAsync(Location, $"SELECT COUNT(*) FROM fe_access WHERE reader LIKE '%Alex%' OR audience LIKE '%Alex%' OR purpose LIKE '%Alex%'");
        Assert.That(Convert.ToInt32(stored), Is.Zero);
    }

    [Test]
    public async Task With_the_access_log_on_a_read_of_answers_or_history_that_does_not_say_who_reads_is_refused()
    {
        await using var logged = await Target.OpenAsync(Location, new RecordStoreOptions { LogAccess = true });
        var record = await logged.CreateRecordAsync(new NewRecord($"CIN-{Guid.NewGuid():N}", "assessment", Assessment, "sam.worker"));
        var ex = Assert.ThrowsAsync<RecordStoreException>(() => logged.GetCurrentAsync(record.RecordId));
        Assert.That(ex!.Message, Does.Contain("AccessContext"));
        Assert.ThrowsAsync<RecordStoreException>(() => logged.GetHistoryAsync(record.RecordId));
        Assert.ThrowsAsync<RecordStoreException>(() => logged.GetChronologyAsync(record.CaseId, new ChronologyOptions()));
    }

    [Test]
    public async Task An_older_store_is_upgraded_in_place_keeping_its_records()
    {
        var location = await Target.NewLocationAsync();
        string recordId;
        await using (var old = await Target.OpenAtVersionAsync(location, 1))
        {
            var record = await old.CreateRecordAsync(new NewRecord("CIN-1", "assessment", Assessment, "a"));
            await old.SaveAsync(new SaveRequest(record.RecordId, 0, Obj("""{"child":{"name":"Alex"}}"""), "a"));
            recordId = record.RecordId;
        }

        Assert.That(Convert.ToInt32(await Target.SqlAsync(location, "SELECT version FROM fe_schema")), Is.EqualTo(1));
        await using var upgraded = await Target.OpenAsync(location, new RecordStoreOptions { LogAccess = true });
        var current = await upgraded.GetCurrentAsync(recordId, Parent);
        Assert.Multiple(async () =>
        {
            Assert.That(Convert.ToInt32(await Target.SqlAsync(location, "SELECT version FROM fe_schema")), Is.EqualTo(2));
            Assert.That(current.Answers["child"]!["name"]!.GetValue<string>(), Is.EqualTo("Alex"));
            Assert.That(await upgraded.GetAccessLogAsync("CIN-1"), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task A_store_from_a_newer_version_is_refused_with_a_clear_error_and_left_unchanged()
    {
        var location = await Target.NewLocationAsync();
        await (await Target.OpenAsync(location)).DisposeAsync();
        await Target.SqlAsync(location, "UPDATE fe_schema SET version = 99");

        var ex = Assert.ThrowsAsync<RecordStoreException>(() => Target.OpenAsync(location));
        Assert.Multiple(async () =>
        {
            Assert.That(ex!.Error, Is.EqualTo(RecordStoreError.NewerSchema));
            Assert.That(ex.Message, Does.Contain("version 99").And.Contain("Upgrade FormEngine.Records"));
            Assert.That(Convert.ToInt32(await Target.SqlAsync(location, "SELECT version FROM fe_schema")), Is.EqualTo(99));
        });
    }
}
