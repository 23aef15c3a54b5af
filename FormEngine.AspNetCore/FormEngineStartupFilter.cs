using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FormEngine.AspNetCore;

/// <summary>
/// Puts FormEngine's response headers first in the pipeline, so every response gets them without the host asking,
/// and warns at start-up when Host filtering is off outside Development (a case system that answers any
/// <c>Host</c> can be read by another site through DNS rebinding).
/// </summary>
internal sealed class FormEngineStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        var services = app.ApplicationServices;
        var environment = services.GetRequiredService<IHostEnvironment>();
        var allowedHosts = services.GetRequiredService<IConfiguration>()["AllowedHosts"];
        if (!environment.IsDevelopment() && (string.IsNullOrWhiteSpace(allowedHosts) || allowedHosts.Split(';').Any(h => h.Trim() == "*")))
        {
            services.GetRequiredService<ILogger<FormEngineStartupFilter>>().LogWarning(
                "AllowedHosts is {AllowedHosts}: requests for any host name are answered. Set AllowedHosts to this application's host names (e.g. \"cases.council.gov.uk\") in appsettings.json.",
                string.IsNullOrWhiteSpace(allowedHosts) ? "not set" : allowedHosts);
        }

        // Loaded now, so a template's problems are in the log when the application starts, not at the first request.
        services.GetRequiredService<IFormTemplates>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        next(app);
    };
}
