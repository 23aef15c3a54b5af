using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using FormEngine.Evaluation;
using FormEngine.Renderers;
using FormEngine.Renderers.Html;
using FormEngine.Views;

namespace FormEngine.Tests.Renderers.Html;

/// <summary>Forms to render and a strict parser for what comes out.</summary>
internal static class HtmlTestForms
{
    /// <summary>A distinctive answer only practitioners may see.</summary>
    public const string Secret = "ZQX-SECRET-7731";

    /// <summary>
    /// An English and Welsh assessment for practitioners, children and parents, with key facts for the case
    /// summary, a flag, and third-party information (a question and a whole section) only practitioners see.
    /// </summary>
    public const string Bilingual = """
        id: child_and_family
        version: 2
        title: { en: Child and family assessment, cy: Asesiad plentyn a theulu }
        languages: [en, cy]
        audiences: [practitioner, child, parent]
        sensitivity:
          third_party:
            label: { en: third-party information, cy: gwybodaeth trydydd parti }
            audiences: [practitioner]
        choices:
          yes_no:
            - { value: 'yes', label: { en: 'Yes', cy: 'Ie' } }
            - { value: 'no', label: { en: 'No', cy: 'Na' } }
        sections:
          - id: child
            title: { en: About the child, cy: Am y plentyn }
            questions:
              - { id: name, type: text, label: { en: Name, cy: Enw }, summary: true, carry_forward: true }
              - { id: dob, type: date, label: { en: Date of birth, cy: Dyddiad geni }, summary: true, carry_forward: true, required: true }
              - { id: lives_with, type: text, label: { en: Lives with, cy: Yn byw gyda }, summary: true, carry_forward: true }
              - { id: disabled, type: choice, choices: yes_no, label: { en: 'Does the child have a disability?', cy: 'Oes gan y plentyn anabledd?' } }
          - id: concerns
            title: { en: Concerns, cy: Pryderon }
            hint: { en: In the family's own words where possible., cy: Yng ngeiriau'r teulu ei hun lle bo modd. }
            questions:
              - { id: worries, type: textarea, label: { en: What are the worries?, cy: Beth yw'r pryderon? }, summary: true }
              - id: neighbour
                type: textarea
                label: { en: What the neighbour told us, cy: Beth ddywedodd y cymydog wrthym }
                sensitivity: third_party
                summary: true
          - id: police
            title: { en: Police information, cy: Gwybodaeth yr heddlu }
            sensitivity: third_party
            questions:
              - { id: report, type: text, label: { en: Police report, cy: Adroddiad yr heddlu } }
              - { id: reported, type: date, label: { en: Date of report, cy: Dyddiad yr adroddiad } }
        flags:
          - id: disabled
            when: child.disabled = 'yes'
            message: { en: 'Child has a disability: check the short breaks offer.', cy: 'Mae gan y plentyn anabledd: gwiriwch y cynnig seibiannau byr.' }
            severity: concern
        """;

    public const string BilingualAnswers = $$"""
        {
          "child": { "lives_with": "Mum and Nan", "disabled": "yes" },
          "concerns": { "worries": "Missed school 12 days this term.", "neighbour": "{{Secret}} heard shouting at night" },
          "police": { "report": "{{Secret}} PNC entry", "reported": "2026-10-03" }
        }
        """;

    public const string BilingualPrevious = """
        { "child": { "name": "Leo Jones", "dob": "2019-03-02", "lives_with": "Mum" } }
        """;

    /// <summary>The bilingual assessment for one audience and language, with a previous assessment to compare.</summary>
    public static FormView BilingualView(string language = "en", string? audience = null, string answers = BilingualAnswers) =>
        FormViewBuilder.Build(TestTemplates.Open(answers, Bilingual, BilingualPrevious), new ViewOptions { Language = language, Audience = audience });

    public static FormView View(string answersJson = "{}", string yaml = TestTemplates.Assessment) =>
        FormViewBuilder.Build(TestTemplates.Open(answersJson, yaml));

