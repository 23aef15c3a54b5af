using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace FormEngine.AspNetCore.Tests;

/// <summary>Hostile and broken posts: each gets a clear answer, never a 500, and nothing is stored.</summary>
public class BadPostTests
{
    private static readonly JsonObject Stored = new() { ["family"] = new JsonObject { ["child_name"] = "Sam", ["age"] = 7 } };

    /// <summary>The stored answers without the <c>$template</c> stamp a save adds: only answers are compared.</summary>
    private static string Answers(JsonObject stored)
    {
        var answers = (JsonObject)stored.DeepClone();
        answers.Remove("$template");
        return answers.ToJsonString();
    }

    private static async Task<(TestApp App, string Cookie, string Token)> Open(Action<FormEngineOptions>? configure = null)
    {
        var app = await TestApp.StartAsync(configure: configure);
        app.Cases[1] = Stored.DeepClone().AsObject();
        var (_, _, cookie, token) = await app.OpenFormAsync("practitioner", 1);
        return (app, cookie!, token!);
    }

    private static string WithToken(string token, string rest) => TestApp.Field("__RequestVerificationToken", token) + "&" + rest;

    private static async Task AssertRefused(HttpResponseMessage response, HttpStatusCode status, string words, TestApp app)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(body, Does.Contain(words));
        Assert.That(Answers(app.Cases[1]), Is.EqualTo(Stored.ToJsonString()), "nothing stored");
    }

    [Test]
    public async Task An_oversized_body_is_answered_413()
    {
        var (app, cookie, token) = await Open(o => o.MaxPostBytes = 10_000);
        await using var _ = app;

        var response = await app.PostAsync("practitioner", 1, WithToken(token, TestApp.Field("family.child_name", new string('a', 20_000))), cookie);

        await AssertRefused(response, HttpStatusCode.RequestEntityTooLarge, "at most 10,000 bytes", app);
    }

    [Test]
    public async Task An_oversized_body_without_a_length_is_cut_off_and_answered_413()
    {
        var (app, cookie, token) = await Open(o => o.MaxPostBytes = 10_000);
        await using var _ = app;
        var request = TestApp.As("practitioner", HttpMethod.Post, "/cases/1");
        // A stream content of unknown length is sent chunked, with no Content-Length to refuse up front.
        request.Content = new StreamContent(new NoLengthStream(Encoding.UTF8.GetBytes(WithToken(token, TestApp.Field("family.child_name", new string('a', 50_000))))));
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");
        request.Headers.Add("Cookie", cookie);

        var response = await app.Client.SendAsync(request);

        await AssertRefused(response, HttpStatusCode.RequestEntityTooLarge, "at most 10,000 bytes", app);
    }

    [Test]
    public async Task Thousands_of_fields_are_answered_400()
    {
        var (app, cookie, token) = await Open();
        await using var _ = app;
        var fields = string.Join("&", Enumerable.Range(0, 6000).Select(i => $"f{i}=x"));

        var response = await app.PostAsync("practitioner", 1, WithToken(token, fields), cookie);

        await AssertRefused(response, HttpStatusCode.BadRequest, "6,001 fields; at most 5,000", app);
    }

    [Test]
    public async Task Invalid_utf8_is_answered_400()
    {
        var (app, cookie, token) = await Open();
        await using var _ = app;
        var body = Encoding.ASCII.GetBytes(WithToken(token, "family.child_name=")).Concat(new byte[] { 0xC3, 0x28, 0xFF }).ToArray();

        var response = await app.PostBytesAsync("practitioner", 1, body, cookie);

        await AssertRefused(response, HttpStatusCode.BadRequest, "is not UTF-8", app);
    }

    [TestCase("family.child_name=%E2%82")]
    [TestCase("family.child_name=%ZZ")]
    public async Task Broken_escapes_are_answered_400(string field)
    {
        var (app, cookie, token) = await Open();
        await using var _ = app;

        var response = await app.PostAsync("practitioner", 1, WithToken(token, field), cookie);

        await AssertRefused(response, HttpStatusCode.BadRequest, "Nothing was saved", app);
    }

    [Test]
    public async Task A_post_that_is_not_url_encoded_is_answered_415()
    {
        var (app, cookie, token) = await Open();
        await using var _ = app;

        var response = await app.PostAsync("practitioner", 1, "{\"family\":{}}", cookie, "application/json");

        await AssertRefused(response, HttpStatusCode.UnsupportedMediaType, "application/x-www-form-urlencoded", app);
    }

    [TestCase("family.child_name[99999999]=x")]
    [TestCase("household.members[-1].name=x")]
    [TestCase("household.members[99999999].name=x")]
    [TestCase("household.members[0].name=x")]
    [TestCase("..%2F..%2Fetc%2Fpasswd=x")]
    [TestCase("%00=x")]
    [TestCase("family=x")]
    [TestCase("family.child_name.day=1")]
    [TestCase("_remove=household.members%5B99999999%5D")]
    [TestCase("_remove=household.members%5B-1%5D")]
    [TestCase("_add=family.child_name")]
    public async Task Field_names_and_indexes_the_page_does_not_have_change_nothing(string field)
    {
        var (app, cookie, token) = await Open();
        await using var _ = app;

        // The page's own fields, unchanged, plus the odd one.
        var response = await app.PostAsync("practitioner", 1, WithToken(token, "family.child_name=Sam&family.age=7&" + field), cookie);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        Assert.That(Answers(app.Cases[1]), Is.EqualTo(Stored.ToJsonString()));
    }

    [Test]
    public async Task A_field_sent_twice_is_not_stored_either_way()
    {
        var (app, cookie, token) = await Open();
        await using var _ = app;

        var response = await app.PostAsync("practitioner", 1, WithToken(token, "family.child_name=Ann&family.child_name=Bob&family.age=7"), cookie);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(app.Cases[1]["family"]!["child_name"]!.GetValue<string>(), Is.EqualTo("Sam"));
    }

    /// <summary>A body whose length is not known in advance, so it is sent chunked.</summary>
    private sealed class NoLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
