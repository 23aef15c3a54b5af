using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace FormEngine.AspNetCore;

/// <summary>
/// Adds FormEngine's safe response headers to every response that does not set its own: the Content-Security-Policy
/// (with this request's nonce), <c>X-Content-Type-Options: nosniff</c>, <c>X-Frame-Options: DENY</c> (for browsers
/// that predate <c>frame-ancestors</c>) and <c>Referrer-Policy: same-origin</c>, so case ids in addresses do not leak.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<FormEngineOptions> options)
{
    public Task InvokeAsync(HttpContext http)
    {
        var settings = options.Value;
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            if (!string.IsNullOrEmpty(settings.ContentSecurityPolicy) && !headers.ContainsKey("Content-Security-Policy"))
            {
                headers.ContentSecurityPolicy = settings.ContentSecurityPolicy.Replace("{nonce}", http.GetCspNonce(), StringComparison.Ordinal);
            }

            if (settings.SecurityHeaders)
            {
                headers.TryAdd("X-Content-Type-Options", "nosniff");
                headers.TryAdd("X-Frame-Options", "DENY");
                headers.TryAdd("Referrer-Policy", "same-origin");
            }

            return Task.CompletedTask;
        });
        return next(http);
    }
}
