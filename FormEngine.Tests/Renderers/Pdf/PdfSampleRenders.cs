using FormEngine.Renderers;

namespace FormEngine.Tests.Renderers.Pdf;

/// <summary>Writes the example assessment as PDF to a folder, to look at; explicit, so it runs only when asked.</summary>
[Explicit("writes files for a person to look at: set FORMENGINE_PDF_SAMPLES to a folder")]
public sealed class PdfSampleRenders
{
    [TestCase(RenderMode.Record)]
    [TestCase(RenderMode.Blank)]
    [TestCase(RenderMode.Audit)]
    [TestCase(RenderMode.Form)]
    public void Writes_the_example(RenderMode mode)
    {
        var folder = Environment.GetEnvironmentVariable("FORMENGINE_PDF_SAMPLES") ?? Path.GetTempPath();
        var view = PdfTestHelpers.Example();
        var bytes = PdfTestHelpers.Render(view, new RenderOptions
        {
            Mode = mode,
            CaseReference = "CIN-2026-04187",
            ProtectiveMarking = "OFFICIAL-SENSITIVE",
        });
        File.WriteAllBytes(Path.Combine(folder, $"example-{mode.ToString().ToLowerInvariant()}.pdf"), bytes);
    }

    [Test]
    public void Writes_welsh_and_bilingual_records()
    {
        var folder = Environment.GetEnvironmentVariable("FORMENGINE_PDF_SAMPLES") ?? Path.GetTempPath();
        var options = new RenderOptions { CaseReference = "CIN-2026-04187", ProtectiveMarking = "OFFICIAL-SENSITIVE" };
        var welsh = PdfLanguageAndAudienceTests.View("cy", "parent");
        var english = PdfLanguageAndAudienceTests.View("en", "parent");
        File.WriteAllBytes(Path.Combine(folder, "welsh-record.pdf"), PdfTestHelpers.Render(welsh, options));
        File.WriteAllBytes(Path.Combine(folder, "bilingual-side-by-side.pdf"), PdfTestHelpers.Render(welsh, options with { SecondLanguage = english }));
        File.WriteAllBytes(Path.Combine(folder, "bilingual-sequential.pdf"), PdfTestHelpers.Render(welsh, options with { SecondLanguage = english, BilingualLayout = BilingualLayout.Sequential }));
        File.WriteAllBytes(Path.Combine(folder, "bilingual-blank.pdf"), PdfTestHelpers.Render(welsh, options with { Mode = RenderMode.Blank, SecondLanguage = english }));
    }
}
