using System.Text;
using FormEngine.Renderers;
using FormEngine.Views;
using UglyToad.PdfPig;

namespace FormEngine.Tests.Views;

/// <summary>
/// A case's chronology as one reader sees it: each record read through its own template, so what is withheld from a
/// parent in the record (a confidential answer, anything derived from it, a flag it raises) is left out of the
/// chronology too; and the HTML, PDF and text renderers lay out only what the view decided.
/// </summary>
public class ChronologyViewTests
{
    internal const string Template = """
        id: family_assessment
        title: Family assessment
        audiences: [practitioner, parent]
        sensitivity:
          third_party:
            label: third-party information
            audiences: [practitioner]
        choices:
          yes_no: [yes, no]
          outcomes:
            - { value: N1, label: Abuse or neglect }
            - { value: N4, label: Family in acute stress }
        sections:
          - id: child
            title: The child
            questions:
              - { id: name, type: text, label: Child's name, summary: true }
              - { id: dob, type: date, label: Date of birth, summary: true }
          - id: family
            title: Family
            questions:
              - { id: partner_record, type: choice, choices: yes_no, label: Does the partner have a police record?, sensitivity: third_party, summary: true }
              - { id: risk, type: calculated, label: Risk score, value: "if(family.partner_record = 'yes', 3, 0)", summary: true }
              - { id: outcome, type: choice, choices: outcomes, label: Outcome, summary: true }
              - id: members
                type: repeat
                label: Household members
                questions:
                  - { id: name, type: text, label: Name }
                  - { id: convictions, type: text, label: Convictions, sensitivity: third_party }
              - id: visits
                type: repeat
                label: Visits
                questions:
                  - { id: date, type: date, label: Date of visit }
        flags:
          - id: partner_risk
            when: "family.partner_record = 'yes'"
            message: Partner has a police record.
          - id: acute_stress
            when: "family.outcome = 'N4'"
            message: Family in acute stress.
        """;

    private static readonly DateTimeOffset Start = new(2026, 3, 3, 14, 5, 0, TimeSpan.Zero);

    private static readonly ChronologyEntry[] Entries =
    [
        new(Start, ChronologyEntryKind.RecordOpened, "r1", "assessment", 0, "sam.worker", Detail: "family_assessment"),
        new(Start.AddDays(1), ChronologyEntryKind.KeyFact, "r1", "assessment", 1, "sam.worker", "child.dob", null, "\"2017-03-02\""),
        new(Start.AddDays(1), ChronologyEntryKind.KeyFact, "r1", "assessment", 1, "sam.worker", "family.partner_record", null, "\"yes\""),
        new(Start.AddDays(1), ChronologyEntryKind.KeyFact, "r1", "assessment", 1, "sam.worker", "family.risk", null, "3"),
        new(Start.AddDays(1), ChronologyEntryKind.FlagRaised, "r1", "assessment", 1, "sam.worker", "$flags", Detail: "partner_risk"),
        new(Start.AddDays(2), ChronologyEntryKind.KeyFact, "r1", "assessment", 2, "sam.worker", "family.outcome", null, "\"N4\""),
        new(Start.AddDays(2), ChronologyEntryKind.FlagRaised, "r1", "assessment", 2, "sam.worker", "$flags", Detail: "acute_stress"),
        new(Start.AddDays(3), ChronologyEntryKind.SignedOff, "r1", "assessment", 2, "pat.manager", Detail: "team manager"),
        new(Start.AddDays(4), ChronologyEntryKind.Addendum, "r1", "assessment", 3, "sam.worker", Detail: "Police check returned", ChangedPaths: ["family.partner_record"]),
        new(Start.AddDays(5), ChronologyEntryKind.Addendum, "r1", "assessment", 4, "sam.worker", Detail: "Birth certificate seen", ChangedPaths: ["child.dob"]),
        new(Start.AddDays(5), ChronologyEntryKind.KeyFact, "r1", "assessment", 4, "sam.worker", "child.dob", "\"2017-03-02\"", "\"2017-03-12\""),
        new(Start.AddDays(6), ChronologyEntryKind.KeyFact, "r1", "assessment", 5, "sam.worker", "family.old_question", null, "\"kept\""),
    ];

    private static readonly FormTemplate Family = TestTemplates.Load(Template);

    private static ChronologyView Build(string? audience, string? language = null, Func<string, FormTemplate?>? templates = null) =>
        ChronologyViewBuilder.Build("CIN-42", Entries, templates ?? (_ => Family), new ChronologyViewOptions { Audience = audience, Language = language, Today = TestTemplates.Today });

