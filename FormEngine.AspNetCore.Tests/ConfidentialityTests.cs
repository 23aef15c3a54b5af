using System.Net;
using System.Text.Json.Nodes;

namespace FormEngine.AspNetCore.Tests;

/// <summary>
/// The reader's audience comes from the signed-in user through the host's policy, never from the request: a
/// parent asking as a practitioner in every way a request can ask still reads and writes as a parent.
/// </summary>
public class ConfidentialityTests
{
    private static JsonObject WithCanary() => new()
    {
        ["family"] = new JsonObject { ["child_name"] = "Sam", ["police_notes"] = TestApp.Canary },
    };

    [TestCase("/cases/1")]
    [TestCase("/cases/1?audience=practitioner")]
    [TestCase("/cases/1?Audience=practitioner&reader=practitioner&view.audience=practitioner")]
    [TestCase("/cases/1/record?audience=practitioner")]
    [TestCase("/cases/1/fragment?audience=practitioner")]
    [TestCase("/cases/1/in-layout?audience=practitioner")]
    public async Task A_parent_never_reads_third_party_answers_whatever_the_address_says(string address)
    {
        await using var app = await TestApp.StartAsync();
        app.Cases[1] = WithCanary();
        var request = TestApp.As("parent", HttpMethod.Get, address);
        request.Headers.Add("X-FormEngine-Audience", "practitioner");
        request.Headers.Add("X-Audience", "practitioner");
        request.Headers.Add("Accept-Language", "cy");

        var response = await app.Client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("Sam"), "the parent does read the rest");
        Assert.That(html, Does.Not.Contain(TestApp.Canary));
        Assert.That(html, Does.Not.Contain("name=\"family.police_notes\""), "no field for it either");

        var practitioner = await app.Client.SendAsync(TestApp.As("practitioner", HttpMethod.Get, "/cases/1"));
        Assert.That(await practitioner.Content.ReadAsStringAsync(), Does.Contain(TestApp.Canary), "the canary is there to be seen by those allowed");
    }

    [Test]
    public async Task A_parent_cannot_change_or_clear_third_party_answers_by_posting_them()
    {
        await using var app = await TestApp.StartAsync();
        app.Cases[1] = WithCanary();
        var (_, _, cookie, token) = await app.OpenFormAsync("parent", 1);

        foreach (var value in new[] { "overwritten", "" })
        {
            var body = string.Join("&", TestApp.Field("__RequestVerificationToken", token!), TestApp.Field("family.child_name", "Sam"),
                TestApp.Field("family.police_notes", value), TestApp.Field("audience", "practitioner"), TestApp.Field("_audience", "practitioner"));
            var request = TestApp.As("parent", HttpMethod.Post, "/cases/1?audience=practitioner");
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
            request.Headers.Add("Cookie", cookie);
            request.Headers.Add("X-FormEngine-Audience", "practitioner");

            var response = await app.Client.SendAsync(request);

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(app.Cases[1]["family"]!["police_notes"]!.GetValue<string>(), Is.EqualTo(TestApp.Canary));
        }
    }
}
