using System.Net;
using System.Text;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace FormEngine.Benchmarks.Web;

/// <summary>
/// What the load generator replays, got the way a browser gets it: sign in, open the form page, and submit the form
/// unchanged (the body a browser would send, antiforgery token included, built by AngleSharp's form submission), with
/// the cookies the host set (sign-in and antiforgery). Checked once before it is used: the form page must answer 200
/// to those cookies, and the post must be accepted (a redirect back to the form), not refused.
/// </summary>
/// <param name="Cookie">The <c>Cookie</c> header.</param>
/// <param name="Body">The <c>application/x-www-form-urlencoded</c> body.</param>
public sealed record PreparedPost(string Cookie, string Body)
{
    /// <summary>Gets and checks the post from a running host.</summary>
    /// <param name="host">The host's base address, e.g. <c>http://127.0.0.1:5080/</c>.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The post.</returns>
    public static async Task<PreparedPost> GetAsync(Uri host, CancellationToken cancellationToken = default)
    {
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = true }) { BaseAddress = host };
        using var page = await browser.GetAsync(LoadHost.SignInPath, cancellationToken);
        await ExpectAsync(page, HttpStatusCode.OK, "signing in and opening the form page", cancellationToken);
        var html = await page.Content.ReadAsStringAsync(cancellationToken);

        using var context = BrowsingContext.New(Configuration.Default);
        using var document = await context.OpenAsync(response => response.Content(html).Address(new Uri(host, LoadHost.CasePath)), cancellationToken);
        var form = document.QuerySelector<IHtmlFormElement>("form")
            ?? throw new InvalidOperationException("The form page has no <form>.");
        var submission = form.GetSubmission()
            ?? throw new InvalidOperationException("The form page's form cannot be submitted.");
        using var reader = new StreamReader(submission.Body, Encoding.UTF8);
        var prepared = new PreparedPost(cookies.GetCookieHeader(host), await reader.ReadToEndAsync(cancellationToken));

        using var replay = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = host };
        using var get = await replay.SendAsync(prepared.Get(), cancellationToken);
        await ExpectAsync(get, HttpStatusCode.OK, "opening the form page with the prepared cookies", cancellationToken);
        using var post = await replay.SendAsync(prepared.Post(), cancellationToken);
        await ExpectAsync(post, HttpStatusCode.Redirect, "posting the prepared form", cancellationToken);
        return prepared;
    }

    /// <summary>The form page requested as the signed-in browser requests it.</summary>
    /// <returns>The request.</returns>
    public HttpRequestMessage Get()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, LoadHost.CasePath);
        request.Headers.Add("Cookie", Cookie);
        return request;
    }

    /// <summary>The form posted as the signed-in browser posts it.</summary>
    /// <returns>The request.</returns>
    public HttpRequestMessage Post()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, LoadHost.CasePath)
        {
            Content = new StringContent(Body, Encoding.ASCII, "application/x-www-form-urlencoded"),
        };
        request.Content.Headers.ContentType!.CharSet = null;
        request.Headers.Add("Cookie", Cookie);
        return request;
    }

    /// <summary>Writes the post for the load generator: <c>cookie</c> and <c>post-body</c> in the folder.</summary>
    /// <param name="folder">The folder.</param>
    public void WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "cookie"), Cookie);
        File.WriteAllText(Path.Combine(folder, "post-body"), Body);
    }

    private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode status, string doing, CancellationToken cancellationToken)
    {
        if (response.StatusCode != status)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException($"The host answered {(int)response.StatusCode} {response.StatusCode} to {doing}, not {(int)status}: {body}");
        }
    }
}
