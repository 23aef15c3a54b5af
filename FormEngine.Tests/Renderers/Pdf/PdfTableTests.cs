using System.Text.Json.Nodes;
using FormEngine.Evaluation;
using FormEngine.Renderers;
using FormEngine.Renderers.Pdf;
using FormEngine.Views;
using UglyToad.PdfPig;
using static FormEngine.Tests.Renderers.Pdf.PdfTestHelpers;

namespace FormEngine.Tests.Renderers.Pdf;

/// <summary>
/// Key facts and repeat groups of short questions are tables, both on the page and in the tagged structure
/// (<c>Table</c>, <c>TR</c>, <c>TH</c>, <c>TD</c>); a long table repeats its header row on every page; side by side,
/// every word stays inside its language's column.
/// </summary>
public sealed class PdfTableTests
{
    private const string Household = """
        id: household_record
        version: 1
        languages: [en, cy]
        title: Household
        choices:
          relationships:
            - { value: mother, label: { en: Mother, cy: Mam } }
            - { value: sibling, label: { en: Brother or sister, cy: Brawd neu chwaer } }
        sections:
          - id: child
            title: { en: The child, cy: Y plentyn }
            questions:
              - id: name
                type: text
                summary: true
                label:
                  en: The name the child likes to be called by everyone who works with the family
                  cy: Yr enw mae'r plentyn yn hoffi i bawb sy'n gweithio gyda'r teulu ei ddefnyddio
          - id: household
            title: { en: Household, cy: Aelwyd }
            questions:
              - id: members
                type: repeat
                label: { en: People living in the home, cy: Pobl sy'n byw yn y cartref }
                questions:
                  - { id: name, type: text, label: { en: Name, cy: Enw } }
                  - { id: relationship, type: choice, choices: relationships, label: { en: Relationship, cy: Perthynas } }
                  - { id: age, type: number, label: { en: Age, cy: Oed } }
              - id: visits
                type: repeat
                label: Visits
                questions:
                  - { id: date, type: date, label: Date }
                  - { id: notes, type: textarea, label: What happened }
        """;

    private static FormView HouseholdView(int members, string? language = null)
    {
        var items = new JsonArray();
        for (var i = 0; i < members; i++)
        {
            items.Add(new JsonObject { ["name"] = $"Person{i + 1} Hughes", ["relationship"] = i == 0 ? "mother" : "sibling", ["age"] = 30 - i });
        }

        var answers = new JsonObject
        {
            ["child"] = new JsonObject { ["name"] = "Maya" },
            ["household"] = new JsonObject
            {
                ["members"] = items,
                ["visits"] = new JsonArray(new JsonObject { ["date"] = "2026-11-02", ["notes"] = "Met the family at home." }),
            },
        };
        var template = FormTemplate.LoadFromText(Household, "household.yaml").GetTemplateOrThrow();
        var session = FormSession.Open(template, answers, new FormSessionOptions { Today = TestTemplates.Today });
        return FormViewBuilder.Build(session, new ViewOptions { Language = language });
    }

    [Test]
    public void The_view_decides_that_short_questions_make_a_table_and_long_ones_do_not()
    {
        var view = HouseholdView(2);
        var members = view.Sections[1].Questions.Single(q => q.Id == "members");
        var visits = view.Sections[1].Questions.Single(q => q.Id == "visits");

        Assert.That(members.TableColumns.Select(q => q.Id), Is.EqualTo(new[] { "name", "relationship", "age" }));
        Assert.That(visits.TableColumns, Is.Empty, "a long text in the items keeps them as blocks");
    }

    [Test]
    public void Key_facts_and_a_repeat_group_of_short_questions_are_tagged_as_tables()
    {
        var tree = PdfStructure.Read(Render(HouseholdView(2)));

        var tables = tree.Descendants().Where(e => e.Type == "Table").ToList();
        Assert.That(tables, Has.Count.EqualTo(2), tree.ToString());
        var keyFacts = tables[0];
        Assert.That(keyFacts.Children.Select(r => r.Type), Is.All.EqualTo("TR"));
        Assert.That(keyFacts.Children[0].Children.Select(c => (c.Type, c.Scope, c.Text)), Is.EqualTo(new[]
        {
            ("TH", "Row", "The name the child likes to be called by everyone who works with the family"),
            ("TD", (string?)null, "Maya"),
        }));

        var members = tables[1];
        Assert.That(members.Children.Select(r => r.Type), Is.EqualTo(new[] { "TR", "TR", "TR" }), "a header row and one row per person");
        Assert.That(members.Children[0].Children.Select(c => (c.Type, c.Scope, c.Text)), Is.EqualTo(new[]
        {
            ("TH", "Column", "Name"), ("TH", (string?)"Column", "Relationship"), ("TH", (string?)"Column", "Age"),
        }));
        Assert.That(members.Children[2].Children.Select(c => (c.Type, c.Text)), Is.EqualTo(new[]
        {
            ("TD", "Person2 Hughes"), ("TD", "Brother or sister"), ("TD", "29"),
        }));
    }

