using FormEngine.Records.Tests.Support;
using static FormEngine.Records.Tests.Support.Json;

namespace FormEngine.Records.Tests.Contract;

/// <summary>What every records store does, run against SQLite and PostgreSQL alike.</summary>
[TestFixture(typeof(SqliteTarget))]
[TestFixture(typeof(PostgreSqlTarget))]
public sealed class RecordStoreContractTests<TTarget> : StoreFixture<TTarget>
    where TTarget : StoreTarget, new()
{
    [Test]
    public async Task A_new_record_is_at_revision_zero_with_empty_answers()
    {
        var record = await NewRecordAsync();
        var current = await Store.GetCurrentAsync(record.RecordId);
        Assert.Multiple(() =>
        {
            Assert.That(record.LatestRevision, Is.Zero);
            Assert.That(current.Revision, Is.Zero);
            Assert.That(current.Answers, Is.Empty);
            Assert.That(current.Template, Is.EqualTo(Assessment));
        });
    }

    [Test]
    public async Task A_save_appends_a_revision_with_author_time_template_and_each_changed_path()
    {
        var record = await NewRecordAsync();
        await Store.SaveAsync(new SaveRequest(record.RecordId, 0, Obj("""{"child":{"dob":"2017-03-02","name":"Alex"}}"""), "sam.worker"));
        Clock.Advance(TimeSpan.FromHours(2));
        var second = await Store.SaveAsync(new SaveRequest(record.RecordId, 1, Obj("""{"child":{"dob":"2017-03-02","name":"Alex Jones"},"household":{"members":[{"name":"Jo","age":34}]}}"""), "kim.duty"));

        Assert.That(second.Outcome, Is.EqualTo(SaveOutcome.Saved));
        var history = await Store.GetHistoryAsync(record.RecordId);
        Assert.That(history, Has.Count.EqualTo(2));
        var last = history[1];
        Assert.Multiple(() =>
        {
            Assert.That(last.Number, Is.EqualTo(2));
            Assert.That(last.Author, Is.EqualTo("kim.duty"));
            Assert.That(last.At, Is.EqualTo(new DateTimeOffset(2026, 3, 1, 11, 0, 0, TimeSpan.Zero)));
            Assert.That(last.Template, Is.EqualTo(Assessment));
            Assert.That(last.Merged, Is.False);
            Assert.That(last.Changes, Is.EqualTo(new[]
            {
                new AnswerChange("child.name", "\"Alex\"", "\"Alex Jones\""),
                new AnswerChange("household.members", null, """[{"name":"Jo","age":34}]"""),
            }));
            Assert.That(history[0].Changes.Select(c => c.Path), Is.EqualTo(new[] { "child.dob", "child.name" }));
        });
    }

    [Test]
    public async Task Current_answers_are_those_of_the_latest_revision_and_earlier_ones_stay_readable()
    {
        var record = await NewRecordAsync();
        await Store.SaveAsync(new SaveRequest(record.RecordId, 0, Obj("""{"child":{"name":"Alex"}}"""), "sam.worker"));
        await Store.SaveAsync(new SaveRequest(record.RecordId, 1, Obj("""{"child":{"name":"Alex Jones"}}"""), "sam.worker"));

        var current = await Store.GetCurrentAsync(record.RecordId);
        var first = await Store.GetRevisionAsync(record.RecordId, 1);
        Assert.Multiple(() =>
        {
            Assert.That(current.Revision, Is.EqualTo(2));
            Assert.That(Same(current.Answers, Obj("""{"child":{"name":"Alex Jones"}}""")), Is.True);
            Assert.That(Same(first.Answers, Obj("""{"child":{"name":"Alex"}}""")), Is.True);
        });
    }

    [Test]
    public async Task The_record_as_at_a_date_is_the_last_revision_saved_by_then()
    {
        var record = await NewRecordAsync();
        await Store.SaveAsync(new SaveRequest(record.RecordId, 0, Obj("""{"child":{"name":"Alex"}}"""), "sam.worker"));
        Clock.Now = new DateTimeOffset(2026, 3, 5, 9, 0, 0, TimeSpan.Zero);
        await Store.SaveAsync(new SaveRequest(record.RecordId, 1, Obj("""{"child":{"name":"Alex Jones"}}"""), "sam.worker"));

        var before = await Store.GetAsAtAsync(record.RecordId, new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero));
        var onThird = await Store.GetAsAtAsync(record.RecordId, new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero));
        var onFifth = await Store.GetAsAtAsync(record.RecordId, new DateTimeOffset(2026, 3, 5, 9, 0, 0, TimeSpan.Zero));
        Assert.Multiple(() =>
        {
            Assert.That(before.Revision, Is.Zero);
            Assert.That(before.Answers, Is.Empty);
            Assert.That(onThird.Revision, Is.EqualTo(1));
            Assert.That(onThird.Answers["child"]!["name"]!.GetValue<string>(), Is.EqualTo("Alex"));
            Assert.That(onFifth.Revision, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Changes_between_two_revisions_list_each_path_with_its_value_at_each()
    {
        var record = await NewRecordAsync();
        var r1 = Obj("""{"child":{"name":"Alex","dob":"2017-03-02"},"household":{"members":[{"name":"Jo","age":34}]}}""");
        await Store.SaveAsync(new SaveRequest(record.RecordId, 0, r1, "sam.worker"));
        await Store.SaveAsync(new SaveRequest(record.RecordId, 1, Obj("""{"child":{"name":"Alex","dob":"2017-03-02"},"household":{"members":[{"name":"Jo","age":35}]}}"""), "sam.worker"));
        await Store.SaveAsync(new SaveRequest(record.RecordId, 2, Obj("""{"child":{"name":"Alex"},"household":{"members":[{"name":"Jo","age":35},{"name":"Sam"}]},"$template":{"version":"3"}}"""), "sam.worker"));

        var changes = await Store.GetChangesAsync(record.RecordId, 1, 3);
        Assert.That(changes, Is.EqualTo(new[]
        {
            new AnswerChange("child.dob", "\"2017-03-02\"", null),
            new AnswerChange("household.members[0].age", "34", "35"),
            new AnswerChange("household.members[1]", null, """{"name":"Sam"}"""),
            new AnswerChange("$template.version", null, "\"3\""),
        }));
    }

    [Test]
    public async Task A_save_after_others_saved_other_answers_is_merged_keeping_both_and_recorded_as_merged()
    {
        var record = await NewRecordAsync();
        await Store.SaveAsync(new SaveRequest(record.RecordId, 0, Obj("""{"child":{"name":"Alex","dob":"2017-03-02"}}"""), "sam.worker"));
        await Store.SaveAsync(new SaveRequest(record.RecordId, 1, Obj("""{"child":{"name":"Alex Jones","dob":"2017-03-02"}}"""), "kim.duty"));

        var late = await Store.SaveAsync(new SaveRequest(record.RecordId, 1, Obj("""{"child":{"name":"Alex","dob":"2017-03-12"},"health":{"gp":"Dr Rees"}}"""), "sam.worker"));

        var current = await Store.GetCurrentAsync(record.RecordId);
        Assert.Multiple(() =>
        {
            Assert.That(late.Outcome, Is.EqualTo(SaveOutcome.Merged));
            Assert.That(late.Revision!.Merged, Is.True);
            Assert.That(late.Revision.BasedOn, Is.EqualTo(1));
            Assert.That(late.Revision.Changes.Select(c => c.Path), Is.EqualTo(new[] { "child.dob", "health.gp" }));
            Assert.That(Same(current.Answers, Obj("""{"child":{"name":"Alex Jones","dob":"2017-03-12"},"health":{"gp":"Dr Rees"}}""")), Is.True);
        });
    }

    [Test]
    public async Task A_save_changing_an_answer_others_changed_since_is_refused_naming_the_path_its_value_now_and_the_value_being_saved()
    {
        var record = await NewRecordAsync();
        await Store.SaveAsync(new SaveRequest(record.RecordId, 0, Obj("""{"child":{"name":"Alex","dob":"2017-03-02"}}"""), "sam.worker"));
        await Store.SaveAsync(new SaveRequest(record.RecordId, 1, Obj("""{"child":{"name":"Alex Jones","dob":"2017-03-02"}}"""), "kim.duty"));

        var late = await Store.SaveAsync(new SaveRequest(record.RecordId, 1, Obj("""{"child":{"name":"Alexander","dob":"2017-03-12"}}"""), "sam.worker"));

        var current = await Store.GetCurrentAsync(record.RecordId);
        Assert.Multiple(() =>
        {
            Assert.That(late.Outcome, Is.EqualTo(SaveOutcome.Conflict));
            Assert.That(late.Succeeded, Is.False);
            Assert.That(late.Conflicts, Is.EqualTo(new[] { new SaveConflict("child.name", "\"Alex Jones\"", "\"Alexander\"") }));
            Assert.That(late.LatestRevision, Is.EqualTo(2));
            Assert.That(current.Revision, Is.EqualTo(2), "nothing of the refused save is written, not even its other changes");
            Assert.That(current.Answers["child"]!["dob"]!.GetValue<string>(), Is.EqualTo("2017-03-02"));
        });
    }

    [Test]
    public async Task Editing_different_repeat_items_merges_but_adding_an_item_where_another_was_added_conflicts()
    {
        var record = await NewRecordAsync();
        await Store.SaveAsync(new SaveRequest(record.RecordId, 0, Obj("""{"household":{"members":[{"name":"Jo"},{"name":"Sam"}]}}"""), "a"));
        await Store.SaveAsync(new SaveRequest(record.RecordId, 1, Obj("""{"household":{"members":[{"name":"Jo","age":34},{"name":"Sam"}]}}"""), "b"));
        var otherItem = await Store.SaveAsync(new SaveRequest(record.RecordId, 1, Obj("""{"household":{"members":[{"name":"Jo"},{"name":"Sam","age":9}]}}"""), "c"));
        await Store.SaveAsync(new SaveRequest(record.RecordId, 3, Obj("""{"household":{"members":[{"name":"Jo","age":34},{"name":"Sam","age":9},{"name":"Lee"}]}}"""), "d"));
        var sameNewItem = await Store.SaveAsync(new SaveRequest(record.RecordId, 3, Obj("""{"household":{"members":[{"name":"Jo","age":34},{"name":"Sam","age":9},{"name":"Max"}]}}"""), "e"));

        Assert.Multiple(() =>
        {
            Assert.That(otherItem.Outcome, Is.EqualTo(SaveOutcome.Merged));
            Assert.That(sameNewItem.Outcome, Is.EqualTo(SaveOutcome.Conflict));
            Assert.That(sameNewItem.Conflicts.Single().Path, Is.EqualTo("household.members[2]"));
        });
    }

    [Test]
    public async Task Saving_the_answers_already_there_writes_no_revision()
    {
        var record = await NewRecordAsync();
        await Store.SaveAsync(new SaveRequest(record.RecordId, 0, Obj("""{"child":{"name":"Alex"}}"""), "a"));
        var again = await Store.SaveAsync(new SaveRequest(record.RecordId, 1, Obj("""{"child":{"name":"Alex"},"empty":{}}"""), "a"));
        Assert.That(again.Outcome, Is.EqualTo(SaveOutcome.Unchanged));
        Assert.That((await Store.GetHistoryAsync(record.RecordId)), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_new_template_version_is_recorded_on_the_revision_and_the_record()
    {
        var record = await NewRecordAsync();
        await Store.SaveAsync(new SaveRequest(record.RecordId, 0, Obj("""{"child":{"name":"Alex"}}"""), "a"));
        var v4 = Assessment with { Version = "4", Hash = "sha256:9a0b" };
        var saved = await Store.SaveAsync(new SaveRequest(record.RecordId, 1, Obj("""{"child":{"name":"Alex"}}"""), "a", v4));
        Assert.Multiple(async () =>
        {
            Assert.That(saved.Outcome, Is.EqualTo(SaveOutcome.Saved));
            Assert.That(saved.Revision!.Changes, Is.Empty);
            Assert.That((await Store.GetRecordAsync(record.RecordId)).Template, Is.EqualTo(v4));
            Assert.That((await Store.GetRevisionAsync(record.RecordId, 1)).Template, Is.EqualTo(Assessment));
        });
    }

    [Test]
    public async Task A_signed_off_record_takes_changes_only_as_addenda_with_a_reason()
    {
        var record = await NewRecordAsync();
        await Store.SaveAsync(new SaveRequest(record.RecordId, 0, Obj("""{"child":{"name":"Alex"}}"""), "sam.worker"));
        Clock.Advance(TimeSpan.FromDays(1));
        var signOff = await Store.SignOffAsync(record.RecordId, "pat.manager", "team manager");

        var refused = Assert.ThrowsAsync<RecordStoreException>(() => Store.SaveAsync(new SaveRequest(record.RecordId, 1, Obj("""{"child":{"name":"Alex Jones"}}"""), "sam.worker")));
        var addendum = await Store.SaveAsync(new SaveRequest(record.RecordId, 1, Obj("""{"child":{"name":"Alex Jones"}}"""), "sam.worker", AddendumReason: "Surname confirmed by school"));

        var info = await Store.GetRecordAsync(record.RecordId);
        var history = await Store.GetHistoryAsync(record.RecordId);
        Assert.Multiple(() =>
        {
            Assert.That(refused!.Error, Is.EqualTo(RecordStoreError.Locked));
            Assert.That(refused.Message, Does.Contain("pat.manager").And.Contain("AddendumReason"));
            Assert.That(signOff, Is.EqualTo(new SignOff(1, new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), "pat.manager", "team manager")));
            Assert.That(info.IsLocked, Is.True);
            Assert.That(info.SignOffs, Is.EqualTo(new[] { signOff }));
            Assert.That(addendum.Outcome, Is.EqualTo(SaveOutcome.Saved));
            Assert.That(history[1].IsAddendum, Is.True);
            Assert.That(history[1].AddendumReason, Is.EqualTo("Surname confirmed by school"));
            Assert.That(history[0].IsAddendum, Is.False);
        });
    }

    [Test]
    public async Task A_record_with_nothing_saved_cannot_be_signed_off()
    {
        var record = await NewRecordAsync();
        var ex = Assert.ThrowsAsync<RecordStoreException>(() => Store.SignOffAsync(record.RecordId, "pat.manager", "team manager"));
        Assert.That(ex!.Error, Is.EqualTo(RecordStoreError.InvalidRequest));
    }

    [Test]
    public async Task A_save_from_a_revision_the_record_does_not_have_is_refused()
    {
        var record = await NewRecordAsync();
        var ex = Assert.ThrowsAsync<RecordStoreException>(() => Store.SaveAsync(new SaveRequest(record.RecordId, 5, Obj("{}"), "a")));
        Assert.That(ex!.Message, Does.Contain("no revision 5"));
    }

    [Test]
    public void An_unknown_record_is_not_found_with_its_id_in_the_message()
    {
        var ex = Assert.ThrowsAsync<RecordStoreException>(() => Store.GetCurrentAsync("no-such-record"));
        Assert.That(ex!.Error, Is.EqualTo(RecordStoreError.NotFound));
        Assert.That(ex.Message, Does.Contain("no-such-record"));
    }

    [Test]
    public async Task A_case_lists_its_records_oldest_first()
    {
        var caseId = $"CIN-{Guid.NewGuid():N}";
        var first = await NewRecordAsync(caseId, "assessment");
        Clock.Advance(TimeSpan.FromDays(10));
        var second = await NewRecordAsync(caseId, "plan");
        await NewRecordAsync();
        var records = await Store.GetCaseRecordsAsync(caseId);
        Assert.That(records.Select(r => (r.RecordId, r.Kind)), Is.EqualTo(new[] { (first.RecordId, "assessment"), (second.RecordId, "plan") }));
    }

    [Test]
    public async Task Every_case_with_a_record_is_listed_once_in_ordinal_order()
    {
        var b = $"CIN-b-{Guid.NewGuid():N}";
        var a = $"CIN-a-{Guid.NewGuid():N}";
        await NewRecordAsync(b, "assessment");
        await NewRecordAsync(b, "plan");
        await NewRecordAsync(a, "assessment");
        var cases = (await Store.GetCaseIdsAsync()).ToList();
        Assert.That(cases, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(cases.Count(c => c == b), Is.EqualTo(1));
        Assert.That(cases.IndexOf(a), Is.LessThan(cases.IndexOf(b)));
    }

    [Test]
    public async Task Making_the_same_record_twice_at_once_makes_it_once_and_refuses_the_other_clearly()
    {
        var id = $"rec-{Guid.NewGuid():N}";
        var attempts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            try
            {
                await Store.CreateRecordAsync(new NewRecord("CIN-1", "assessment", Assessment, "a", id));
                return (RecordStoreError?)null;
            }
            catch (RecordStoreException ex)
            {
                return ex.Error;
            }
        })));
        Assert.That(attempts.Count(a => a is null), Is.EqualTo(1));
        Assert.That(attempts.Where(a => a is not null), Is.All.EqualTo(RecordStoreError.InvalidRequest));
    }

    [Test]
    public async Task Answers_survive_closing_and_reopening_the_store()
    {
        var record = await NewRecordAsync();
        await Store.SaveAsync(new SaveRequest(record.RecordId, 0, Obj("""{"child":{"name":"Siân Ŵyn"}}"""), "a"));
        await Store.DisposeAsync();
        await using var reopened = await Target.OpenAsync(Location);
        var current = await reopened.GetCurrentAsync(record.RecordId);
        Assert.That(current.Answers["child"]!["name"]!.GetValue<string>(), Is.EqualTo("Siân Ŵyn"));
    }
}
