using FormEngine.Records.Tests.Support;
using static FormEngine.Records.Tests.Support.Json;

namespace FormEngine.Records.Tests.Contract;

/// <summary>A case's chronology, built from the store, against every provider.</summary>
[TestFixture(typeof(SqliteTarget))]
[TestFixture(typeof(PostgreSqlTarget))]
public sealed class ChronologyTests<TTarget> : StoreFixture<TTarget>
    where TTarget : StoreTarget, new()
{
    private static readonly ChronologyOptions Options = new() { KeyFacts = ["child.dob", "outcome"], FlagsPath = "$flags" };

    [Test]
    public async Task The_chronology_lists_records_opened_key_facts_flags_sign_offs_and_addenda_across_the_case_in_date_order()
    {
        var caseId = $"CIN-{Guid.NewGuid():N}";
        var assessment = await NewRecordAsync(caseId, "assessment");
        Clock.Advance(TimeSpan.FromDays(1));
        await Store.SaveAsync(new SaveRequest(assessment.RecordId, 0, Obj("""{"child":{"dob":"2017-03-02","name":"Alex"},"$flags":["under_five_with_disability"]}"""), "sam.worker"));
        Clock.Advance(TimeSpan.FromDays(1));
        var plan = await NewRecordAsync(caseId, "plan");
        Clock.Advance(TimeSpan.FromDays(1));
        await Store.SaveAsync(new SaveRequest(assessment.RecordId, 1, Obj("""{"child":{"dob":"2017-03-02","name":"Alex Jones"},"outcome":"N1","$flags":["school_absence"]}"""), "sam.worker"));
        Clock.Advance(TimeSpan.FromDays(1));
        await Store.SignOffAsync(assessment.RecordId, "pat.manager", "team manager");
        Clock.Advance(TimeSpan.FromDays(1));
        await Store.SaveAsync(new SaveRequest(assessment.RecordId, 2, Obj("""{"child":{"dob":"2017-03-12","name":"Alex Jones"},"outcome":"N1","$flags":["school_absence"]}"""), "sam.worker", AddendumReason: "Birth certificate seen"));

        var chronology = await Store.GetChronologyAsync(caseId, Options);

        Assert.That(chronology.Select(e => (e.At.Day, e.Kind, e.RecordId == plan.RecordId ? "plan" : "assessment", e.Path, e.NewJson, e.Detail)), Is.EqualTo(new (int, ChronologyEntryKind, string, string?, string?, string?)[]
        {
            (1, ChronologyEntryKind.RecordOpened, "assessment", null, null, "single_assessment"),
            (2, ChronologyEntryKind.KeyFact, "assessment", "child.dob", "\"2017-03-02\"", null),
            (2, ChronologyEntryKind.FlagRaised, "assessment", "$flags", null, "under_five_with_disability"),
            (3, ChronologyEntryKind.RecordOpened, "plan", null, null, "single_assessment"),
            (4, ChronologyEntryKind.FlagRaised, "assessment", "$flags", null, "school_absence"),
            (4, ChronologyEntryKind.FlagCleared, "assessment", "$flags", null, "under_five_with_disability"),
            (4, ChronologyEntryKind.KeyFact, "assessment", "outcome", "\"N1\"", null),
            (5, ChronologyEntryKind.SignedOff, "assessment", null, null, "team manager"),
            (6, ChronologyEntryKind.Addendum, "assessment", null, null, "Birth certificate seen"),
            (6, ChronologyEntryKind.KeyFact, "assessment", "child.dob", "\"2017-03-12\"", null),
        }));
    }

    [Test]
    public async Task Changes_to_answers_that_are_not_key_facts_stay_out_of_the_chronology()
    {
        var record = await NewRecordAsync();
        await Store.SaveAsync(new SaveRequest(record.RecordId, 0, Obj("""{"child":{"name":"Alex","notes":"long text"}}"""), "sam.worker"));
        var chronology = await Store.GetChronologyAsync(record.CaseId, Options);
        Assert.That(chronology.Select(e => e.Kind), Is.EqualTo(new[] { ChronologyEntryKind.RecordOpened }));
    }
}
