using System.Text;
using System.Xml.Linq;
using FormEngine.Renderers;
using FormEngine.Renderers.Html;

namespace FormEngine.Tests.Renderers.Html;

/// <summary>Welsh views, the case summary, answers withheld from an audience, and bilingual documents.</summary>
public class HtmlLanguageTests
{
    private const string Placeholder = "Information withheld: third-party information";
    private const string WelshPlaceholder = "Gwybodaeth wedi'i hatal: gwybodaeth trydydd parti";

    private static readonly string[] Themes = ["plain", "govuk"];

    private static IEnumerable<TestCaseData> EveryThemeAndMode() =>
        from theme in Themes from mode in Enum.GetValues<OutputMode>() select new TestCaseData(theme, mode);

    private static IEnumerable<TestCaseData> EveryThemeModeAndLayout() =>
        from theme in Themes
        from mode in Enum.GetValues<OutputMode>()
        from layout in Enum.GetValues<BilingualLayout>()
        select new TestCaseData(theme, mode, layout);

    private static string Bilingual(OutputMode mode, string theme, BilingualLayout layout, string? audience = null) =>
        HtmlTestForms.Render(HtmlTestForms.BilingualView("cy", audience), new RenderOptions
        {
            Mode = mode,
            Theme = theme,
            CaseReference = "CIN-7",
            SecondLanguage = HtmlTestForms.BilingualView("en", audience),
            BilingualLayout = layout,
        });

    [TestCaseSource(nameof(EveryThemeAndMode))]
    public void A_welsh_view_is_welsh_throughout(string theme, OutputMode mode)
    {
        var view = HtmlTestForms.BilingualView("cy", answers: """{ "child": { "disabled": "yes" } }""");
        var html = HtmlTestForms.Render(view, new RenderOptions { Mode = mode, Theme = theme, CaseReference = "CIN-7", ShowErrors = true });
        var document = HtmlTestForms.Parse(html);
        HtmlTestForms.AssertAccessible(document);
        Assert.That(document.Root!.Attr("lang"), Is.EqualTo("cy"));
        var text = document.All("title").Single().Value + document.All("body").Single().Value;
        Assert.That(text, Does.Contain("26 Tachwedd 2026"), "the document date in Welsh");
        Assert.That(text, Does.Contain("Cyfeirnod yr achos"));
        string[] english = ["Not answered", "(required)", "Save and continue", "There is a problem", "Case summary", "Key facts", "Flags",
            "Not applicable", "Record", "Blank form", "Audit record", "Document", "Date", "Day", "Month", "Year", "carried forward", "Answer this",
            "Error", "Concern", "Worked out", "None recorded", "November", "March"];
        Assert.That(english.Where(word => text.Contains(word, StringComparison.Ordinal)), Is.Empty, "no fixed English words");
        switch (mode)
        {
            case OutputMode.Record or OutputMode.Audit:
                Assert.That(text, Does.Contain("Heb ei ateb").And.Contain("2 Mawrth 2019").And.Contain("Crynodeb o'r achos"));
                break;
            case OutputMode.Form:
                var empty = FormEngine.Views.FormViewBuilder.Build(TestTemplates.Open("{}", HtmlTestForms.Bilingual), new FormEngine.Views.ViewOptions { Language = "cy" });
                var form = HtmlTestForms.Parse(HtmlTestForms.Render(empty, new RenderOptions { Mode = mode, Theme = theme, ShowErrors = true }));
                HtmlTestForms.AssertAccessible(form);
                text = form.All("body").Single().Value;
                Assert.That(text, Does.Contain("Mae problem").And.Contain("Atebwch y cwestiwn hwn.").And.Contain(theme == "plain" ? "(gofynnol)" : "(dewisol)"));
                // The save button, and its copy first in the form that Enter in a field presses.
                Assert.That(document.All("button").Select(b => b.Value), Is.EqualTo(new[] { "Cadw a pharhau", "Cadw a pharhau" }));
                break;
            case OutputMode.Blank:
                Assert.That(text, Does.Contain("Diwrnod").And.Contain("Blwyddyn"));
                break;
        }
    }

