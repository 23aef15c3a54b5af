using System.Diagnostics;
using System.Text;
using FormEngine.Renderers;
using FormEngine.Renderers.Pdf;
using FormEngine.Templates;
using FormEngine.Views;
using UglyToad.PdfPig;
using static FormEngine.Tests.Renderers.Pdf.PdfTestHelpers;

namespace FormEngine.Tests.Renderers.Pdf;

public sealed class PdfRendererTests
{
    private const string Answers = """
        {
          "child": { "dob": "2023-06-14", "name": "Leo Price", "has_disability": "yes" },
          "disability": { "types": ["MOB", "COMM"], "communication_aids": "Makaton signs" },
          "household": { "members": [ { "name": "Sarah Price", "age": 31 }, { "name": "Mia Price", "age": 9, "school": "Ysgol Gymraeg" } ] }
        }
        """;

    private static readonly RenderOptions Marked = new()
    {
        CaseReference = "CIN-2026-04187",
        ProtectiveMarking = "OFFICIAL-SENSITIVE",
    };

    [Test]
    public void Describes_itself_as_pdf()
    {
        var renderer = new PdfRenderer();
        Assert.Multiple(() =>
        {
            Assert.That(renderer.Format, Is.EqualTo("pdf"));
            Assert.That(renderer.MediaType, Is.EqualTo("application/pdf"));
            Assert.That(renderer.FileExtension, Is.EqualTo(".pdf"));
        });
    }

    [Test]
    public void A_short_record_is_one_page_with_every_visible_answer()
    {
        var pdf = Render(View(Answers), Marked);
        var text = AllText(pdf);
        Assert.That(PageTexts(pdf), Has.Count.InRange(1, 2));
        Assert.That(text, Does.Contain("Leo Price")
            .And.Contain("14 June 2023")
            .And.Contain("Mobility, Communication")
            .And.Contain("Makaton signs")
            .And.Contain("Sarah Price")
            .And.Contain("Ysgol Gymraeg")
            .And.Contain("Household"));
    }

    [Test]
    public void Hidden_answers_are_absent_from_a_record_and_marked_not_applicable_in_an_audit()
    {
        const string answers = """
            { "child": { "dob": "2023-06-14", "has_disability": "no" },
              "disability": { "types": ["COMM"], "communication_aids": "ZEBRA-HIDDEN-ANSWER" } }
            """;
        var view = View(answers);
        var record = AllText(Render(view));
        var audit = Words(AllText(Render(view, new RenderOptions { Mode = OutputMode.Audit })));
        Assert.Multiple(() =>
        {
            Assert.That(record, Does.Not.Contain("ZEBRA-HIDDEN-ANSWER"));
            Assert.That(record, Does.Not.Contain("Disability"));
            Assert.That(audit, Does.Contain("ZEBRA-HIDDEN-ANSWER"));
            Assert.That(audit, Does.Contain("Disability (not applicable)"));
            Assert.That(audit, Does.Contain("Not applicable: `child.has_disability = 'yes'`"));
        });
    }

    [Test]
    public void Every_page_has_the_title_case_reference_marking_and_page_n_of_m()
    {
        var pdf = Render(Example(), Marked);
        var pages = PageTexts(pdf);
        Assert.That(pages, Has.Count.GreaterThan(2));
        for (var i = 0; i < pages.Count; i++)
        {
            var page = pages[i];
            Assert.Multiple(() =>
            {
                Assert.That(page, Does.Contain("Single assessment of a child in need"), $"page {i + 1}");
                Assert.That(page, Does.Contain("Case reference: CIN-2026-04187"), $"page {i + 1}");
                Assert.That(CountOf(page, "OFFICIAL-SENSITIVE"), Is.GreaterThanOrEqualTo(2), $"marking top and bottom of page {i + 1}");
                Assert.That(page, Does.Contain($"Page {i + 1} of {pages.Count}"), $"page {i + 1}");
            });
        }
    }

