using System.Text;
using FormEngine.Renderers;
using FormEngine.Renderers.Html;
using FormEngine.Renderers.Text;
using FormEngine.Tests.Renderers.Html;
using FormEngine.Tests.Renderers.Pdf;
using FormEngine.Views;

namespace FormEngine.Tests.Renderers;

/// <summary>
/// A note written as a YAML block keeps the author's line breaks; every output prints it as the same
/// paragraphs: a single line break is a space, a blank line starts a new paragraph.
/// </summary>
public sealed class NoteParagraphTests
{
    private const string Template = """
        id: notes
        version: 1
        title: Consent
        sections:
          - id: consent
            title: Consent
            questions:
              - id: explain
                type: note
                label: |
                  Explain to the family why you are asking about their health,
                  and who will see it.


                  Tell them they can ask for a copy.
                hint: |
                  Use plain words;
                  avoid jargon.
              - { id: agreed, type: boolean, label: Did the family agree? }
        """;

    private static readonly string[] Label =
    [
        "Explain to the family why you are asking about their health, and who will see it.",
        "Tell them they can ask for a copy.",
    ];

    private const string Hint = "Use plain words; avoid jargon.";

    [TestCase("One line.", new[] { "One line." })]
    [TestCase("Wrapped by\nthe author's editor.", new[] { "Wrapped by the author's editor." })]
    [TestCase("First.\n\nSecond.\r\n  \r\nThird\rline.\n", new[] { "First.", "Second.", "Third line." })]
    [TestCase("\n\n  Indented\n    lines  \n\n\n", new[] { "Indented lines" })]
    [TestCase("   \n \n", new string[0])]
    public void Text_divides_into_paragraphs_at_blank_lines_and_joins_single_line_breaks(string text, string[] expected) =>
        Assert.That(Prose.Paragraphs(text), Is.EqualTo(expected));

    [TestCase("plain")]
    [TestCase("govuk")]
    public void Html_prints_each_paragraph_of_a_note_as_its_own_p_with_no_preformatting(string theme)
    {
        var html = HtmlTestForms.Render(View(), new RenderOptions { Theme = theme, Mode = OutputMode.Blank });
        var document = HtmlTestForms.Parse(html);

        var note = document.All("div").Single(d => d.Elements("p").Any(p => p.Value.Contains("plain words", StringComparison.Ordinal)));

        Assert.That(note.Elements("p").Select(p => p.Value), Is.EqualTo(Label.Append(Hint)));
        // The author's line breaks must not come back as lines through CSS, inline or in the page's style sheet.
        Assert.That(note.DescendantsAndSelf().Select(e => e.Attribute("style")?.Value), Is.All.Null);
        Assert.That(System.Text.RegularExpressions.Regex.IsMatch(html, @"\.fe-guidance\s*\{[^}]*pre-"), Is.False);
    }

    [Test]
    public void Pdf_tags_each_paragraph_of_a_note_as_its_own_paragraph()
    {
        var pdf = PdfTestHelpers.Render(View());

        var tagged = PdfStructureTextTests.TaggedTexts(pdf).Select(t => t.Tagged.TrimEnd()).ToList();

        Assert.That(tagged, Does.Contain(Label[0]).And.Contain(Label[1]).And.Contain(Hint));
        Assert.That(tagged.IndexOf(Label[1]), Is.EqualTo(tagged.IndexOf(Label[0]) + 1), "in order, nothing between");
    }

    [Test]
    public void Text_output_quotes_a_note_as_one_block_of_paragraphs()
    {
        using var output = new MemoryStream();
        new TextRenderer().Render(View(), new RenderOptions { Mode = OutputMode.Blank }, output);
        var text = Encoding.UTF8.GetString(output.ToArray());

        Assert.That(text, Does.Contain($"> {Label[0]}\n>\n> {Label[1]}\n\n> {Hint}\n"));
    }

    private static FormView View() => FormViewBuilder.Build(TestTemplates.Open("{}", Template));
}