    public static FormView Example(string answersFile = "toddler-disabled.json")
    {
        var folder = Path.Combine(TestTemplates.RepoRoot, "examples", "single-assessment");
        // Loaded from text with a relative display name, so rule locations in audit output do not depend on the checkout's path.
        var yaml = File.ReadAllText(Path.Combine(folder, "single-assessment.yaml"));
        var result = FormTemplate.LoadFromText(yaml, "examples/single-assessment/single-assessment.yaml", folder);
        var template = result.GetTemplateOrThrow();
        var answers = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "answers", answersFile)))!.AsObject();
        return FormViewBuilder.Build(FormSession.Open(template, answers, new FormSessionOptions { Today = TestTemplates.Today }));
    }

    public static string Render(FormView view, RenderOptions options, HtmlRenderer? renderer = null) =>
        (renderer ?? new HtmlRenderer()).RenderToString(view, options);

    /// <summary>
    /// Parses the output as XML: the renderer writes polyglot HTML (quoted attributes, closed void elements,
    /// only XML's own entities), so a strict XML parser reads it and any stray markup fails the test.
    /// </summary>
    public static XDocument Parse(string html)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore };
        using var reader = XmlReader.Create(new StringReader(html), settings);
        return XDocument.Load(reader);
    }

    public static IEnumerable<XElement> All(this XDocument document, string name) => document.Descendants(name);

    /// <summary>
    /// The structural accessibility checks every render must pass: unique ids, a label for every field, a
    /// fieldset and legend around radios and checkboxes, ARIA references and in-page links that resolve,
    /// one h1 first, and headings that never skip a level.
    /// </summary>
    public static void AssertAccessible(XDocument document)
    {
        var ids = document.Descendants().Select(e => e.Attr("id")).OfType<string>().ToList();
        Assert.That(ids, Is.Unique, "ids are unique");
        var labelled = document.All("label").Select(l => l.Attr("for")).OfType<string>().ToHashSet();
        // A hidden field is not shown, so it has no label to need.
            foreach (var input in document.All("input").Where(i => i.Attr("type") != "hidden").Concat(document.All("textarea")).Concat(document.All("select")))
        {
            Assert.That(labelled, Does.Contain(input.Attr("id")), $"a label for {input}");
            if (input.Attr("type") is "radio" or "checkbox")
            {
                var fieldset = input.Ancestors("fieldset").FirstOrDefault();
                Assert.That(fieldset?.Elements("legend").Count(), Is.EqualTo(1), $"a fieldset with a legend around {input}");
            }
        }

        foreach (var reference in document.Descendants().SelectMany(e => new[] { e.Attr("aria-describedby"), e.Attr("aria-labelledby") }).OfType<string>())
        {
            Assert.That(reference.Split(' '), Is.SubsetOf(ids), "ARIA references point at elements that exist");
        }

        foreach (var href in document.All("a").Select(a => a.Attr("href")).OfType<string>().Where(h => h.StartsWith('#')))
        {
            Assert.That(ids, Does.Contain(href[1..]), "in-page links resolve");
        }

        var levels = document.Descendants().Where(e => e.Name.LocalName is ['h', >= '1' and <= '6']).Select(e => e.Name.LocalName[1] - '0').ToList();
        Assert.That(levels.Count(l => l == 1), Is.EqualTo(1), "one h1");
        Assert.That(levels[0], Is.EqualTo(1), "the h1 comes first");
        for (var i = 1; i < levels.Count; i++)
        {
            Assert.That(levels[i], Is.LessThanOrEqualTo(levels[i - 1] + 1), $"heading {i} does not skip a level: {string.Join(",", levels)}");
        }
    }

    public static string? Attr(this XElement element, string name) => element.Attribute(name)?.Value;

    public static bool HasClass(this XElement element, string name) =>
        (element.Attr("class") ?? string.Empty).Split(' ').Contains(name);
}
