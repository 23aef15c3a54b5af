using System.Net;
using System.Text;

namespace FormEngine.BrowserTests;

/// <summary>
/// The preview under hostile requests: other web pages the author has open must not be able to change or
/// evict the preview's answers, and oversized or malformed posts get 400 or 413, never a 500. These need no
/// browser and always run.
/// </summary>
[TestFixture]
public sealed class PreviewHardeningTests
{
    private RunningPreview? _preview;

    private HttpClient Client => _preview!.Client;

    [SetUp]
    public async Task StartPreview() =>
        _preview = await RunningPreview.StartAsync(TestFiles.CopyExample("single-assessment"), "single-assessment.yaml", followRedirects: false);

    [TearDown]
    public async Task StopPreview()
    {
        if (_preview is not null)
        {
            await _preview.DisposeAsync();
        }
    }

    [Test]
    public async Task A_post_from_another_site_is_refused_and_changes_nothing()
    {
        await Send(HttpMethod.Get, "/");
        using var request = Form("/answers", ("_shown", "child.name"), ("child.name", "Planted"));
        request.Headers.Add("Origin", "https://attacker.example");
        var response = await Client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await Answers(), Does.Not.Contain("Planted"));
    }

    [Test]
    public async Task A_post_from_the_preview_itself_is_accepted()
    {
        using var request = Form("/answers", ("_shown", "child.name"), ("child.name", "Sam"));
        request.Headers.Add("Origin", _preview!.Server.Address.GetLeftPart(UriPartial.Authority));
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        var response = await Client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(await Answers(), Does.Contain("Sam"));
    }

    [Test]
    public async Task A_cross_site_request_without_an_origin_is_refused_by_its_fetch_metadata()
    {
        using var request = Form("/reset");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        Assert.That((await Client.SendAsync(request)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [TestCase("same-origin", HttpStatusCode.Redirect)]
    [TestCase("cross-site", HttpStatusCode.Forbidden)]
    [TestCase(null, HttpStatusCode.Forbidden)]
    public async Task An_opaque_origin_is_judged_by_the_fetch_metadata(string? site, HttpStatusCode expected)
    {
        // Browsers send "Origin: null" from sandboxed frames and under a no-referrer policy.
        using var request = Form("/reset");
        request.Headers.Add("Origin", "null");
        if (site is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", site);
        }

        Assert.That((await Client.SendAsync(request)).StatusCode, Is.EqualTo(expected));
    }

    [Test]
    public async Task Requests_without_the_cookie_cannot_evict_the_authors_answers()
    {
        using (var answer = Form("/answers", ("_shown", "child.name"), ("child.name", "Sam")))
        {
            await Client.SendAsync(answer);
        }

        // Any web page can make the author's browser fetch the preview, e.g. with <img> tags: no cookie is sent.
        using var stranger = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = _preview!.Server.Address };
        for (var i = 0; i < 250; i++)
        {
            using var response = await stranger.GetAsync("/");
        }

        Assert.That(await Answers(), Does.Contain("Sam"));
    }

    [Test]
    public async Task A_post_with_too_many_fields_gets_400()
    {
        var fields = Enumerable.Range(0, 5000).Select(i => ("_shown", $"child.f{i}")).ToArray();
        using var request = Form("/answers", fields);
        Assert.That((await Client.SendAsync(request)).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task A_post_larger_than_the_limit_gets_413()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/answers")
        {
            Content = new StringContent("child.name=" + new string('a', 20 * 1024 * 1024), Encoding.ASCII, "application/x-www-form-urlencoded"),
        };
        // As browsers and well-behaved clients may: ask first, so the refusal arrives before the body is sent.
        request.Headers.ExpectContinue = true;
        Assert.That((await Client.SendAsync(request)).StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task A_malformed_multipart_upload_gets_400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/upload")
        {
            Content = new StringContent("--b\r\nContent-Disposition: form-data; name=\"answers\"; filename=\"a.json\"\r\n\r\n{\"child\":", Encoding.ASCII),
        };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        Assert.That((await Client.SendAsync(request)).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [TestCase("_add", "junk")]
    [TestCase("_add", "household.members[999999]")]
    [TestCase("_add", "household")]
    [TestCase("_remove", "household.members[-1]")]
    [TestCase("_remove", "household.members[99999999999]")]
    [TestCase("_shown", "household.members[99999999999].name")]
    [TestCase("_shown", "child..name")]
    [TestCase("_shown", "child.dob")]
    public async Task Junk_fields_are_ignored_without_an_error(string name, string value)
    {
        using var request = Form("/answers", (name, value), ("child.dob-day", "99999999999999999999"));
        var response = await Client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await Send(HttpMethod.Get, "/")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private static HttpRequestMessage Form(string path, params (string Name, string Value)[] fields) =>
        new(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))) };

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path) => await Client.SendAsync(new HttpRequestMessage(method, path));

    private async Task<string> Answers() => await (await Send(HttpMethod.Get, "/answers.json")).Content.ReadAsStringAsync();
}
