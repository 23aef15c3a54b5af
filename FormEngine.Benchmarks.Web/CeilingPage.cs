using FormEngine.AspNetCore;
using FormEngine.Evaluation;

namespace FormEngine.Benchmarks.Web;

/// <summary>
/// The form page as <c>GET /cases/1</c> sends it, rendered once through the same result (the same renderer, options,
/// antiforgery field and nonce lengths) into memory, for the endpoint that sends those bytes without any work.
/// </summary>
internal static class CeilingPage
{
    public static async Task<byte[]> RenderAsync(IServiceProvider services, FormSession session, FormPage page)
    {
        await using var scope = services.CreateAsyncScope();
        using var body = new MemoryStream();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider, User = LoadHost.Practitioner() };
        http.Request.Scheme = "http";
        http.Request.Host = new HostString("127.0.0.1");
        http.Request.Path = LoadHost.CasePath;
        http.Response.Body = body;
        await FormResults.Form(session, page).ExecuteAsync(http);
        if (http.Response.StatusCode != StatusCodes.Status200OK || body.Length == 0)
        {
            throw new InvalidOperationException($"The form page for the ceiling endpoint rendered with status {http.Response.StatusCode} and {body.Length} bytes.");
        }

        return body.ToArray();
    }
}
