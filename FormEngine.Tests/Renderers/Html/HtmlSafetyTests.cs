using System.Text.Json.Nodes;
using System.Xml.Linq;
using FormEngine.Renderers;
using FormEngine.Renderers.Html;
using FormEngine.Views;

namespace FormEngine.Tests.Renderers.Html;

/// <summary>Nothing anyone typed becomes markup, and a host's templates cannot hang or silently break a rendering.</summary>
public class HtmlSafetyTests
{
    private const string Payload = "<script>alert(1)</script>\"onmouseover=\"x";

    // Every kind of element carries the payload: title, section title and hint, labels, hints, choice labels
    // and hints, a validation message, a flag message, a note, repeat item values and answers of every type.
    private static readonly string HostileTemplate = $$"""
        id: hostile
        version: 1
        title: '{{Payload}}'
        choices:
          opts:
            - { value: a, label: '{{Payload}}', hint: '{{Payload}}' }
        sections:
          - id: s
            title: '{{Payload}}'
            hint: '{{Payload}}'
            questions:
              - id: t
                type: text
                label: '{{Payload}}'
                hint: '{{Payload}}'
                validate:
                  - rule: len(s.t) < 3
                    message: '{{Payload}}'
              - { id: c, type: choice, choices: opts, label: '{{Payload}}' }
              - { id: m, type: multichoice, choices: opts, label: '{{Payload}}' }
              - { id: n, type: note, label: '{{Payload}}', hint: '{{Payload}}' }
              - { id: d, type: date, label: '{{Payload}}' }
              - { id: num, type: number, label: '{{Payload}}' }
              - { id: ta, type: textarea, label: '{{Payload}}' }
              - { id: b, type: boolean, label: '{{Payload}}' }
              - { id: calc, type: calculated, label: '{{Payload}}', value: s.t }
              - id: r
                type: repeat
                label: '{{Payload}}'
                questions:
                  - { id: v, type: text, label: '{{Payload}}' }
        flags:
          - { id: f, when: answered(s.t), message: '{{Payload}}', severity: urgent }
        """;

    private static FormView HostileView()
    {
        var answers = new JsonObject
        {
            ["s"] = new JsonObject
            {
                ["t"] = Payload,
                ["ta"] = Payload,
                ["d"] = Payload,
                ["num"] = Payload,
                ["c"] = "a",
                ["m"] = new JsonArray("a"),
                ["b"] = true,
                ["r"] = new JsonArray(new JsonObject { ["v"] = Payload }),
            },
        };
        return HtmlTestForms.View(answers.ToJsonString(), HostileTemplate);
    }

    private static IEnumerable<TestCaseData> EveryThemeAndMode() =>
        from theme in new[] { "plain", "govuk" } from mode in Enum.GetValues<OutputMode>() select new TestCaseData(theme, mode);

    [TestCaseSource(nameof(EveryThemeAndMode))]
    public void What_people_typed_comes_out_as_text_never_markup(string theme, OutputMode mode)
    {
        var html = HtmlTestForms.Render(HostileView(), new RenderOptions { Mode = mode, Theme = theme, CaseReference = Payload, ProtectiveMarking = Payload, FormAction = Payload, ShowErrors = true });
        var document = HtmlTestForms.Parse(html);
        Assert.That(document.Descendants("script"), Is.Empty);
        Assert.That(document.Descendants().SelectMany(e => e.Attributes()).Select(a => a.Name.LocalName), Has.None.EqualTo("onmouseover"));

        // The payload survives as text: in the title, headings, labels, hints, answers, messages and attributes.
        string Texts(string name) => string.Join("|", document.Descendants(name).Select(e => e.Value));
        Assert.That(Texts("h1"), Does.Contain(Payload), "title");
        Assert.That(Texts("title"), Does.Contain(Payload), "document title and case reference");
        Assert.That(Texts("h2"), Does.Contain(Payload), "section title");
        Assert.That(Texts("h3"), Does.Contain(Payload), "repeat group label");
        var text = document.Root!.Value;
        var occurrences = text.Split(Payload).Length - 1;
        var kinds = mode switch
        {
            OutputMode.Form => 10,
            _ => 8,
        };
        Assert.That(occurrences, Is.GreaterThanOrEqualTo(kinds), "labels, hints, answers, notes, flags and messages keep the text");
        if (mode == OutputMode.Form)
        {
            var values = document.Descendants("input").Select(i => i.Attr("value")).ToList();
            Assert.That(values, Does.Contain(Payload), "an answer in an attribute value");
            Assert.That(document.Descendants("form").Single().Attr("action"), Is.EqualTo(Payload));
            Assert.That(document.Descendants("textarea").Single().Value, Is.EqualTo(Payload));
            Assert.That(text, Does.Contain("Error: " + Payload).Or.Contain("Error: " + Payload.Replace("\"", "\"")), "error message");
        }

        if (mode is OutputMode.Record or OutputMode.Audit or OutputMode.Form)
        {
            Assert.That(text, Does.Contain("Urgent " + Payload), "flag message");
        }

        if (mode != OutputMode.Blank)
        {
            Assert.That(text.Split(Payload).Length - 1, Is.GreaterThan(occurrences - 1));
        }
    }