    [TestCase("plain")]
    [TestCase("govuk")]
    public void A_record_opens_with_the_case_summary(string theme)
    {
        foreach (var mode in new[] { OutputMode.Record, OutputMode.Audit })
        {
            var document = HtmlTestForms.Parse(HtmlTestForms.Render(HtmlTestForms.BilingualView(), new RenderOptions { Mode = mode, Theme = theme }));
            HtmlTestForms.AssertAccessible(document);
            var summary = document.Descendants().Single(e => e.Attr("id") == "summary");
            var firstSection = document.Descendants().First(e => e.Attr("id") == "f-child");
            Assert.That(summary.IsBefore(firstSection), Is.True, "the summary comes before the detail");
            Assert.That(summary.ElementsBeforeSelf().Any(e => e.Name.LocalName == "section"), Is.False, "nothing comes before the summary");
            Assert.That(summary.Descendants("h2").First().Value, Is.EqualTo("Case summary"));
            var text = summary.Value;
            Assert.That(text, Does.Contain("Key facts").And.Contain("Lives with").And.Contain("Missed school 12 days this term."));
            Assert.That(summary.Descendants("dt").Select(d => d.Value).Take(3), Is.EqualTo(new[] { "Name", "Date of birth", "Lives with" }), "key facts in template order");
            Assert.That(text, Does.Contain("Flags").And.Contain("Child has a disability: check the short breaks offer."));
            Assert.That(text, Does.Contain("Carried forward from the previous assessment").And.Contain("Leo Jones").And.Contain("not yet confirmed"));
            Assert.That(text, Does.Contain("Changed since the previous assessment").And.Contain("Mum and Nan").And.Contain("(was Mum)"));
        }
    }

    [Test]
    public void The_summary_says_when_nothing_changed_and_when_no_flags_are_raised()
    {
        var view = FormEngine.Views.FormViewBuilder.Build(TestTemplates.Open(HtmlTestForms.BilingualPrevious, HtmlTestForms.Bilingual, HtmlTestForms.BilingualPrevious));
        var text = HtmlTestForms.Parse(HtmlTestForms.Render(view, new RenderOptions())).All("section").First().Value;
        Assert.That(text, Does.Contain("No answers changed since the previous assessment.").And.Contain("No flags raised."));
    }

    [TestCase("plain")]
    [TestCase("govuk")]
    public void Forms_and_blank_forms_have_no_case_summary(string theme)
    {
        foreach (var mode in new[] { OutputMode.Form, OutputMode.Blank })
        {
            var body = HtmlTestForms.Parse(HtmlTestForms.Render(HtmlTestForms.BilingualView(), new RenderOptions { Mode = mode, Theme = theme })).All("body").Single().Value;
            Assert.That(body, Does.Not.Contain("Case summary").And.Not.Contain("Key facts"));
        }
    }

    [TestCaseSource(nameof(EveryThemeAndMode))]
    public void Withheld_answers_never_reach_the_page_only_the_placeholder_does(string theme, OutputMode mode)
    {
        var parent = HtmlTestForms.Render(HtmlTestForms.BilingualView("en", "parent"), new RenderOptions { Mode = mode, Theme = theme });
        var bytes = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(parent));
        Assert.That(bytes, Does.Not.Contain(HtmlTestForms.Secret).And.Not.Contain("ZQX"));
        var document = HtmlTestForms.Parse(parent);
        HtmlTestForms.AssertAccessible(document);
        Assert.That(document.Root!.Value, Does.Contain(Placeholder));
        if (mode == OutputMode.Form)
        {
            var names = document.All("input").Concat(document.All("textarea")).Select(i => i.Attr("name")).ToList();
            Assert.That(names, Has.None.StartsWith("concerns.neighbour").And.None.StartsWith("police."), "no field for a withheld question");
            Assert.That(names, Does.Contain("concerns.worries"));
            Assert.That(document.All("a").Select(a => a.Attr("href")), Has.None.EqualTo("#f-police-report"), "no error link to a withheld question");
        }

        var practitioner = HtmlTestForms.Render(HtmlTestForms.BilingualView("en", "practitioner"), new RenderOptions { Mode = mode, Theme = theme });
        if (mode != OutputMode.Blank)
        {
            Assert.That(practitioner, Does.Contain(HtmlTestForms.Secret));
        }

