using FormEngine.Renderers;
using FormEngine.Renderers.Html;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FormEngine.AspNetCore;

/// <summary>Registers FormEngine in an ASP.NET Core application.</summary>
public static class FormEngineServiceCollectionExtensions
{
    /// <summary>
    /// Adds FormEngine: <see cref="FormEngineOptions"/> (from the <c>FormEngine</c> configuration section, then
    /// <paramref name="configure"/>), the templates folder as <see cref="IFormTemplates"/> (loaded
    /// once, reloaded on save in Development), the renderers, the <c>formengine-templates</c> health check, and safe
    /// response headers on every response (a Content-Security-Policy with a nonce, <c>frame-ancestors 'none'</c>,
    /// <c>nosniff</c>). The host still registers its <see cref="IFormReaderPolicy"/>, and turns on antiforgery with
    /// <c>AddAntiforgery()</c> for forms to carry and require its token.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Changes to the default options, or null.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddFormEngine(this IServiceCollection services, Action<FormEngineOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        // The "FormEngine" section of configuration (appsettings.json, environment variables) first, then code.
        var options = services.AddOptions<FormEngineOptions>().BindConfiguration(FormEngineOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => HtmlRenderer.Themes.Contains(o.Theme, StringComparer.Ordinal), $"FormEngine's Theme must be one of: {string.Join(", ", HtmlRenderer.Themes)}.")
            .Validate(o => o.MaxPostBytes > 0 && o.MaxPostFields > 0, "FormEngine's MaxPostBytes and MaxPostFields must be positive.")
            .ValidateOnStart();

        services.TryAddSingleton<IFormTemplates>(provider =>
        {
            var settings = provider.GetRequiredService<IOptions<FormEngineOptions>>().Value;
            var environment = provider.GetRequiredService<IHostEnvironment>();
            var folder = Path.Combine(environment.ContentRootPath, settings.TemplatesPath);
            return new TemplateFolder(folder, settings.ReloadTemplates ?? environment.IsDevelopment(), provider.GetRequiredService<ILogger<TemplateFolder>>());
        });
        services.TryAddSingleton(provider =>
        {
            var renderers = FormRenderers.CreateDefault();
            renderers.Register(new HtmlRenderer { StylesheetHref = provider.GetRequiredService<IOptions<FormEngineOptions>>().Value.StylesheetHref });
            return renderers;
        });
        // FormEngine's headers answer framing with DENY (and frame-ancestors 'none'); antiforgery would otherwise send SAMEORIGIN.
        services.AddOptions<AntiforgeryOptions>().Configure<IOptions<FormEngineOptions>>((antiforgery, formEngine) =>
            antiforgery.SuppressXFrameOptionsHeader |= formEngine.Value.SecurityHeaders);
        services.AddHealthChecks().AddCheck<FormTemplatesHealthCheck>(FormTemplatesHealthCheck.Name);
        services.AddTransient<IStartupFilter, FormEngineStartupFilter>();
        return services;
    }
}
