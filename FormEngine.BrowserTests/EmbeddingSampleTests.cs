using System.Net;
using System.Text.Json.Nodes;
using EmbeddingSample;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace FormEngine.BrowserTests;

/// <summary>
/// The embedding sample end to end over HTTP (no browser needed, so it always runs): a case is created,
/// answered, read back by a second instance of the application from the same SQLite file, and printed as a PDF.
/// </summary>
[TestFixture]
public sealed class EmbeddingSampleTests
{
    [Test]
    public async Task A_case_is_created_answered_stored_reloaded_by_a_new_instance_and_printed()
    {
        var data = Path.Combine(Path.GetTempPath(), "formengine-tests", Guid.NewGuid().ToString("N"));
        try
        {
            long id;
            await using (var first = await Start(data))
            {
                using var client = first.Client;
                var created = await client.PostAsync("/cases", Form(("reference", "CIN-2026-0042"), ("template", "single_assessment")));
                Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
                id = long.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

                var form = await client.GetStringAsync($"/cases/{id}");
                Assert.That(form, Does.Contain("name=\"child.has_disability\"").And.Not.Contain("id=\"f-disability\""));

                await client.PostAsync($"/cases/{id}", Form(("child.name", "Ffion <Jones>"), ("child.has_disability", "yes")));
                form = await client.GetStringAsync($"/cases/{id}");
                Assert.That(form, Does.Contain("id=\"f-disability\""), "the disability section appears once the answer is saved");
                Assert.That(form, Does.Contain("value=\"Ffion &lt;Jones&gt;\""), "answers are written back encoded");

                await client.PostAsync($"/cases/{id}", Form(("child.name", "Ffion <Jones>"), ("child.has_disability", "yes"), ("disability.types", "COMM"), ("disability.types", "MOB")));
            }

            Assert.That(File.Exists(Path.Combine(data, "cases.db")), Is.True);

            // A new instance on the same database: nothing lives in memory between them.
            await using var second = await Start(data);
            using var again = second.Client;
            var list = await again.GetStringAsync("/");
            Assert.That(list, Does.Contain("CIN-2026-0042"));

            var answers = JsonNode.Parse(await again.GetStringAsync($"/cases/{id}/answers.json"))!.AsObject();
            // The stored answers name the template and version that made them.
            Assert.That(answers["$template"]?["id"]?.GetValue<string>(), Is.EqualTo("single_assessment"));
            answers.Remove("$template");
            // Ticked boxes are stored in the choice list's order, whatever order the browser sent them in.
            var expected = JsonNode.Parse("""{"child":{"name":"Ffion <Jones>","has_disability":"yes"},"disability":{"types":["MOB","COMM"]}}""");
            Assert.That(JsonNode.DeepEquals(answers, expected), Is.True, answers.ToJsonString());

            var page = await again.GetStringAsync($"/cases/{id}");
            Assert.That(page, Does.Contain("value=\"COMM\" checked=\"checked\""));

            var pdf = await again.GetAsync($"/cases/{id}/record.pdf");
            Assert.That(pdf.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
            using var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
            var text = string.Join("\n", document.GetPages().Select(p => p.Text));
            Assert.That(text, Does.Contain("Ffion <Jones>").And.Contain("CIN-2026-0042").And.Contain("Communication"));
        }
        finally
        {
            TestFiles.DeleteQuietly(data);
        }
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    private static async Task<RunningSample> Start(string data)
    {
        var app = SampleApp.Build(["--urls", "http://127.0.0.1:0", "--DataFolder", data, "--Templates", TestFiles.Examples, "--Logging:LogLevel:Default", "Warning"]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningSample(app, new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address) });
    }

    private sealed record RunningSample(WebApplication App, HttpClient Client) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}
