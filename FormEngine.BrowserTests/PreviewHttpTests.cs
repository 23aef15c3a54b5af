using System.Net;
using System.Text.Json.Nodes;
using FormEngine.Cli.Preview;

namespace FormEngine.BrowserTests;

/// <summary>
/// The preview over plain HTTP, as a browser without JavaScript uses it; these need no browser and always run.
/// </summary>
[TestFixture]
public sealed class PreviewHttpTests
{
    private RunningPreview? _preview;

    private PreviewServer Server => _preview!.Server;

    private HttpClient Client => _preview!.Client;

    private string TemplatePath => _preview!.TemplatePath;

    [SetUp]
    public async Task StartPreview() =>
        _preview = await RunningPreview.StartAsync(TestFiles.CopyExample("single-assessment"), "single-assessment.yaml");

    [TearDown]
    public async Task StopPreview()
    {
        if (_preview is not null)
        {
            await _preview.DisposeAsync();
        }
    }

    [Test]
    public async Task Posting_an_answer_reveals_the_section_announces_it_and_encodes_what_was_typed()
    {
        var page = await Post("/answers", ("_shown", "child.has_disability"), ("child.has_disability", "yes"), ("_shown", "child.name"), ("child.name", "<script>alert(1)</script>"));

        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("id=\"f-disability\""));
            Assert.That(page, Does.Contain("The section ‘The child&#39;s disability’ is now shown."));
            Assert.That(page, Does.Contain("&lt;script&gt;alert(1)&lt;/script&gt;").And.Not.Contain("<script>alert(1)"));
            Assert.That(page, Does.Contain("aria-controls=\"f-disability\""));
        });
    }

    [Test]
    public async Task A_broken_template_shows_file_line_column_and_source_line_above_the_last_good_version()
    {
        var original = await File.ReadAllTextAsync(TemplatePath);
        await File.WriteAllTextAsync(TemplatePath, original.Replace("show_if: child.has_disability = 'yes'", "show_if: child.has_disabilty = 'yes'", StringComparison.Ordinal));
        Server.Template.Reload();

        var page = await Client.GetStringAsync("/");
        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("class=\"fe-preview-errors\""));
            var line = original[..original.IndexOf("show_if: child.has_disability = 'yes'", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
            Assert.That(page, Does.Match($@"single-assessment\.yaml:{line}:\d+"));
            Assert.That(page, Does.Contain("show_if: child.has_disabilty = &#39;yes&#39;"), "the offending line, encoded");
            Assert.That(page, Does.Contain("<form method=\"post\" action=\"/answers\""), "the last good version is still there");
        });

        await File.WriteAllTextAsync(TemplatePath, original);
        Server.Template.Reload();
        Assert.That(await Client.GetStringAsync("/"), Does.Not.Contain("class=\"fe-preview-errors\""));
    }

    [Test]
    public async Task A_rule_that_can_never_hold_is_shown_beside_errors_above_the_working_form()
    {
        var original = await File.ReadAllTextAsync(TemplatePath);
        await File.WriteAllTextAsync(TemplatePath, original.Replace("show_if: child.has_disability = 'yes'", "show_if: child.has_disability = 'Yes'", StringComparison.Ordinal));
        Server.Template.Reload();

        var page = await Client.GetStringAsync("/");
        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("class=\"fe-preview-errors fe-preview-errors--warnings\""));
            Assert.That(page, Does.Contain("The template has 1 warning to look at"));
            Assert.That(page, Does.Contain("warning FET0022"));
            Assert.That(page, Does.Contain("show_if: child.has_disability = &#39;Yes&#39;"), "the offending line, encoded");
            Assert.That(page, Does.Contain("<form method=\"post\" action=\"/answers\""), "the form works");
        });
    }

    [Test]
    public async Task The_toolbar_shows_the_template_version_not_how_often_it_was_reloaded()
    {
        var original = await File.ReadAllTextAsync(TemplatePath);
        await File.WriteAllTextAsync(TemplatePath, original.Replace("\nversion: 1\n", "\nversion: 7\n", StringComparison.Ordinal));
        Server.Template.Reload();
        Server.Template.Reload();

        var page = await Client.GetStringAsync("/");
        // The file watcher may reload too, so the count is at least the two asked for.
        var reloads = int.Parse(await Client.GetStringAsync("/reloads"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("</code> (version 7)."));
            Assert.That(reloads, Is.GreaterThanOrEqualTo(2));
            Assert.That(page, Does.Contain("data-preview-reload=\""), "the reload count is only for the page to notice a change");
        });
    }

    [Test]
    public async Task Downloads_the_pdf_and_the_answers_and_explains_a_path()
    {
        await Post("/answers", ("_shown", "child.has_disability"), ("child.has_disability", "no"));

        var pdf = await Client.GetByteArrayAsync("/download.pdf");
        var answers = await Client.GetStringAsync("/answers.json");
        var explain = await Client.GetStringAsync("/explain?path=disability");
        Assert.Multiple(() =>
        {
            Assert.That(System.Text.Encoding.ASCII.GetString(pdf, 0, 5), Is.EqualTo("%PDF-"));
            Assert.That(JsonNode.Parse(answers)!["child"]!["has_disability"]!.GetValue<string>(), Is.EqualTo("no"));
            Assert.That(explain, Does.StartWith("disability is hidden."));
        });
    }

    [Test]
    public async Task Refuses_requests_for_other_host_names()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = "preview.example";
        var response = await Client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    private Task<string> Post(string path, params (string Name, string Value)[] fields) => _preview!.PostAsync(path, fields);
}
