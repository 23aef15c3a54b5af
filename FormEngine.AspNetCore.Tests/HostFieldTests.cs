using System.Net;
using System.Text.Json.Nodes;

namespace FormEngine.AspNetCore.Tests;

/// <summary>A host's own hidden fields (FormPage.HiddenFields) are written into the form and read back after the post is bound, with or without antiforgery.</summary>
public class HostFieldTests
{
    [TestCase(true)]
    [TestCase(false)]
    public async Task A_hidden_field_of_the_hosts_is_carried_by_the_form_and_readable_after_binding_without_counting_as_unknown(bool antiforgery)
    {
        await using var app = await TestApp.StartAsync(antiforgery: antiforgery);
        app.Cases[1] = new JsonObject();
        var form = await app.Client.SendAsync(TestApp.As("practitioner", HttpMethod.Get, "/cases/1/stamped"));
        var html = await form.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("name=\"stamp\" value=\"42\""));

        var fields = new List<string> { TestApp.Field("stamp", "41"), TestApp.Field("family.child_name", "Sam") };
        string? cookie = null;
        if (antiforgery)
        {
            var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
            cookie = form.Headers.GetValues("Set-Cookie").First().Split(';')[0];
            fields.Add(TestApp.Field("__RequestVerificationToken", token));
        }

        var request = TestApp.As("practitioner", HttpMethod.Post, "/cases/1/stamped");
        request.Content = new StringContent(string.Join("&", fields), System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        var saved = await app.Client.SendAsync(request);
        var body = await saved.Content.ReadAsStringAsync();
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        var result = JsonNode.Parse(body)!;
        Assert.That(result["stamp"]!.GetValue<string>(), Is.EqualTo("41"), "the host reads what the post sent for its field");
        Assert.That(result["ignored"]!.AsArray().Select(n => n!.GetValue<string>()), Does.Not.Contain("stamp"));
        Assert.That(app.Cases[1]["family"]!["child_name"]!.GetValue<string>(), Is.EqualTo("Sam"));
    }
}