    [Test]
    public void A_practitioner_sees_every_event_with_labels_and_values_as_people_read_them()
    {
        var rows = Build("practitioner").Rows;

        Assert.That(rows.Select(r => (r.When, r.Event, r.Details(Wording.For("en").Chronology), r.By)), Is.EqualTo(new[]
        {
            ("3 March 2026, 14:05", "Record opened", "Family assessment", "sam.worker"),
            ("4 March 2026, 14:05", "Recorded", "Date of birth: 2 March 2017", "sam.worker"),
            ("4 March 2026, 14:05", "Recorded", "Does the partner have a police record?: yes", "sam.worker"),
            ("4 March 2026, 14:05", "Recorded", "Risk score: 3", "sam.worker"),
            ("4 March 2026, 14:05", "Flag raised", "Partner has a police record.", "sam.worker"),
            ("5 March 2026, 14:05", "Recorded", "Outcome: Family in acute stress", "sam.worker"),
            ("5 March 2026, 14:05", "Flag raised", "Family in acute stress.", "sam.worker"),
            ("6 March 2026, 14:05", "Signed off", "as team manager", "pat.manager"),
            ("7 March 2026, 14:05", "Addendum after sign-off", "Police check returned", "sam.worker"),
            ("8 March 2026, 14:05", "Addendum after sign-off", "Birth certificate seen", "sam.worker"),
            ("8 March 2026, 14:05", "Changed", "Date of birth: 12 March 2017 (was 2 March 2017)", "sam.worker"),
            ("9 March 2026, 14:05", "Recorded", "family.old_question: kept", "sam.worker"),
        }));
        Assert.That(rows.Select(r => r.Record).Distinct(), Is.EqualTo(new[] { "Family assessment" }));
    }

    [Test]
    public void A_parent_is_told_nothing_that_depends_on_a_confidential_answer()
    {
        var parent = Build("parent");
        var practitioner = Build("practitioner");
        var details = string.Join("\n", parent.Rows.Select(r => r.Details(parent.Words.Chronology)));

        // The confidential answer itself, the score calculated from it, the flag it raises and the addendum that
        // changed it are all gone; so is an answer at a path the template no longer describes.
        Assert.That(details, Does.Not.Contain("police record").IgnoreCase);
        Assert.That(details, Does.Not.Contain("Risk score"));
        Assert.That(details, Does.Not.Contain("Police check"));
        Assert.That(details, Does.Not.Contain("kept"));
        Assert.That(parent.Rows.Select(r => r.Event), Has.Exactly(1).EqualTo("Addendum after sign-off"));
        Assert.That(details, Does.Contain("Date of birth: 12 March 2017 (was 2 March 2017)"));
        Assert.That(details, Does.Contain("Family in acute stress."));
        Assert.That(practitioner.Rows.Count - parent.Rows.Count, Is.EqualTo(5), "the withheld answer, the score, its flag, its addendum and the answer the template no longer describes");
    }

    [Test]
    public void A_whole_repeat_item_is_named_never_printed_and_is_not_told_to_a_reader_kept_from_any_of_its_fields()
    {
        ChronologyEntry[] entries =
        [
            new(Start, ChronologyEntryKind.KeyFact, "r1", "assessment", 1, "sam.worker", "family.members[0]", null, """{"name":"Jo","convictions":"CANARY-item"}"""),
            new(Start, ChronologyEntryKind.KeyFact, "r1", "assessment", 1, "sam.worker", "family.visits[0]", null, """{"date":"2026-03-01"}"""),
        ];
        ChronologyView For(string audience) =>
            ChronologyViewBuilder.Build("CIN-42", entries, _ => Family, new ChronologyViewOptions { Audience = audience, Today = TestTemplates.Today });

        var practitioner = For("practitioner");
        Assert.That(practitioner.Rows.Select(r => r.Details(practitioner.Words.Chronology)), Is.EqualTo(new[] { "Household members", "Visits" }));
        var parent = For("parent");
        Assert.That(parent.Rows.Select(r => r.Details(parent.Words.Chronology)), Is.EqualTo(new[] { "Visits" }), "an item holding a withheld field is not told of at all");
    }

