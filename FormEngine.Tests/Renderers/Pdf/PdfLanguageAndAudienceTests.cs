using System.Text;
using FormEngine.Renderers;
using FormEngine.Views;
using UglyToad.PdfPig;
using static FormEngine.Tests.Renderers.Pdf.PdfTestHelpers;

namespace FormEngine.Tests.Renderers.Pdf;

/// <summary>Welsh and bilingual documents, the case summary, and answers withheld from an audience.</summary>
public sealed class PdfLanguageAndAudienceTests
{
    private const string Secret = "ZQX-SECRET-7731";

    private const string Template = """
        id: bilingual_assessment
        version: 1
        title: { en: Single assessment, cy: Asesiad sengl }
        languages: [en, cy]
        audiences: [practitioner, child, parent]
        sensitivity:
          third_party:
            label: { en: third-party information, cy: gwybodaeth trydydd parti }
            audiences: [practitioner]
        choices:
          yes_no:
            - { value: yes, label: { en: 'Yes', cy: 'Ydy' } }
            - { value: no, label: { en: 'No', cy: 'Nac ydy' } }
        sections:
          - id: child
            title: { en: About the child, cy: Am y plentyn }
            questions:
              - { id: name, type: text, required: true, summary: true, carry_forward: true, label: { en: Name, cy: Enw } }
              - { id: dob, type: date, summary: true, carry_forward: true, label: { en: Date of birth, cy: Dyddiad geni } }
              - { id: has_disability, type: choice, choices: yes_no, summary: true, label: { en: 'Does the child have a disability?', cy: 'Oes gan y plentyn anabledd?' } }
              - { id: school, type: text, show_if: "child.has_disability = 'yes'", label: { en: School, cy: Ysgol } }
              - { id: neighbour, type: textarea, sensitivity: third_party, summary: true, label: { en: What the neighbour said, cy: Beth ddywedodd y cymydog } }
          - id: referrer
            title: { en: About the referrer, cy: Am yr atgyfeiriwr }
            sensitivity: third_party
            questions:
              - { id: referrer_name, type: text, label: { en: Referrer name, cy: Enw'r atgyfeiriwr } }
        flags:
          - id: disabled
            when: child.has_disability = 'yes'
            message: { en: 'Child has a disability: consider a carers assessment.', cy: 'Mae gan y plentyn anabledd: ystyriwch asesiad gofalwyr.' }
            severity: concern
        """;

    private const string Current = $$"""
        { "child": { "dob": "2023-06-14", "has_disability": "yes", "school": "Ysgol Gymraeg", "neighbour": "{{Secret}}" },
          "referrer": { "referrer_name": "{{Secret}}" } }
        """;

    private const string Previous = """{ "child": { "name": "Leo Price", "dob": "2023-06-14", "has_disability": "no" } }""";

    internal static FormView View(string language = "en", string? audience = null, string answers = Current, string? previous = Previous) =>
        FormViewBuilder.Build(TestTemplates.Open(answers, Template, previous), new ViewOptions { Language = language, Audience = audience });

