using System.Text;
using System.Text.Json.Nodes;
using FormEngine.Evaluation;
using FormEngine.Renderers;
using FormEngine.Views;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using static FormEngine.Tests.Renderers.Pdf.PdfTestHelpers;

namespace FormEngine.Tests.Renderers.Pdf;

/// <summary>
/// What a screen reader hears. Each structure element's text is the glyphs of its marked content strung
/// together in drawing order, with nothing added between lines (that is how readers and <c>pdfinfo
/// -struct-text</c> read it), so a line wrap must leave a space in the text itself. Checked in-process
/// against the printed lines, for every example template's records and blank form.
/// </summary>
public sealed class PdfStructureTextTests
{
    private static readonly string Examples = Path.Combine(TestTemplates.RepoRoot, "examples");

    public static IEnumerable<TestCaseData> ExampleDocuments()
    {
        foreach (var template in Directory.EnumerateDirectories(Examples).Order(StringComparer.Ordinal)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.yaml"))
            .Where(path => !path.EndsWith(".scenarios.yaml", StringComparison.Ordinal)))
        {
            var name = Path.GetFileNameWithoutExtension(template);
            yield return new TestCaseData(template, null, OutputMode.Blank).SetArgDisplayNames(name, "blank");
            var answers = Path.Combine(Path.GetDirectoryName(template)!, "answers");
            var answerFiles = Directory.Exists(answers) ? Directory.EnumerateFiles(answers, "*.json") : Directory.EnumerateFiles(Path.GetDirectoryName(template)!, "answers.json");
            foreach (var file in answerFiles.Order(StringComparer.Ordinal))
            {
                yield return new TestCaseData(template, file, OutputMode.Record).SetArgDisplayNames(name, Path.GetFileNameWithoutExtension(file));
            }
        }
    }

    [TestCaseSource(nameof(ExampleDocuments))]
    public void Every_tagged_paragraph_reads_the_words_that_are_printed(string template, string? answers, OutputMode mode)
    {
        var view = ExampleView(template, answers);
        var options = new RenderOptions { Mode = mode, CaseReference = "CIN-2026-0042", ProtectiveMarking = "OFFICIAL-SENSITIVE" };

        AssertTaggedTextIsPrintedText(Render(view, options));
    }

    [Test]
    public void A_side_by_side_bilingual_record_reads_the_printed_words_in_both_languages()
    {
        var template = Path.Combine(Examples, "my-views", "my-views.yaml");
        var answers = Path.Combine(Examples, "my-views", "answers", "aled.json");
        var welsh = ExampleView(template, answers, "cy", "practitioner");
        var english = ExampleView(template, answers, "en", "practitioner");

        AssertTaggedTextIsPrintedText(Render(welsh, new RenderOptions { SecondLanguage = english }));
    }

    [Test]
    public void A_wrapped_label_is_read_with_a_space_where_it_wraps()
    {
        // The README's record: the key fact's label wraps after "a" in the summary's narrow column.
        var pdf = Render(Example());

        var tagged = TaggedTexts(pdf).Select(t => t.Tagged).ToList();

        Assert.That(tagged, Does.Contain("Does the child have a disability?"));
        Assert.That(tagged, Does.Contain("Date the referral was received"));
        Assert.That(tagged.Any(t => t.Contains("adisability", StringComparison.Ordinal) || t.Contains("wasreceived", StringComparison.Ordinal)), Is.False);
    }

    [Test]
    public void A_word_broken_to_fit_the_line_is_read_as_one_word()
    {
        // A pasted link longer than a line is broken inside; the tagged text must not split it with a space.
        var link = "https://example.org/" + string.Concat(Enumerable.Repeat("referral-evidence/", 12)) + "end";
        var answers = new JsonObject { ["child"] = new JsonObject { ["name"] = $"See {link} for details" } };
        var pdf = Render(View(answers.ToJsonString()));

        var tagged = TaggedTexts(pdf).Select(t => t.Tagged).Single(t => t.Contains("example.org", StringComparison.Ordinal));

        Assert.That(tagged, Is.EqualTo($"See {link} for details"));
    }

    [Test]
    public void Document_details_under_the_title_are_separate_paragraphs()
    {
        var pdf = Render(Example(), new RenderOptions { CaseReference = "CIN-2026-0042", ProtectiveMarking = "OFFICIAL-SENSITIVE" });

        var tagged = TaggedTexts(pdf).Select(t => t.Tagged).ToList();

        Assert.That(tagged, Does.Contain("Case reference: CIN-2026-0042"));
        Assert.That(tagged, Does.Contain("OFFICIAL-SENSITIVE"));
    }

