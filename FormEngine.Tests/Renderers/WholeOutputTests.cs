using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using FormEngine.Renderers;
using FormEngine.Renderers.Html;
using FormEngine.Tests.Renderers.Pdf;
using FormEngine.Views;

namespace FormEngine.Tests.Renderers;

/// <summary>
/// A record is whole or it is not written at all: a long chronology or a very long answer must never be cut
/// short by a size limit inside a renderer, because a record that silently ends early loses what a family
/// said, and a form posted back from a cut page erases the answers that were cut off.
/// </summary>
public class WholeOutputTests
{
    private const string Template = """
        id: long_record
        title: Long record
        sections:
          - id: chronology
            title: Chronology
            questions:
              - id: entries
                type: repeat
                label: Entries
                questions:
                  - { id: when, type: date, label: Date }
                  - { id: what, type: textarea, label: What happened }
          - id: analysis
            title: Analysis of the family's story
            questions:
              - { id: summary, type: textarea, label: Summary }
        """;

    private const string LastSectionTitle = "Analysis of the family's story";

    private static IEnumerable<TestCaseData> Outputs() =>
    [
        new TestCaseData("html", "plain", OutputMode.Record).SetArgDisplayNames("html", "plain", "record"),
        new TestCaseData("html", "govuk", OutputMode.Record).SetArgDisplayNames("html", "govuk", "record"),
        new TestCaseData("html", "plain", OutputMode.Form).SetArgDisplayNames("html", "plain", "form"),
        new TestCaseData("html", "govuk", OutputMode.Form).SetArgDisplayNames("html", "govuk", "form"),
        new TestCaseData("text", "plain", OutputMode.Record).SetArgDisplayNames("text", "record"),
        new TestCaseData("pdf", "plain", OutputMode.Record).SetArgDisplayNames("pdf", "record"),
    ];

    [TestCaseSource(nameof(Outputs))]
    public void A_record_with_2500_chronology_entries_ends_with_its_last_entry_and_last_section(string format, string theme, OutputMode mode)
    {
        var entries = new JsonArray();
        for (var i = 1; i <= 2500; i++)
        {
            entries.Add(new JsonObject { ["when"] = "2026-01-01", ["what"] = $"Visit number {i:D4} to the family home; the children were seen together." });
        }

        var answers = new JsonObject
        {
            ["chronology"] = new JsonObject { ["entries"] = entries },
            ["analysis"] = new JsonObject { ["summary"] = "The family's own account closes the record." },
        };

        var output = Render(format, theme, mode, answers);
        Assert.That(output.Contains("Visit number 2500 to the family home", StringComparison.Ordinal), Is.True, "the last entry");
        AssertContains(output, LastSectionTitle, "the last section");
        if (mode == OutputMode.Record)
        {
            AssertContains(output, "The family's own account closes the record.", "the last answer");
        }

        AssertEndsWhole(format, output);
    }

    [TestCaseSource(nameof(Outputs))]
    public void A_one_million_character_answer_is_kept_to_its_last_character(string format, string theme, OutputMode mode)
    {
        var answer = LongAnswer(1_000_000);
        var answers = new JsonObject { ["analysis"] = new JsonObject { ["summary"] = answer } };

        var output = Render(format, theme, mode, answers);
        AssertContains(output, LastSectionTitle, "the last section");
        if (format == "pdf")
        {
            // Text read back from a PDF comes in lines with each page's running header and footer between them;
            // every word of the answer must still be there, in order, to the last.
            var words = PdfTestHelpers.Words(output).Split(' ').Where(w => w.StartsWith('w') || w.StartsWith("LAST-", StringComparison.Ordinal));
            Assert.That(words, Is.EqualTo(answer.Split(' ')), "every word of the answer, to the last");
        }
        else
        {
            Assert.That(output.Contains(answer, StringComparison.Ordinal), Is.True, "the whole answer, to its last character");
        }

        AssertEndsWhole(format, output);
    }