    [Test]
    public void A_record_whose_template_is_unknown_or_not_written_for_the_reader_is_left_out_for_a_named_audience()
    {
        Assert.That(Build("parent", templates: _ => null).Rows, Is.Empty);
        Assert.That(Build("child").Rows, Is.Empty, "the template does not name the audience `child`");
        Assert.That(Build(null, templates: _ => null).Rows, Has.Count.EqualTo(Entries.Length), "without an audience, a reader with no template is told everything as stored");
    }

    [Test]
    public void Dates_are_written_in_the_time_zone_the_host_gives()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var view = ChronologyViewBuilder.Build("CIN-42", [Entries[0] with { At = new DateTimeOffset(2026, 7, 1, 23, 30, 0, TimeSpan.Zero) }], _ => Family,
            new ChronologyViewOptions { Audience = "parent", TimeZone = london, Today = TestTemplates.Today });
        Assert.That(view.Rows[0].When, Is.EqualTo("2 July 2026, 00:30"));
    }

    [Test]
    public void A_welsh_chronology_is_welsh_throughout()
    {
        var view = Build("parent", "cy");
        Assert.That(view.Rows[0].Event, Is.EqualTo("Cofnod wedi'i agor"));
        Assert.That(view.Rows[1].When, Does.StartWith("4 Mawrth 2026"));
        var text = Render("text", view);
        Assert.That(text, Does.StartWith("# Cronoleg\n"));
    }

    [TestCase("plain")]
    [TestCase("govuk")]
    public void The_html_chronology_is_a_table_with_a_header_row_and_one_row_per_event(string theme)
    {
        var view = Build("parent");
        var html = Render("html", view, new RenderOptions { Theme = theme, ProtectiveMarking = "OFFICIAL-SENSITIVE", Nonce = "n0nce" });

        Assert.That(html, Does.StartWith("<!DOCTYPE html>"));
        Assert.That(html, Does.Contain("<main"));
        Assert.That(Count(html, "<th scope=\"col\""), Is.EqualTo(5));
        Assert.That(Count(html, "<th scope=\"row\""), Is.EqualTo(view.Rows.Count));
        Assert.That(html, Does.Contain("Date of birth: 12 March 2017 (was 2 March 2017)"));
        Assert.That(html, Does.Not.Contain("police record").IgnoreCase);
        Assert.That(html, Does.Not.Contain(" style="), "no inline style attribute");
        Assert.That(html, Does.Contain("CIN-42"));
        Assert.That(html, Does.Contain("OFFICIAL-SENSITIVE"));
    }

    [Test]
    public void The_pdf_chronology_prints_every_event_tagged_as_a_table()
    {
        var view = Build("parent");
        var bytes = RenderBytes("pdf", view, new RenderOptions { ProtectiveMarking = "OFFICIAL-SENSITIVE" });

        using var pdf = PdfDocument.Open(bytes);
        var text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.That(text, Does.Contain("Chronology"));
        Assert.That(text, Does.Contain("Birth certificate seen"));
        Assert.That(text, Does.Contain("OFFICIAL-SENSITIVE"));
        Assert.That(text, Does.Not.Contain("police").IgnoreCase);
        var raw = Encoding.Latin1.GetString(bytes);
        Assert.That(raw, Does.Contain("/S /Table").Or.Contain("/S/Table"));
        Assert.That(RenderBytes("pdf", view, new RenderOptions { ProtectiveMarking = "OFFICIAL-SENSITIVE" }), Is.EqualTo(bytes), "the same chronology gives the same bytes");
    }

    [Test]
    public void Every_built_in_format_renders_a_chronology()
    {
        var renderers = FormRenderers.CreateDefault();
        Assert.That(renderers.Formats.Select(renderers.FindChronology), Is.All.Not.Null);
    }

    [Test]
    public void An_empty_chronology_says_so()
    {
        var view = ChronologyViewBuilder.Build("CIN-1", [], _ => Family, new ChronologyViewOptions { Today = TestTemplates.Today });
        Assert.That(Render("text", view), Does.Contain("Nothing has been recorded in this case yet."));
        Assert.That(Render("html", view, new RenderOptions()), Does.Contain("Nothing has been recorded in this case yet."));
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    private static string Render(string format, ChronologyView view, RenderOptions? options = null) =>
        Encoding.UTF8.GetString(RenderBytes(format, view, options ?? new RenderOptions()));

    private static byte[] RenderBytes(string format, ChronologyView view, RenderOptions options)
    {
        using var output = new MemoryStream();
        FormRenderers.CreateDefault().FindChronology(format)!.RenderChronology(view, options, output);
        return output.ToArray();
    }
}