    [Test]
    public void Sets_title_subject_creator_language_and_dates()
    {
        var pdf = Render(Example(), Marked with { DocumentDate = new DateOnly(2026, 12, 1), Language = "cy-GB" });
        using var document = PdfDocument.Open(pdf);
        Assert.Multiple(() =>
        {
            Assert.That(document.Information.Title, Is.EqualTo("Single assessment of a child in need"));
            Assert.That(document.Information.Subject, Is.EqualTo("Record, 1 December 2026"));
            Assert.That(document.Information.Creator, Is.EqualTo("FormEngine"));
            Assert.That(document.Information.CreationDate, Does.StartWith("D:20261201"));
            Assert.That(document.Structure.Catalog.CatalogDictionary.ContainsKey(UglyToad.PdfPig.Tokens.NameToken.Create("Lang")), Is.True);
            Assert.That(document.Structure.Catalog.CatalogDictionary.ContainsKey(UglyToad.PdfPig.Tokens.NameToken.Create("StructTreeRoot")), Is.True, "tagged");
            Assert.That(Encoding.Latin1.GetString(pdf), Does.Contain("cy-GB"));
        });
    }

    [Test]
    public void A_very_long_answer_runs_over_many_pages_in_order_with_a_footer_on_each()
    {
        var sentences = Enumerable.Range(1, 1500).Select(i => $"Visit note {i} records what the family said.");
        var story = string.Join(' ', sentences);
        const string yaml = """
            id: long
            version: 1
            title: Long story
            sections:
              - id: s
                title: The story
                questions:
                  - { id: before, type: text, label: Before }
                  - { id: story, type: textarea, label: What happened }
                  - { id: after, type: text, label: After }
            """;
        var answers = new System.Text.Json.Nodes.JsonObject
        {
            ["s"] = new System.Text.Json.Nodes.JsonObject { ["before"] = "FIRST-ANSWER", ["story"] = story, ["after"] = "LAST-ANSWER" },
        };
        var pdf = Render(View(answers.ToJsonString(), yaml));
        var pages = PageTexts(pdf);
        Assert.That(pages, Has.Count.GreaterThanOrEqualTo(15));
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.That(pages[i], Does.Contain($"Page {i + 1} of {pages.Count}").And.Contain("Long story"));
        }

        // The running header and footer sit between the pages' text; take them out to read the story whole.
        var body = pages.Select((page, i) => page
            .Replace($"Page {i + 1} of {pages.Count}", " ", StringComparison.Ordinal)
            .Replace("Record, 26 November 2026", " ", StringComparison.Ordinal)
            .Replace("Long story", " ", StringComparison.Ordinal));
        var all = Words(string.Join(' ', body));

        var position = all.IndexOf("FIRST-ANSWER", StringComparison.Ordinal);
        Assert.That(position, Is.GreaterThanOrEqualTo(0));
        foreach (var sentence in sentences)
        {
            var next = all.IndexOf(sentence, position, StringComparison.Ordinal);
            Assert.That(next, Is.GreaterThan(position), $"`{sentence}` should follow what came before");
            position = next;
        }