    [Test]
    public void A_repeat_group_with_a_long_answer_prints_each_item_as_a_block()
    {
        var pdf = Render(HouseholdView(1));
        var tree = PdfStructure.Read(pdf);

        Assert.That(tree.Descendants().Count(e => e.Type == "Table"), Is.EqualTo(2), "key facts and members only");
        Assert.That(tree.Descendants().Where(e => e.Type == "H4").Select(e => e.Text), Does.Contain("Visits 1"));
        Assert.That(AllText(pdf), Does.Contain("What happened Met the family at home."));
    }

    [Test]
    public void A_table_longer_than_a_page_prints_its_header_row_on_every_page_and_tags_it_once()
    {
        var pdf = Render(HouseholdView(90));

        var pages = PageTexts(pdf);
        var withRows = pages.Select((text, i) => (text, i)).Where(p => p.text.Contains("Person", StringComparison.Ordinal)).ToList();
        Assert.That(withRows, Has.Count.GreaterThanOrEqualTo(2), "the table runs over pages");
        foreach (var (text, index) in withRows)
        {
            var firstRow = text.IndexOf("Person", StringComparison.Ordinal);
            Assert.That(text[..firstRow], Does.Contain("Name Relationship Age"), $"page {index + 1} starts the table's rows under its header");
        }

        var tree = PdfStructure.Read(pdf);
        var members = tree.Descendants().Where(e => e.Type == "Table").Last();
        Assert.That(members.Children, Has.Count.EqualTo(91), "one header row and 90 rows: the repeats are artifacts");
        Assert.That(members.Descendants().Count(e => e.Type == "TH"), Is.EqualTo(3));
    }

    [Test]
    public void Side_by_side_no_word_crosses_into_the_other_language_column()
    {
        var pdf = Render(HouseholdView(3, "cy"), new RenderOptions { SecondLanguage = HouseholdView(3, "en") });
        var theme = new PdfTheme();
        var leftEdge = theme.SideMargin + ((theme.ContentWidth - 18) / 2);
        var rightStart = leftEdge + 18;

        using var document = PdfDocument.Open(pdf);
        var crossing = new List<string>();
        var words = 0;
        foreach (var page in document.GetPages())
        {
            // PdfPig measures from the bottom of the page; the running header and footer span the page and are left out.
            foreach (var word in page.GetWords().Where(w => page.Height - w.BoundingBox.Top >= theme.ContentTop - 1 && page.Height - w.BoundingBox.Bottom <= theme.ContentBottom + 1))
            {
                words++;
                if (word.BoundingBox.Left < rightStart - 0.5 && word.BoundingBox.Right > leftEdge + 0.5)
                {
                    crossing.Add($"\"{word.Text}\" from {word.BoundingBox.Left:0.0} to {word.BoundingBox.Right:0.0} on page {page.Number}");
                }
            }
        }

        Assert.That(words, Is.GreaterThan(40));
        Assert.That(crossing, Is.Empty, $"the left column ends at {leftEdge:0.0}, the right starts at {rightStart:0.0}");
        var tree = PdfStructure.Read(pdf);
        var keyFacts = tree.Descendants().First(e => e.Type == "Table");
        Assert.That(keyFacts.Children.Select(r => r.Children[0].Text), Is.EqualTo(new[]
        {
            "Yr enw mae'r plentyn yn hoffi i bawb sy'n gweithio gyda'r teulu ei ddefnyddio",
            "The name the child likes to be called by everyone who works with the family",
        }), "one table, its rows in the main language then the second");
    }

    [Test]
    public void Poppler_shows_the_tables_in_the_tag_tree()
    {
        var pdfinfo = SystemTools.Find("pdfinfo", "poppler-utils");
        var path = Path.Combine(Path.GetTempPath(), $"formengine-tables-{Environment.ProcessId}.pdf");
        File.WriteAllBytes(path, Render(HouseholdView(2)));
        try
        {
            using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(pdfinfo, ["-struct", path]) { RedirectStandardOutput = true })!;
            var tree = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var tags = tree.Split('\n').Select(line => line.Trim().Split(' ', ':')[0]).Where(t => t.Length > 0).ToList();

            Assert.That(tags.Count(t => t == "Table"), Is.EqualTo(2), tree);
            Assert.That(tags.Count(t => t == "TR"), Is.EqualTo(1 + 3), "one key fact; a header row and two people");
            Assert.That(tags.Count(t => t == "TH"), Is.EqualTo(1 + 3));
            Assert.That(tags.Count(t => t == "TD"), Is.EqualTo(1 + 6));
            Assert.That(tree, Does.Contain("/Scope /Column").And.Contain("/Scope /Row"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
