using System.Text;
using FormEngine.Renderers;
using FormEngine.Tests.Renderers.Pdf;
using FormEngine.Views;

namespace FormEngine.Tests.Renderers;

/// <summary>
/// A blank paper form is filled in by hand, with no rules running, so everything shown only sometimes must
/// say when: a note as much as a question, or it reads as applying to every family.
/// </summary>
public class PaperRoutingTests
{
    private const string Template = """
        id: routing
        title: Routing
        languages: [en, cy]
        sections:
          - id: child
            title: { en: The child, cy: Y plentyn }
            questions:
              - { id: disabled, type: choice, choices: [yes, no], label: { en: Disabled?, cy: Anabl? } }
              - id: explain_support
                type: note
                label: { en: Explain the support available to disabled children., cy: Esboniwch y cymorth sydd ar gael i blant anabl. }
                show_if: child.disabled = 'yes'
              - id: support
                type: text
                label: { en: Support wanted, cy: Y cymorth sydd ei angen }
                show_if: child.disabled = 'yes'
        """;

    [TestCase("html", "plain", "en", "This applies only if 'Disabled?' is 'yes'.")]
    [TestCase("html", "govuk", "en", "This applies only if 'Disabled?' is 'yes'.")]
    [TestCase("text", "plain", "en", "_This applies only if 'Disabled?' is 'yes'._")]
    [TestCase("pdf", "plain", "en", "This applies only if 'Disabled?' is 'yes'.")]
    [TestCase("text", "plain", "cy", "Mae hyn yn berthnasol dim ond os")]
    public void A_note_shown_only_sometimes_says_when_on_a_blank_form(string format, string theme, string language, string routing)
    {
        var session = TestTemplates.Open("{}", Template);
        var view = FormViewBuilder.Build(session, new ViewOptions { Language = language });
        using var buffer = new MemoryStream();
        FormRenderers.CreateDefault().Find(format)!.Render(view, new RenderOptions { Mode = OutputMode.Blank, Theme = theme }, buffer);
        var output = format == "pdf" ? PdfTestHelpers.Words(PdfTestHelpers.AllText(buffer.ToArray())) : Encoding.UTF8.GetString(buffer.ToArray());

        if (format == "html")
        {
            output = System.Net.WebUtility.HtmlDecode(output);
        }

        Assert.That(output, Does.Contain(routing), "the note says when it applies");
        Assert.That(output, Does.Contain(language == "en" ? "Answer this question only if" : "Atebwch y cwestiwn hwn dim ond os"), "a question keeps its own wording");
    }
}