        Assert.That(all.IndexOf("LAST-ANSWER", position, StringComparison.Ordinal), Is.GreaterThan(position));
    }

    [Test]
    public void A_word_longer_than_the_line_is_broken_not_lost()
    {
        var word = string.Concat(Enumerable.Repeat("abcdefghij", 40));
        var pdf = Render(View($$"""{ "child": { "name": "{{word}}" } }"""));
        Assert.That(AllText(pdf).Replace(" ", string.Empty, StringComparison.Ordinal), Does.Contain(word));
    }

    [Test]
    public void Welsh_letters_round_trip()
    {
        const string name = "Gŵyn Ŷr ŵyr ŷd âêîôû";
        var pdf = Render(View($$"""{ "child": { "name": "{{name}}" } }"""), new RenderOptions { Language = "cy-GB" });
        Assert.That(Words(AllText(pdf)), Does.Contain(name));
    }

    [Test]
    public void A_blank_form_has_routing_in_plain_english_and_every_choice()
    {
        var text = Words(AllText(Render(View(), new RenderOptions { Mode = OutputMode.Blank })));
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("Answer this section only if 'Does the child have a disability?' is 'yes'."));
            Assert.That(text, Does.Contain("Mobility").And.Contain("Communication"));
            Assert.That(text, Does.Contain("Tick all that apply."));
            Assert.That(text, Does.Contain("members 1").And.Contain("members 3"));
            Assert.That(text, Does.Not.Contain("Flags"));
        });
    }

    [Test]
    public void A_record_lists_flags_first_with_their_severity()
    {
        var text = Words(AllText(Render(View(Answers))));
        Assert.That(text, Does.Contain("Flags Urgent: Child under five with a disability: consider an early help referral."));
        Assert.That(text.IndexOf("Flags", StringComparison.Ordinal), Is.LessThan(text.IndexOf("About the child", StringComparison.Ordinal)));
    }

    [Test]
    public void Carried_forward_answers_are_marked()
    {
        var view = View("{}", previousJson: """{ "child": { "dob": "2023-06-14", "name": "Leo Price" } }""");
        Assert.That(Words(AllText(Render(view))), Does.Contain("Leo Price (carried forward from the previous assessment)"));
    }

    [Test]
    public void The_same_input_gives_the_same_bytes()
    {
        var first = Render(Example(), Marked);
        var second = Render(Example(), Marked);
        Assert.That(second, Is.EqualTo(first));
        Assert.That(Render(Example(), Marked with { CaseReference = "OTHER" }), Is.Not.EqualTo(first));
    }

    [Test]
    public void A_host_can_override_how_dates_render()
    {
        var renderer = new PdfRenderer();
        renderer.Elements.Override(new DateOverride());
        var text = AllText(Render(View(Answers), renderer: renderer));
        Assert.That(text, Does.Contain("DATE-OVERRIDE-2023-06-14"));
        Assert.That(text, Does.Not.Contain("14 June 2023"));
    }

    [Test]
    public void Qpdf_finds_no_errors()
    {
        var qpdf = SystemTools.Find("qpdf", "qpdf");

        var welsh = PdfLanguageAndAudienceTests.View("cy", "parent");
        var english = PdfLanguageAndAudienceTests.View("en", "parent");
        var documents = Enum.GetValues<OutputMode>().Select(mode => (Name: $"{mode}", Pdf: Render(Example(), Marked with { Mode = mode })))
            .Append(("welsh", Render(welsh, Marked)))
            .Append(("side-by-side", Render(welsh, Marked with { SecondLanguage = english })))
            .Append(("sequential", Render(welsh, Marked with { SecondLanguage = english, BilingualLayout = BilingualLayout.Sequential })));
        foreach (var (mode, pdf) in documents)
        {
            var path = Path.Combine(Path.GetTempPath(), $"formengine-qpdf-{mode}-{Environment.ProcessId}.pdf");
            File.WriteAllBytes(path, pdf);
            try
            {
                using var process = Process.Start(new ProcessStartInfo(qpdf!, ["--check", path]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
                var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
                process.WaitForExit();
                // 0 is clean; 3 would be warnings (PDFsharp's compressed page content gives one, so it is written uncompressed).
                Assert.That(process.ExitCode, Is.EqualTo(0), $"{mode}: {output}");
            }
            finally
            {
                File.Delete(path);
            }
        }
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private sealed class DateOverride : ElementRenderer<QuestionView, PdfRenderContext>
    {
        protected override bool Accepts(QuestionView element) => element.Type == QuestionType.Date;

        protected override void Write(QuestionView element, PdfRenderContext context) =>
            context.Paragraph($"{element.Label}: DATE-OVERRIDE-{element.InputValue}");
    }
}