    [Test]
    public void Poppler_reads_the_structure_text_as_the_words_printed_on_the_page()
    {
        // The check the in-process tests stand in for: `pdfinfo -struct-text` (the structure tree's text) against
        // `pdftotext -raw` (the page text in drawing order, running headers included, which the tree skips).
        var pdfinfo = SystemTools.Find("pdfinfo", "poppler-utils");
        var pdftotext = SystemTools.Find("pdftotext", "poppler-utils");

        var template = Path.Combine(Examples, "my-views", "my-views.yaml");
        var aled = Path.Combine(Examples, "my-views", "answers", "aled.json");
        var marked = new RenderOptions { CaseReference = "CIN-2026-0042", ProtectiveMarking = "OFFICIAL-SENSITIVE" };
        var documents = new (string Name, byte[] Pdf)[]
        {
            ("record", Render(Example(), marked)),
            ("blank", Render(Example(), marked with { Mode = OutputMode.Blank })),
            ("side-by-side", Render(ExampleView(template, aled, "cy", "practitioner"), marked with { SecondLanguage = ExampleView(template, aled, "en", "practitioner") })),
        };
        foreach (var (name, pdf) in documents)
        {
            var path = Path.Combine(Path.GetTempPath(), $"formengine-struct-{name}-{Environment.ProcessId}.pdf");
            File.WriteAllBytes(path, pdf);
            try
            {
                var tagged = Run(pdfinfo!, "-struct-text", path).Split('\n')
                    .Select(line => line.Trim())
                    .Where(line => line.Length > 1 && line[0] == '"' && line[^1] == '"')
                    .SelectMany(line => line[1..^1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    .ToList();
                var printed = Run(pdftotext!, "-raw", path, "-").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

                Assert.That(tagged, Has.Count.GreaterThan(100), $"{name}: the structure has text");
                // Every tagged word, in order, is a printed word: a wrap that joins two words makes one that is not.
                var at = 0;
                foreach (var (word, index) in tagged.Select((w, i) => (w, i)))
                {
                    while (at < printed.Length && printed[at] != word)
                    {
                        at++;
                    }

                    Assert.That(at, Is.LessThan(printed.Length), $"{name}: tagged word \"{word}\" (after \"{string.Join(' ', tagged.Skip(Math.Max(0, index - 6)).Take(Math.Min(index, 6)))}\") is not printed there");
                    at++;
                }
            }
            finally
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>Fails listing every tagged element whose words differ from the words on its printed lines.</summary>
    internal static void AssertTaggedTextIsPrintedText(byte[] pdf)
    {
        var texts = TaggedTexts(pdf);
        Assert.That(texts, Is.Not.Empty, "the document has tagged text");
        var wrong = texts.Where(t => Words(t.Tagged) != Words(t.Printed)).Select(t => $"tagged \"{t.Tagged}\", printed \"{t.Printed.Replace('\n', '|')}\"").ToList();
        Assert.That(wrong, Is.Empty);
    }

    /// <summary>
    /// For each marked-content sequence that belongs to the structure tree (it has an MCID): its glyphs in
    /// drawing order as a reader strings them together, and the same glyphs as printed, a line break wherever
    /// the baseline moves.
    /// </summary>
    internal static List<(string Tagged, string Printed)> TaggedTexts(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var texts = new List<(string, string)>();
        foreach (var page in document.GetPages())
        {
            foreach (var content in Flatten(page.GetMarkedContents()).Where(c => c.MarkedContentIdentifier >= 0 && c.Letters.Count > 0))
            {
                var printed = new StringBuilder();
                Letter? previous = null;
                foreach (var letter in content.Letters)
                {
                    if (previous is not null && Math.Abs(letter.StartBaseLine.Y - previous.StartBaseLine.Y) > 0.5)
                    {
                        printed.Append('\n');
                    }

                    printed.Append(letter.Value);
                    previous = letter;
                }

                texts.Add((string.Concat(content.Letters.Select(l => l.Value)), printed.ToString()));
            }
        }

        return texts;
    }

    private static string Run(string tool, params string[] arguments)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.EqualTo(0), $"{Path.GetFileName(tool)}: {errors}");
        return output;
    }

    private static IEnumerable<MarkedContentElement> Flatten(IEnumerable<MarkedContentElement> contents) =>
        contents.SelectMany(c => Flatten(c.Children).Prepend(c));

    private static FormView ExampleView(string template, string? answers, string? language = null, string? audience = null)
    {
        var loaded = FormTemplate.Load(template).GetTemplateOrThrow();
        var answerObject = answers is null ? [] : JsonNode.Parse(File.ReadAllText(answers))!.AsObject();
        var session = FormSession.Open(loaded, answerObject, new FormSessionOptions { Today = TestTemplates.Today });
        return FormViewBuilder.Build(session, new ViewOptions { Language = language, Audience = audience });
    }
}
