namespace FormEngine.AspNetCore;

/// <summary>
/// FormEngine's settings in a web application, read from the <c>FormEngine</c> configuration section and then
/// <c>services.AddFormEngine(options => ...)</c>. Every limit has a safe default.
/// </summary>
public sealed class FormEngineOptions
{
    /// <summary>The configuration section the options are read from: <c>FormEngine</c> (e.g. <c>"FormEngine": { "Theme": "plain" }</c> in appsettings.json).</summary>
    public const string SectionName = "FormEngine";

    /// <summary>
    /// The folder of templates, relative to the content root or absolute (default <c>Templates</c>). Each
    /// <c>*.yaml</c> file in it, or in a folder directly inside it, is a template (except <c>*.scenarios.yaml</c>);
    /// files deeper down are only read when a template includes them.
    /// </summary>
    public string TemplatesPath { get; set; } = "Templates";

    /// <summary>Whether templates are loaded again when a file in the folder is saved; null (the default) for only in the Development environment.</summary>
    public bool? ReloadTemplates { get; set; }

    /// <summary>The HTML theme: <c>govuk</c> (the default, GOV.UK Frontend markup) or <c>plain</c>.</summary>
    public string Theme { get; set; } = "govuk";

    /// <summary>A stylesheet every page links to, such as GOV.UK Frontend's CSS as the application serves it; null for none.</summary>
    public string? StylesheetHref { get; set; }

    /// <summary>
    /// Stylesheets FormEngine's pages link to, in order, such as <c>/govuk-frontend/govuk-frontend.min.css</c> as the
    /// application serves it (see <c>RenderOptions.Stylesheets</c>).
    /// </summary>
    public IList<string> Stylesheets { get; } = [];

    /// <summary>
    /// Scripts FormEngine's pages load as modules; in the <c>govuk</c> theme the first is taken to be GOV.UK
    /// Frontend's <c>govuk-frontend.min.js</c>, which the page starts by nonce (see <c>RenderOptions.Scripts</c>).
    /// </summary>
    public IList<string> Scripts { get; } = [];

    /// <summary>The largest posted form read, in bytes (default 1 MiB); a larger one is answered 413.</summary>
    public long MaxPostBytes { get; set; } = 1024 * 1024;

    /// <summary>The most fields a posted form may have (default 5,000); more is answered 400.</summary>
    public int MaxPostFields { get; set; } = 5000;

    /// <summary>
    /// The Content-Security-Policy sent with every response that has none of its own; <c>{nonce}</c> is replaced
    /// by a new random value for each response, which FormEngine's pages put on their inline styles and scripts.
    /// Null or empty sends none. The default allows nothing from other sites and no framing.
    /// </summary>
    public string? ContentSecurityPolicy { get; set; } =
        "default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'nonce-{nonce}'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    /// <summary>Whether <c>X-Content-Type-Options</c>, <c>X-Frame-Options</c> and <c>Referrer-Policy</c> are sent with every response that has none of its own (default true).</summary>
    public bool SecurityHeaders { get; set; } = true;
}
