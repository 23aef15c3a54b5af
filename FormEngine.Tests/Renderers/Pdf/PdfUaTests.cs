using System.Text;
using System.Xml.Linq;
using FormEngine.Renderers;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using static FormEngine.Tests.Renderers.Pdf.PdfTestHelpers;

namespace FormEngine.Tests.Renderers.Pdf;

/// <summary>
/// The file claims PDF/UA-1 in its XMP metadata; these tests check the parts of PDF/UA-1 that can be checked
/// without a validator (README-pdf.md lists them), for every mode and both bilingual layouts.
/// </summary>
public sealed class PdfUaTests
{
    public static IEnumerable<TestCaseData> Documents()
    {
        foreach (var mode in Enum.GetValues<OutputMode>())
        {
            yield return new TestCaseData(mode, null).SetArgDisplayNames($"{mode}");
        }

        yield return new TestCaseData(OutputMode.Record, BilingualLayout.SideBySide).SetArgDisplayNames("side-by-side");
        yield return new TestCaseData(OutputMode.Blank, BilingualLayout.Sequential).SetArgDisplayNames("sequential");
    }

    private static byte[] Document(OutputMode mode, BilingualLayout? layout)
    {
        var options = new RenderOptions { Mode = mode, CaseReference = "CIN-2026-0042", ProtectiveMarking = "OFFICIAL-SENSITIVE" };
        return layout is { } bilingual
            ? Render(PdfLanguageAndAudienceTests.View("cy", "parent"), options with { SecondLanguage = PdfLanguageAndAudienceTests.View("en", "parent"), BilingualLayout = bilingual })
            : Render(Example(), options);
    }

    [TestCaseSource(nameof(Documents))]
    public void The_metadata_says_pdf_ua_1_and_stays_well_formed(OutputMode mode, BilingualLayout? layout)
    {
        var pdf = Document(mode, layout);
        var text = Encoding.UTF8.GetString(pdf);
        var start = text.IndexOf("<x:xmpmeta", StringComparison.Ordinal);
        var end = text.IndexOf("</x:xmpmeta>", StringComparison.Ordinal) + "</x:xmpmeta>".Length;

        var xmp = XDocument.Parse(text[start..end]);

        XNamespace pdfuaid = "http://www.aiim.org/pdfua/ns/id/";
        XNamespace dc = "http://purl.org/dc/elements/1.1/";
        Assert.That(xmp.Descendants(pdfuaid + "part").Select(e => e.Value), Is.EqualTo(new[] { "1" }));
        Assert.That(xmp.Descendants(dc + "title").Single().Value, Is.Not.Empty, "PDF/UA needs the title in the metadata");
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Modify);
        Assert.That(document.Info.Title, Is.EqualTo(xmp.Descendants(dc + "title").Single().Value));
    }

    [TestCaseSource(nameof(Documents))]
    public void The_catalogue_marks_the_file_tagged_with_its_language_and_title_shown(OutputMode mode, BilingualLayout? layout)
    {
        using var document = PdfReader.Open(new MemoryStream(Document(mode, layout)), PdfDocumentOpenMode.Modify);
        var catalog = document.Internals.Catalog;

        Assert.That(catalog.Elements.GetDictionary("/MarkInfo")!.Elements.GetBoolean("/Marked"), Is.True);
        Assert.That(catalog.Elements.GetDictionary("/StructTreeRoot"), Is.Not.Null);
        Assert.That(catalog.Elements.GetString("/Lang"), Is.Not.Empty);
        Assert.That(catalog.Elements.GetDictionary("/ViewerPreferences")!.Elements.GetBoolean("/DisplayDocTitle"), Is.True);
        var fonts = document.Internals.GetAllObjects().OfType<PdfDictionary>().Where(d => d.Elements.GetName("/Type") == "/FontDescriptor").ToList();
        Assert.That(fonts, Is.Not.Empty);
        Assert.That(fonts.Where(f => f.Elements["/FontFile2"] is null).Select(f => f.Elements.GetName("/FontName")), Is.Empty, "every font is embedded");
        var type0 = document.Internals.GetAllObjects().OfType<PdfDictionary>().Where(d => d.Elements.GetName("/Subtype") == "/Type0").ToList();
        Assert.That(type0, Is.Not.Empty);
        Assert.That(type0.Where(f => f.Elements["/ToUnicode"] is null).Select(f => f.Elements.GetName("/BaseFont")), Is.Empty, "every font maps its glyphs to Unicode, so text can be read out");
    }

    [TestCaseSource(nameof(Documents))]
    public void Every_glyph_is_either_tagged_or_an_artifact(OutputMode mode, BilingualLayout? layout)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(Document(mode, layout));
        foreach (var page in document.GetPages())
        {
            var marked = page.GetMarkedContents().Sum(c => Letters(c));

            Assert.That(marked, Is.EqualTo(page.Letters.Count), $"page {page.Number}: glyphs outside any marked content");
            Assert.That(page.GetMarkedContents().All(c => c.MarkedContentIdentifier >= 0 || c.IsArtifact), Is.True, $"page {page.Number}: marked content that is neither tagged nor an artifact");
        }
    }

    [TestCaseSource(nameof(Documents))]
    public void Headings_never_skip_a_level(OutputMode mode, BilingualLayout? layout)
    {
        var headings = PdfStructure.Read(Document(mode, layout)).Descendants()
            .Where(e => e.Type.Length == 2 && e.Type[0] == 'H' && char.IsAsciiDigit(e.Type[1]))
            .Select(e => e.Type[1] - '0').ToList();

        Assert.That(headings[0], Is.EqualTo(1));
        var skips = headings.Zip(headings.Skip(1), (a, b) => (a, b)).Where(p => p.b > p.a + 1).ToList();
        Assert.That(skips, Is.Empty);
    }

    private static int Letters(UglyToad.PdfPig.Content.MarkedContentElement content) =>
        content.Letters.Count == 0 ? content.Children.Sum(Letters) : content.Letters.Count;
}
