using FormEngine.Views;
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

    private const string Template = """
        id: single_assessment
        title: Single assessment
        audiences: [practitioner, parent]
        sensitivity:
          third_party: { label: third-party information, audiences: [practitioner] }
        sections:
          - id: child
            title: The child
            questions:
              - { id: dob, type: date, label: Date of birth, summary: true }
              - { id: name, type: text, label: Name }
              - { id: partner_record, type: text, label: Partner's police record, sensitivity: third_party, summary: true }
        """;

    [Test]
    public async Task The_chronology_view_reads_each_record_through_its_template_key_facts_from_summary_questions_withheld_answers_left_out()
    {
        var template = FormTemplate.LoadFromText(Template).Template!;
        var record = await NewRecordAsync();
        Clock.Advance(TimeSpan.FromDays(1));
        await Store.SaveAsync(new SaveRequest(record.RecordId, 0, Obj("""{"child":{"dob":"2017-03-02","name":"Alex","partner_record":"Assault 2019"}}"""), "sam.worker"));

        FormTemplate? Templates(TemplateRef reference) => reference.Id == template.Id ? template : null;
        var practitioner = await Store.GetChronologyViewAsync(record.CaseId, Templates, new ChronologyViewOptions { Audience = "practitioner", Today = new DateOnly(2026, 11, 30) });
        var parent = await Store.GetChronologyViewAsync(record.CaseId, Templates, new ChronologyViewOptions { Audience = "parent", Today = new DateOnly(2026, 11, 30) });

        var words = practitioner.Words.Chronology;
        Assert.That(practitioner.Rows.Select(r => r.Details(words)), Is.EqualTo(new[] { "Single assessment", "Date of birth: 2 March 2017", "Partner's police record: Assault 2019" }),
            "the name is not a summary question, so not a key fact");
        Assert.That(parent.Rows.Select(r => r.Details(words)), Is.EqualTo(new[] { "Single assessment", "Date of birth: 2 March 2017" }));
    }

    [Test]
    public async Task The_previous_record_is_the_latest_earlier_one_of_the_same_kind_signed_off_if_any_was()
    {
        var caseId = $"CIN-{Guid.NewGuid():N}";
        var signed = await NewRecordAsync(caseId);
        await Store.SaveAsync(new SaveRequest(signed.RecordId, 0, Obj("""{"child":{"name":"Alex"}}"""), "sam.worker"));
        await Store.SignOffAsync(signed.RecordId, "pat.manager", "team manager");
        Clock.Advance(TimeSpan.FromDays(30));
        var draft = await NewRecordAsync(caseId);
        await Store.SaveAsync(new SaveRequest(draft.RecordId, 0, Obj("""{"child":{"name":"Abandoned draft"}}"""), "sam.worker"));
        var plan = await NewRecordAsync(caseId, "plan");
        await Store.SaveAsync(new SaveRequest(plan.RecordId, 0, Obj("""{"goal":"school"}"""), "sam.worker"));
        Clock.Advance(TimeSpan.FromDays(30));
        var current = await NewRecordAsync(caseId);

        var previous = await Store.GetPreviousAnswersAsync(current.RecordId);
        Assert.That(previous?.RecordId, Is.EqualTo(signed.RecordId));
        Assert.That(previous!.Answers.ToJsonString(), Is.EqualTo("""{"child":{"name":"Alex"}}"""));
        Assert.That((await Store.GetPreviousAnswersAsync(signed.RecordId)), Is.Null, "the first record of its kind follows none");
        Assert.That((await Store.GetPreviousAnswersAsync(draft.RecordId))?.RecordId, Is.EqualTo(signed.RecordId));
    }

    [Test]
    public async Task A_records_status_lists_its_sign_offs_and_each_addendum_with_the_answers_it_changed()
    {
        var record = await NewRecordAsync();
        Assert.That((await Store.GetRecordStatusAsync(record.RecordId)).SignOffs, Is.Empty);
        await Store.SaveAsync(new SaveRequest(record.RecordId, 0, Obj("""{"child":{"dob":"2017-03-02"}}"""), "sam.worker"));
        Clock.Advance(TimeSpan.FromDays(1));
        await Store.SignOffAsync(record.RecordId, "pat.manager", "team manager");
        Clock.Advance(TimeSpan.FromDays(1));
        await Store.SaveAsync(new SaveRequest(record.RecordId, 1, Obj("""{"child":{"dob":"2017-03-12"}}"""), "sam.worker", AddendumReason: "Birth certificate seen"));

        var status = await Store.GetRecordStatusAsync(record.RecordId);
        Assert.That(status.SignOffs.Select(s => (s.By, s.Role)), Is.EqualTo(new[] { ("pat.manager", "team manager") }));
        Assert.That(status.Addenda.Select(a => (a.By, a.Reason, string.Join("|", a.ChangedPaths))), Is.EqualTo(new[] { ("sam.worker", "Birth certificate seen", "child.dob") }));
        Assert.That(status.Addenda[0].At, Is.GreaterThan(status.SignOffs[0].At));
    }
}