    // Texts in both languages, a key fact, a change since the previous assessment, and a sensitivity label
    // (which the withheld placeholder quotes) all carry the payload.
    private static readonly string HostileBilingual = $$"""
        id: hostile_bilingual
        version: 1
        title: { en: 'en{{Payload}}', cy: 'cy{{Payload}}' }
        languages: [en, cy]
        audiences: [practitioner, parent]
        sensitivity:
          secret: { label: { en: 'en{{Payload}}', cy: 'cy{{Payload}}' }, audiences: [practitioner] }
        sections:
          - id: s
            title: { en: 'en{{Payload}}', cy: 'cy{{Payload}}' }
            hint: { en: 'en{{Payload}}', cy: 'cy{{Payload}}' }
            questions:
              - { id: t, type: text, label: { en: 'en{{Payload}}', cy: 'cy{{Payload}}' }, summary: true, carry_forward: true }
              - { id: w, type: text, label: { en: 'en{{Payload}}', cy: 'cy{{Payload}}' }, sensitivity: secret, summary: true }
        flags:
          - { id: f, when: answered(s.t), message: { en: 'en{{Payload}}', cy: 'cy{{Payload}}' }, severity: urgent }
        """;

    private static IEnumerable<TestCaseData> EveryThemeModeAndLayout() =>
        from theme in new[] { "plain", "govuk" }
        from mode in Enum.GetValues<OutputMode>()
        from layout in Enum.GetValues<BilingualLayout>()
        select new TestCaseData(theme, mode, layout);

    [TestCaseSource(nameof(EveryThemeModeAndLayout))]
    public void Summaries_placeholders_and_second_language_texts_come_out_as_text(string theme, OutputMode mode, BilingualLayout layout)
    {
        var answers = new JsonObject { ["s"] = new JsonObject { ["t"] = Payload, ["w"] = Payload } }.ToJsonString();
        var previous = new JsonObject { ["s"] = new JsonObject { ["t"] = "old" + Payload } }.ToJsonString();
        foreach (var audience in new[] { "practitioner", "parent" })
        {
            FormView View(string language) =>
                FormViewBuilder.Build(TestTemplates.Open(answers, HostileBilingual, previous), new ViewOptions { Language = language, Audience = audience });

            var html = HtmlTestForms.Render(View("cy"), new RenderOptions { Mode = mode, Theme = theme, SecondLanguage = View("en"), BilingualLayout = layout });
            var document = HtmlTestForms.Parse(html);
            Assert.That(document.Descendants("script"), Is.Empty);
            Assert.That(document.Descendants().SelectMany(e => e.Attributes()).Select(a => a.Name.LocalName), Has.None.EqualTo("onmouseover"));
            var text = document.Root!.Value;
            Assert.That(text, Does.Contain("cy" + Payload), "Welsh texts");
            if (mode != OutputMode.Form)
            {
                Assert.That(text, Does.Contain("en" + Payload), "English texts");
            }

            if (audience == "parent")
            {
                Assert.That(text, Does.Contain("Gwybodaeth wedi'i hatal: cy" + Payload), "the placeholder quotes the sensitivity label as text");
            }

            if (mode is OutputMode.Record or OutputMode.Audit)
            {
                var summary = document.Descendants().Single(e => e.Attr("id") == "summary").Value;
                Assert.That(summary, Does.Contain(Payload).And.Contain("old" + Payload), "key facts and changes");
            }
        }
    }

    [Test]
    public void Html_escape_and_capture_in_a_host_template_do_not_encode_twice()
    {
        var folder = TempFolder();
        File.WriteAllText(Path.Combine(folder, "question-text.sbn"),
            """<p class="escaped">{{ html.escape label }}</p>{{ capture copy }}<b>{{ label }}</b>{{ end }}<p class="captured">{{ copy }}</p>""");
        var view = HtmlTestForms.View("{}", TestTemplates.Assessment.Replace("label: Name", "label: 'Name & <b>'", StringComparison.Ordinal));
        var html = HtmlTestForms.Render(view, new RenderOptions { Mode = OutputMode.Form, TemplateFolder = folder });
        Assert.That(html, Does.Contain("<p class=\"escaped\">Name &amp; &lt;b&gt;</p>"));
        Assert.That(html, Does.Contain("<p class=\"captured\"><b>Name &amp; &lt;b&gt;</b></p>"));
    }