        Assert.That(practitioner, Does.Not.Contain(Placeholder));
    }

    [TestCaseSource(nameof(EveryThemeModeAndLayout))]
    public void Withheld_answers_stay_withheld_in_both_languages(string theme, OutputMode mode, BilingualLayout layout)
    {
        var html = Bilingual(mode, theme, layout, "parent");
        Assert.That(html, Does.Not.Contain("ZQX"));
        var text = HtmlTestForms.Parse(html).Root!.Value;
        Assert.That(text, Does.Contain(WelshPlaceholder));
        if (mode != OutputMode.Form)
        {
            Assert.That(text, Does.Contain(Placeholder));
        }
    }

    [TestCaseSource(nameof(EveryThemeModeAndLayout))]
    public void A_bilingual_document_has_both_languages_each_tagged(string theme, OutputMode mode, BilingualLayout layout)
    {
        var document = HtmlTestForms.Parse(Bilingual(mode, theme, layout));
        HtmlTestForms.AssertAccessible(document);
        Assert.That(document.Root!.Attr("lang"), Is.EqualTo("cy"), "the main language is the document's");
        var h1 = document.All("h1").Single();
        Assert.That(h1.Value, Does.StartWith("Asesiad plentyn a theulu"));
        var text = document.Root!.Value;
        if (mode == OutputMode.Form)
        {
            // Forms are filled in one language: the main one.
            Assert.That(text, Does.Contain("Am y plentyn").And.Not.Contain("About the child"));
            return;
        }

        Assert.That(h1.Descendants("span").Single(s => s.Attr("lang") is not null).Attr("lang"), Is.EqualTo("en-GB"));
        Assert.That(h1.Value, Does.Contain("Child and family assessment"));

        Assert.That(text, Does.Contain("Am y plentyn").And.Contain("About the child"));
        Assert.That(text, Does.Contain("Dyddiad geni").And.Contain("Date of birth"));
        Assert.That(text.IndexOf("Am y plentyn", StringComparison.Ordinal), Is.LessThan(text.IndexOf("About the child", StringComparison.Ordinal)), "the main language first");
        if (mode != OutputMode.Blank)
        {
            Assert.That(text, Does.Contain("2 Mawrth 2019").And.Contain("2 March 2019"));
        }

        // Everything in English sits inside an element tagged en-GB.
        foreach (var english in document.Descendants().Where(e => e.Nodes().OfType<XText>().Any(t => t.Value.Contains("About the child", StringComparison.Ordinal) || t.Value.Contains("Date of birth", StringComparison.Ordinal))))
        {
            Assert.That(english.AncestorsAndSelf().Select(e => e.Attr("lang")).OfType<string>().First(), Is.EqualTo("en-GB"), english.ToString());
        }

        foreach (var welsh in document.Descendants().Where(e => e.Nodes().OfType<XText>().Any(t => t.Value.Contains("Dyddiad geni", StringComparison.Ordinal))))
        {
            Assert.That(welsh.AncestorsAndSelf().Select(e => e.Attr("lang")).OfType<string>().First(), Is.EqualTo("cy"), welsh.ToString());
        }

        if (layout == BilingualLayout.Sequential)
        {
            var parts = document.All("main").Single().Descendants("section").Where(p => p.Attr("lang") is not null).ToList();
            Assert.That(parts.Select(p => p.Attr("lang")), Is.EqualTo(new[] { "cy", "en-GB" }));
            Assert.That(parts.Select(p => p.Elements("h2").First().Value), Is.EqualTo(new[] { "Cymraeg", "English" }));
            Assert.That(parts[1].Value, Does.Not.Contain("Am y plentyn"));
        }
        else
        {
            // Each question is a pair: Welsh, then English, side by side.
            var sides = document.Descendants().Where(e => e.Attr("lang") is not null && e != document.Root && e.Parent!.Elements().Count(s => s.Attr("lang") is not null) == 2).ToList();
            Assert.That(sides, Is.Not.Empty);
            foreach (var pair in sides.Select(s => s.Parent!).Distinct())
            {
                Assert.That(pair.Elements().Where(s => s.Attr("lang") is not null).Select(s => s.Attr("lang")), Is.EqualTo(new[] { "cy", "en-GB" }));
            }

            var section = document.Descendants().Single(e => e.Attr("id") == "f-child-title");
            Assert.That(section.Value, Does.StartWith("Am y plentyn").And.EndWith("About the child"), "one heading names the section in both languages");
        }
    }
}