    [Test]
    public void A_welsh_view_writes_formengines_own_words_in_welsh()
    {
        var record = PageTexts(Render(View("cy", answers: """{ "child": { "dob": "2023-06-14" } }""", previous: null)));
        var text = Words(string.Join(' ', record));
        var blank = Words(AllText(Render(View("cy", previous: null), new RenderOptions { Mode = OutputMode.Blank, CaseReference = "CIN-1" })));
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("Heb ei ateb"));
            Assert.That(record[0], Does.Contain($"Tudalen 1 o {record.Count}"));
            Assert.That(text, Does.Contain("14 Mehefin 2023"));
            Assert.That(text, Does.Contain("Cofnod, 26 Tachwedd 2026"));
            Assert.That(text, Does.Contain("Crynodeb o'r achos").And.Contain("Ffeithiau allweddol").And.Contain("Dim baneri wedi'u codi."));
            Assert.That(text, Does.Contain("Am y plentyn").And.Contain("Dyddiad geni"));
            Assert.That(text, Does.Not.Contain("Not answered").And.Not.Contain("Page ").And.Not.Contain("November").And.Not.Contain("June"));
            Assert.That(blank, Does.Contain("Ffurflen wag").And.Contain("Cyfeirnod yr achos: CIN-1"));
            Assert.That(blank, Does.Contain("Enw (gofynnol)").And.Contain("Ticiwch un.").And.Contain("Atebwch y cwestiwn hwn dim ond os"));
            Assert.That(blank, Does.Not.Contain("Tick one").And.Not.Contain("(required)").And.Not.Contain("Answer this"));
        });
    }

    [Test]
    public void A_record_opens_with_the_case_summary_and_starts_the_detail_on_page_two()
    {
        var pdf = Render(View(), new RenderOptions { CaseReference = "CIN-2026-04187" });
        var pages = PageTexts(pdf).Select(Words).ToList();
        var summary = pages[0];
        // Carried forward and changed answers are rows of a table: label and answer side by side, each a cell.
        var rows = PdfStructure.Read(pdf).Descendants().Where(e => e.Type == "TR").Select(r => string.Join(" | ", r.Children.Select(c => c.Text))).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(summary, Does.Contain("Case summary").And.Contain("Key facts"));
            Assert.That(summary, Does.Contain("Name Leo Price").And.Contain("Date of birth 14 June 2023"));
            Assert.That(summary, Does.Contain("Flags Concern: Child has a disability: consider a carers assessment."));
            Assert.That(summary, Does.Contain("Carried forward from the previous assessment").And.Contain("Name Leo Price (not yet confirmed)"));
            Assert.That(summary, Does.Contain("Changed since the previous assessment"));
            Assert.That(rows, Does.Contain("Name | Leo Price (not yet confirmed)").And.Contain("Does the child have a disability? | Yes (was No)"));
            Assert.That(summary, Does.Not.Contain("About the child"));
            Assert.That(pages, Has.Count.GreaterThanOrEqualTo(2));
            Assert.That(pages[1], Does.Contain("About the child").And.Contain("Ysgol Gymraeg"));
        });

        var unchanged = Words(PageTexts(Render(View(answers: Previous)))[0]);
        Assert.That(unchanged, Does.Contain("No answers changed since the previous assessment.").And.Contain("No flags raised."));
        var audit = PageTexts(Render(View(), new RenderOptions { Mode = OutputMode.Audit }));
        Assert.That(audit[0], Does.Contain("Case summary").And.Not.Contain("About the child"));
    }

    [Test]
    public void A_form_to_complete_has_no_summary_page()
    {
        var pages = PageTexts(Render(View(), new RenderOptions { Mode = OutputMode.Form }));
        Assert.That(pages[0], Does.Not.Contain("Case summary").And.Contain("About the child"));
    }

    [Test]
    public void An_answer_withheld_from_the_reader_is_nowhere_in_the_file([Values] OutputMode mode, [Values("en", "cy")] string language)
    {
        var parent = View(language, "parent");
        var second = View(language == "en" ? "cy" : "en", "parent");
        var options = new RenderOptions { Mode = mode, CaseReference = "CIN-1", ProtectiveMarking = "OFFICIAL-SENSITIVE" };
        var placeholder = language == "en" ? "Information withheld: third-party information" : "Gwybodaeth wedi'i hatal: gwybodaeth trydydd parti";
        foreach (var (name, pdf) in new[]
        {
            ("one language", Render(parent, options)),
            ("side by side", Render(parent, options with { SecondLanguage = second })),
            ("sequential", Render(parent, options with { SecondLanguage = second, BilingualLayout = BilingualLayout.Sequential })),
        })
        {
            var pages = PageTexts(pdf);
            using var document = PdfDocument.Open(pdf);
            var info = document.Information;
            var xmp = document.TryGetXmpMetadata(out var metadata) ? Encoding.UTF8.GetString(metadata.GetXmlBytes().ToArray()) : string.Empty;
            Assert.Multiple(() =>
            {
                for (var i = 0; i < pages.Count; i++)
                {
                    Assert.That(pages[i].Replace(" ", string.Empty, StringComparison.Ordinal), Does.Not.Contain(Secret), $"{name}, page {i + 1}");
                }

                Assert.That($"{info.Title}|{info.Subject}|{info.Keywords}|{info.Author}|{xmp}", Does.Not.Contain(Secret), $"{name}: metadata");
                Assert.That(Encoding.Latin1.GetString(pdf), Does.Not.Contain(Secret), $"{name}: raw bytes");
                // Side by side, a placeholder that wraps in one column interleaves with the other column's line.
                var shown = name == "side by side" ? string.Join(' ', placeholder.Split(' ')[..3]) : placeholder;
                Assert.That(Words(string.Join(' ', pages)), Does.Contain(shown), $"{name}: placeholder");
            });
        }
    }

    [Test]
    public void The_practitioner_sees_the_answer_the_parent_may_not()
    {
        foreach (var mode in new[] { OutputMode.Record, OutputMode.Audit, OutputMode.Form })
        {
            var text = AllText(Render(View(audience: "practitioner"), new RenderOptions { Mode = mode }));
            Assert.That(text, Does.Contain(Secret), $"{mode}");
            Assert.That(text, Does.Not.Contain("Information withheld"), $"{mode}");
        }

        var blank = Words(AllText(Render(View(audience: "parent"), new RenderOptions { Mode = OutputMode.Blank })));
        Assert.That(blank, Does.Contain("What the neighbour said Information withheld: third-party information"), "no answer space, the placeholder instead");
        Assert.That(blank, Does.Contain("About the referrer Information withheld: third-party information"), "a withheld section: one placeholder");
    }

    [Test]
    public void Sequential_bilingual_puts_the_second_language_after_the_first_from_a_new_page()
    {
        var pdf = Render(View("cy"), new RenderOptions { SecondLanguage = View("en"), BilingualLayout = BilingualLayout.Sequential, CaseReference = "CIN-1" });
        var pages = PageTexts(pdf).Select(Words).ToList();
        var english = pages.FindIndex(p => p.Contains("Case summary", StringComparison.Ordinal));
        Assert.That(english, Is.GreaterThan(0), "the English part follows the Welsh");
        Assert.Multiple(() =>
        {
            for (var i = 0; i < pages.Count; i++)
            {
                var welshPart = i < english;
                Assert.That(pages[i], Does.Contain(welshPart ? $"Tudalen {i + 1} o {pages.Count}" : $"Page {i + 1} of {pages.Count}"), $"page {i + 1}");
                Assert.That(pages[i], Does.Contain(welshPart ? "Cyfeirnod yr achos: CIN-1" : "Case reference: CIN-1"), $"page {i + 1}");
                Assert.That(pages[i], Does.Not.Contain(welshPart ? "About the child" : "Am y plentyn"), $"page {i + 1}");
            }

            Assert.That(pages[english], Does.Contain("Single assessment").And.Contain("Case summary"));
            Assert.That(string.Join(' ', pages[..english]), Does.Contain("Am y plentyn").And.Contain("Ydy (roedd yn Nac ydy)"));
            Assert.That(string.Join(' ', pages[english..]), Does.Contain("About the child").And.Contain("Yes (was No)"));
        });
    }

    [Test]
    public void Side_by_side_bilingual_puts_both_languages_on_every_page()
    {
        var pdf = Render(View("cy"), new RenderOptions { SecondLanguage = View("en"), CaseReference = "CIN-1" });
        var pages = PageTexts(pdf).Select(Words).ToList();
        var detail = pages.FindIndex(p => p.Contains("Am y plentyn", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(pages[0], Does.Contain("Crynodeb o'r achos").And.Contain("Case summary"));
            Assert.That(pages[0], Does.Contain("Tudalen 1 o").And.Contain("Page 1 of"));
            Assert.That(detail, Is.GreaterThan(0), "the detail after the summary page");
            Assert.That(pages[detail], Does.Contain("About the child").And.Contain("Dyddiad geni").And.Contain("Date of birth"));
            Assert.That(pages[detail], Does.Contain("14 Mehefin 2023").And.Contain("14 June 2023"));
        });

        // The English text is tagged as English inside the Welsh document.
        var raw = Encoding.Latin1.GetString(pdf);
        Assert.That(raw, Does.Contain("/Lang(cy)").Or.Contain("/Lang (cy)"));
        Assert.That(raw, Does.Contain("/Lang(en-GB)").Or.Contain("/Lang (en-GB)"));
    }

    [Test]
    public void Bilingual_documents_are_deterministic()
    {
        var options = new RenderOptions { SecondLanguage = View("en") };
        Assert.That(Render(View("cy"), options), Is.EqualTo(Render(View("cy"), options)));
    }
}
