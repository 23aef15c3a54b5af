using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FormEngine.AspNetCore.Tests;

/// <summary>The headers a host gets without asking, and pages that satisfy them.</summary>
public partial class SecurityHeaderTests
{
    [TestCase("plain", "/cases/1")]
    [TestCase("govuk", "/cases/1")]
    [TestCase("plain", "/cases/1/record")]
    [TestCase("plain", "/blank")]
    public async Task Pages_are_served_with_a_strict_policy_they_satisfy(string theme, string address)
    {
        await using var app = await TestApp.StartAsync(theme: theme);
        app.Cases[1] = new JsonObject { ["family"] = new JsonObject { ["child_name"] = "Sam" } };

        var response = await app.Client.SendAsync(TestApp.As("practitioner", HttpMethod.Get, address));
        var html = await response.Content.ReadAsStringAsync();
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var nonce = Nonce().Match(policy).Groups[1].Value;

        Assert.That(policy, Does.Contain("frame-ancestors 'none'").And.Contain("default-src 'self'").And.Not.Contain("unsafe-inline"));
        Assert.That(nonce, Has.Length.GreaterThanOrEqualTo(20));
        Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
        Assert.That(response.Headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "DENY" }));
        foreach (Match inline in InlineElement().Matches(html))
        {
            Assert.That(inline.Value, Does.Contain($"nonce=\"{nonce}\""), "every inline script and style carries this response's nonce");
        }

        Assert.That(html, Does.Not.Contain(" style=\"").And.Not.Contain(" onclick=").And.Not.Contain("javascript:"), "nothing inline that a nonce cannot allow");

        var second = await app.Client.SendAsync(TestApp.As("practitioner", HttpMethod.Get, address));
        Assert.That(Nonce().Match(string.Join(";", second.Headers.GetValues("Content-Security-Policy"))).Groups[1].Value, Is.Not.EqualTo(nonce), "a new nonce per response");
    }

    [Test]
    public async Task A_host_can_send_its_own_policy_or_none()
    {
        await using var app = await TestApp.StartAsync(configure: o => o.ContentSecurityPolicy = null);
        app.Cases[1] = new JsonObject();

        var response = await app.Client.SendAsync(TestApp.As("practitioner", HttpMethod.Get, "/cases/1"));

        Assert.That(response.Headers.Contains("Content-Security-Policy"), Is.False);
        Assert.That(response.Headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "DENY" }));
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex Nonce();

    [GeneratedRegex("<(script|style)(?![^>]*\\bsrc=)[^>]*>")]
    private static partial Regex InlineElement();
}
