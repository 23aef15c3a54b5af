using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using EmbeddingSample;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace FormEngine.BrowserTests;

/// <summary>The embedding sample running on a free loopback port, on a SQLite file of the test's own.</summary>
internal sealed class RunningSample : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningSample(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<RunningSample> StartAsync(string database, string environment = "Development", string? templates = null)
    {
        var app = SampleApp.Build(["--urls", "http://127.0.0.1:0", "--environment", environment, "--ConnectionStrings:Records", $"Data Source={database}",
            "--Templates", templates ?? TestFiles.Examples, "--WebRoot", Path.Combine(TestFiles.Examples, "EmbeddingSample", "wwwroot"),
            "--Logging:LogLevel:Default", "Warning"]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningSample(app, new Uri(address));
    }

    /// <summary>A client with no credentials that does not follow redirects and keeps cookies.</summary>
    public HttpClient Anonymous() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = Address };

    /// <summary>A client for the JSON API, with HTTP Basic credentials.</summary>
    public HttpClient Api(string user, string password)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        return client;
    }

    /// <summary>A client signed in through the sign-in page, as a browser would be.</summary>
    public async Task<HttpClient> SignedInAsync(string user, string password)
    {
        var client = Anonymous();
        var page = await client.GetStringAsync("/sign-in");
        var signedIn = await client.PostAsync("/sign-in", Form(("__RequestVerificationToken", Token(page)), ("username", user), ("password", password), ("returnUrl", "/")));
        Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), $"{user} signs in");
        return client;
    }

    public static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    /// <summary>The antiforgery token of the first form on a page.</summary>
    public static string Token(string html) => HiddenField(html, "__RequestVerificationToken");

    /// <summary>The value of a hidden field on a page.</summary>
    public static string HiddenField(string html, string name)
    {
        var match = Regex.Match(html, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"");
        Assert.That(match.Success, Is.True, $"the page has a {name} field");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
