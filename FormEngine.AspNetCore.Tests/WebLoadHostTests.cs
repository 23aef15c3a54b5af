using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using FormEngine.Benchmarks.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace FormEngine.AspNetCore.Tests;

/// <summary>
/// The web load test's host (FormEngine.Benchmarks.Web, measured with wrk by its measure.sh) serves what the
/// benchmark says it does: the form page, a post that is accepted as the load generator replays it, and the same
/// page's bytes from memory. Timing is not tested here.
/// </summary>
[NonParallelizable]
public sealed partial class WebLoadHostTests
{
    private WebApplication _host = null!;
    private Uri _address = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task StartHost()
    {
        _host = LoadHost.Build(["--urls", "http://127.0.0.1:0", "--Examples=" + Examples()]);
        await _host.StartAsync();
        _address = new Uri(_host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/");
        // As wrk sends them: its own headers only, no cookies kept, no redirects followed.
        _client = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = _address };
    }

    [OneTimeTearDown]
    public async Task StopHost()
    {
        _client.Dispose();
        await _host.StopAsync();
        await _host.DisposeAsync();
    }

    [Test]
    public async Task The_prepared_post_is_accepted_when_replayed_again_and_again()
    {
        var prepared = await PreparedPost.GetAsync(_address);

        Assert.That(prepared.Body, Does.StartWith("__RequestVerificationToken=").And.Contain("child.name=Leo+Price"));
        for (var i = 0; i < 3; i++)
        {
            using var response = await _client.SendAsync(prepared.Post());
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo(LoadHost.CasePath + "?saved=true"));
        }
    }

    [Test]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var prepared = await PreparedPost.GetAsync(_address);
        var withoutToken = prepared with { Body = TokenField().Replace(prepared.Body, string.Empty) };

        using var response = await _client.SendAsync(withoutToken.Post());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task The_form_page_needs_the_sign_in_cookie()
    {
        using var response = await _client.GetAsync(LoadHost.CasePath);

        Assert.That((int)response.StatusCode, Is.EqualTo(302).Or.EqualTo(401), "the form is not served to someone not signed in");
    }

    [Test]
    public async Task The_ceiling_sends_the_form_pages_bytes()
    {
        var prepared = await PreparedPost.GetAsync(_address);
        using var form = await _client.SendAsync(prepared.Get());
        using var ceiling = await _client.GetAsync(LoadHost.CeilingPath);
        Assert.That(form.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(ceiling.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var formBytes = await form.Content.ReadAsByteArrayAsync();
        var ceilingBytes = await ceiling.Content.ReadAsByteArrayAsync();

        // Only the per-response nonce and antiforgery token differ, and they are the same length.
        Assert.That(ceilingBytes, Has.Length.EqualTo(formBytes.Length));
        Assert.That(PerResponse(ceilingBytes), Is.EqualTo(PerResponse(formBytes)));
        Assert.That(PerResponse(formBytes), Does.Contain("Leo Price").And.Contain("<form"));
    }

    private static string PerResponse(byte[] page) => PerResponseValue().Replace(Encoding.UTF8.GetString(page), "$1=\"…\"");

    private static string Examples()
    {
        for (var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); folder is not null; folder = folder.Parent)
        {
            if (Directory.Exists(Path.Combine(folder.FullName, "examples", "single-assessment")))
            {
                return Path.Combine(folder.FullName, "examples");
            }
        }

        throw new DirectoryNotFoundException("No examples folder above the test directory.");
    }

    [GeneratedRegex("__RequestVerificationToken=[^&]*&?")]
    private static partial Regex TokenField();

    [GeneratedRegex("(nonce|value)=\"[A-Za-z0-9+/=_-]{20,}\"")]
    private static partial Regex PerResponseValue();
}