    [Test]
    public void A_template_in_the_template_folder_replaces_the_built_in_one()
    {
        var folder = TempFolder();
        File.WriteAllText(Path.Combine(folder, "question-date.sbn"), """<p class="council-date" id="{{ field_id }}">{{ label }}: {{ answer }}</p>""");
        var html = HtmlTestForms.Render(HtmlTestForms.View("""{ "child": { "dob": "2023-06-14" } }"""), new RenderOptions { TemplateFolder = folder });
        var document = HtmlTestForms.Parse(html);
        Assert.That(document.Descendants("p").Single(p => p.HasClass("council-date")).Value, Is.EqualTo("Date of birth: 14 June 2023"));
        Assert.That(document.Descendants("dt").Select(d => d.Value), Does.Contain("Name"), "other questions still use the built-in templates");
    }

    [Test]
    public void One_element_kind_can_be_replaced_in_code()
    {
        var renderer = new HtmlRenderer();
        renderer.Elements.Override(new DateAsTimeElement());
        var document = HtmlTestForms.Parse(renderer.RenderToString(HtmlTestForms.View("""{ "child": { "dob": "2023-06-14" } }"""), new RenderOptions()));
        Assert.That(document.Descendants("time").Single().Attr("datetime"), Is.EqualTo("2023-06-14"));
        Assert.That(document.Descendants("dt").Select(d => d.Value), Does.Contain("Name"));
    }

    [Test]
    public void An_endless_loop_in_a_host_template_stops_with_an_error_naming_the_file_and_line()
    {
        var folder = TempFolder();
        File.WriteAllText(Path.Combine(folder, "question-date.sbn"), "<p>\n{{ while true }}x{{ end }}\n</p>");
        var error = Assert.Throws<HtmlTemplateException>(() => HtmlTestForms.Render(HtmlTestForms.View(), new RenderOptions { TemplateFolder = folder }))!;
        Assert.That(error.Message, Does.Contain("question-date.sbn").And.Contain("line 2"));
        Assert.That(error.Message, Does.Contain("limit").IgnoreCase.And.Contain("HtmlRenderer.Limits.LoopLimit"));
    }

    [Test]
    public void A_host_template_that_does_not_compile_is_reported_with_its_file_and_line()
    {
        var folder = TempFolder();
        File.WriteAllText(Path.Combine(folder, "section.sbn"), "<section>\n{{ for q in questions }}\n</section>");
        var error = Assert.Throws<HtmlTemplateException>(() => HtmlTestForms.Render(HtmlTestForms.View(), new RenderOptions { TemplateFolder = folder }))!;
        Assert.That(error.Template, Does.EndWith("section.sbn"));
        Assert.That(error.Message, Does.Contain("section.sbn("));
    }

    [Test]
    public void A_host_template_cannot_include_files_outside_its_folder()
    {
        var folder = TempFolder();
        File.WriteAllText(Path.Combine(folder, "section.sbn"), "{{ include '../secret.sbn' }}");
        Assert.Throws<HtmlTemplateException>(() => HtmlTestForms.Render(HtmlTestForms.View(), new RenderOptions { TemplateFolder = folder }));
    }

    [Test]
    public void A_host_template_that_is_a_device_is_an_error_not_an_endless_read()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Devices are a Unix attack.");
        }

        var folder = TempFolder();
        File.CreateSymbolicLink(Path.Combine(folder, "section.sbn"), "/dev/zero");
        var error = Assert.Throws<HtmlTemplateException>(() => HtmlTestForms.Render(HtmlTestForms.View(), new RenderOptions { TemplateFolder = folder }))!;
        Assert.That(error.Message, Does.Contain("section.sbn").And.Contain("not a regular file"));
    }

    private static string TempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "formengine-html-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private sealed class DateAsTimeElement : ElementRenderer<QuestionView, HtmlRenderContext>
    {
        protected override bool Accepts(QuestionView element) => element.Type == Templates.QuestionType.Date;

        protected override void Write(QuestionView element, HtmlRenderContext context) =>
            context.Writer.Write($"<p>{HtmlText.Encode(element.Label)}: <time datetime=\"{HtmlText.Encode(element.InputValue)}\">{HtmlText.Encode(element.DisplayValue)}</time></p>\n");
    }
}