    [Test]
    public void A_host_template_that_reaches_the_value_limit_fails_rather_than_cutting_the_answer()
    {
        var folder = TempFolder();
        File.WriteAllText(Path.Combine(folder, "answer-row.sbn"), "<div class=\"council-row\">{{ answer }}</div>");
        var view = View(new JsonObject { ["analysis"] = new JsonObject { ["summary"] = LongAnswer(2_000_000) } });

        var error = Assert.Throws<HtmlTemplateException>(() => new HtmlRenderer().RenderToString(view, new RenderOptions { TemplateFolder = folder }))!;
        Assert.That(error.Template, Does.EndWith("answer-row.sbn"));
        Assert.That(error.Message, Does.Contain("LimitToString").And.Contain("HtmlRenderer.Limits"), "names the limit a host can raise");
    }

    [Test]
    public void A_host_template_that_reaches_the_output_limit_fails_rather_than_writing_part_of_it()
    {
        var folder = TempFolder();
        File.WriteAllText(Path.Combine(folder, "answer-row.sbn"), "<div class=\"council-row\">{{ answer }}</div>");
        var view = View(new JsonObject { ["analysis"] = new JsonObject { ["summary"] = LongAnswer(5_000) } });
        var renderer = new HtmlRenderer { Limits = new HtmlTemplateLimits { OutputLimit = 1_000 } };

        var error = Assert.Throws<HtmlTemplateException>(() => renderer.RenderToString(view, new RenderOptions { TemplateFolder = folder }))!;
        Assert.That(error.Message, Does.Contain("OutputLimit"));
    }

    [Test]
    public void Built_in_templates_run_without_the_host_limits_when_a_host_replaces_another_template()
    {
        var folder = TempFolder();
        File.WriteAllText(Path.Combine(folder, "question-date.sbn"), "<p class=\"council-date\">{{ answer }}</p>");
        var entries = new JsonArray();
        for (var i = 1; i <= 300; i++)
        {
            entries.Add(new JsonObject { ["what"] = $"Visit {i:D4}. " + new string('x', 5_000) });
        }

        var view = View(new JsonObject { ["chronology"] = new JsonObject { ["entries"] = entries } });
        var renderer = new HtmlRenderer { Limits = new HtmlTemplateLimits { LoopLimit = 100, OutputLimit = 100_000, LimitToString = 100_000 } };

        var html = renderer.RenderToString(view, new RenderOptions { TemplateFolder = folder });
        AssertContains(html, "Visit 0300.", "the last of 300 entries, past the host's loop limit of 100");
        AssertContains(html, LastSectionTitle, "the last section, past the host's output limit");
    }

    /// <summary>About <paramref name="length"/> characters of numbered words, ending with a word found nowhere else.</summary>
    private static string LongAnswer(int length)
    {
        var text = new StringBuilder(length + 32);
        for (var i = 0; text.Length < length - 20; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"w{i:D6} ");
        }

        return text.Append("LAST-WORD-Z9").ToString();
    }

    private static void AssertEndsWhole(string format, string output)
    {
        if (format == "html")
        {
            Assert.That(output.TrimEnd().EndsWith("</html>", StringComparison.Ordinal), Is.True, "the page ends with its closing tag");
        }
    }

    // A failure message that quotes a megabyte of output helps nobody: say what is missing instead.
    private static void AssertContains(string output, string expected, string what) =>
        Assert.That(output.Contains(expected, StringComparison.Ordinal) || output.Contains(System.Net.WebUtility.HtmlEncode(expected), StringComparison.Ordinal), Is.True, $"{what}: `{expected}`");

    private static FormView View(JsonObject answers) => FormViewBuilder.Build(TestTemplates.Open(answers.ToJsonString(), Template));

    private readonly List<string> _folders = [];

    [TearDown]
    public void DeleteFolders()
    {
        // NUnit runs every test of a fixture on one instance, so the list is emptied as it is used.
        _folders.ForEach(f => Directory.Delete(f, recursive: true));
        _folders.Clear();
    }

    private string TempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "formengine-whole-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        _folders.Add(folder);
        return folder;
    }

    private static string Render(string format, string theme, OutputMode mode, JsonObject answers)
    {
        var view = View(answers);
        var renderer = FormRenderers.CreateDefault().Find(format)!;
        using var stream = new MemoryStream();
        renderer.Render(view, new RenderOptions { Mode = mode, Theme = theme }, stream);
        var bytes = stream.ToArray();
        return format == "pdf" ? PdfTestHelpers.AllText(bytes) : Encoding.UTF8.GetString(bytes);
    }
}
