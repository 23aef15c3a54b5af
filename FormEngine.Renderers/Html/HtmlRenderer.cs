using System.Text;
using FormEngine.Views;

namespace FormEngine.Renderers.Html;

/// <summary>
/// Accessible HTML: a working form, a readable record, a printable blank form or an audit record, in the
/// <c>plain</c> theme (semantic HTML with its own print-friendly stylesheet) or the <c>govuk</c> theme
/// (GOV.UK Frontend markup; link its stylesheet and script with <see cref="RenderOptions.Stylesheets"/> and
/// <see cref="RenderOptions.Scripts"/>). Neither theme writes a <c>style</c> attribute or an inline script or
/// style without <see cref="RenderOptions.Nonce"/>, so a strict Content-Security-Policy allows the page.
/// </summary>
/// <remarks>
/// <para>The markup lives in Scriban templates, one per kind of element (<c>page.sbn</c>, <c>section.sbn</c>,
/// <c>question-date.sbn</c>, ...). A host replaces any of them by putting a file of the same name in
/// <see cref="RenderOptions.TemplateFolder"/>; those run under <see cref="Limits"/>. In C#, a host replaces
/// how one kind of element renders with <c>Elements.Override(...)</c>.</para>
/// <para>Every value a template writes is HTML-encoded; only already-rendered markup (<see cref="HtmlMarkup"/>)
/// is not. Output is deterministic: the same form and options give the same bytes.</para>
/// <para>In form mode, each field's <c>name</c> is its answer path (<c>household.members[0].age</c>); a
/// multichoice question posts one value per ticked box under the same name. In the govuk theme a date is three
/// fields named <c>PATH-day</c>, <c>PATH-month</c> and <c>PATH-year</c>; in the plain theme one <c>type="date"</c>
/// field posts <c>YYYY-MM-DD</c>. Yes/no questions post <c>true</c> or <c>false</c>. Repeat groups have buttons
/// that add and remove items. <see cref="HtmlFormBinder"/> reads such a post back into the session.</para>
/// <para>Every fixed word comes from <see cref="FormView.Words"/>, so a Welsh view renders Welsh throughout.
/// Records and audits open with the case summary (key facts, flags, changes since the previous assessment).
/// Answers withheld from the view's audience appear only as their placeholder; a form offers no field for them.</para>
/// <para>With <see cref="RenderOptions.SecondLanguage"/>, records, audits and blank forms are bilingual, the main
/// language first: side by side (each heading, label and answer next to its twin, paired by path) or sequential
/// (the whole body in one language, then the other, each part with its own <c>lang</c>). A form is rendered in
/// the main language only, so each answer has exactly one field.</para>
/// </remarks>
public sealed class HtmlRenderer : IFormRenderer, IChronologyRenderer
{
    private readonly HtmlTemplates _templates = new();

    /// <summary>Creates the renderer with the built-in element renderers.</summary>
    public HtmlRenderer()
    {
        Elements.Add(new SectionHtmlRenderer());
        Elements.Add(new RepeatHtmlRenderer());
        Elements.Add(new NoteHtmlRenderer());
        Elements.Add(new QuestionHtmlRenderer());
    }

    /// <summary>The themes with built-in templates: <c>govuk</c> and <c>plain</c>.</summary>
    public static IReadOnlyList<string> Themes => HtmlTemplates.Themes;

    /// <summary>
    /// The stylesheet a theme's pages carry inline (the plain theme's), or null for a theme that has none of its
    /// own (GOV.UK pages link GOV.UK Frontend's). A host that renders <see cref="RenderOptions.Fragment"/>s serves
    /// this text itself and links it from its layout.
    /// </summary>
    /// <param name="theme">One of <see cref="Themes"/>.</param>
    /// <returns>The CSS text, or null.</returns>
    public static string? ThemeStylesheet(string theme)
    {
        ArgumentNullException.ThrowIfNull(theme);
        return Themes.Contains(theme, StringComparer.Ordinal) ? HtmlTemplates.ReadResource(theme, "style.css") : null;
    }

    /// <summary>The element renderers; insert your own at the front with <see cref="ElementRenderers{TContext}.Override"/>.</summary>
    public ElementRenderers<HtmlRenderContext> Elements { get; } = [];

    /// <summary>A stylesheet the page links to (e.g. GOV.UK Frontend's CSS as the host serves it), or null.</summary>
    public string? StylesheetHref { get; init; }

    /// <summary>Limits for templates from <see cref="RenderOptions.TemplateFolder"/>.</summary>
    public HtmlTemplateLimits Limits { get; init; } = new();

    /// <inheritdoc/>
    public string Format => "html";

    /// <inheritdoc/>
    public string MediaType => "text/html";

    /// <inheritdoc/>
    public string FileExtension => ".html";

    /// <inheritdoc/>
    public void Render(FormView form, RenderOptions options, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var writer = TextOutput.Writer(output);
        Render(form, options, writer);
    }

    /// <summary>Writes the form as HTML.</summary>
    /// <param name="form">The evaluated form.</param>
    /// <param name="options">How to render it.</param>
    /// <param name="writer">Where to write.</param>
    /// <exception cref="ArgumentException">The theme is not one of <see cref="Themes"/>.</exception>
    /// <exception cref="HtmlTemplateException">A template is missing, does not compile, fails or exceeds a limit.</exception>
    public void Render(FormView form, RenderOptions options, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(writer);
        CheckTheme(options);
        using var timeout = options.TemplateFolder is null ? null : new CancellationTokenSource(Limits.Timeout);
        var context = new HtmlRenderContext(writer, form, options, Elements, _templates, Limits, StylesheetHref, timeout?.Token ?? CancellationToken.None);
        context.RenderTemplate("page.sbn", HtmlModels.Page(context));
    }

    /// <inheritdoc/>
    public void RenderChronology(ChronologyView chronology, RenderOptions options, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var writer = TextOutput.Writer(output);
        RenderChronology(chronology, options, writer);
    }

    /// <summary>Writes a case's chronology as HTML (the theme's <c>chronology.sbn</c>, or the host's).</summary>
    /// <param name="chronology">The chronology as its reader may see it.</param>
    /// <param name="options">The theme, stylesheets, scripts, nonce, protective marking and date; the mode is not used.</param>
    /// <param name="writer">Where to write.</param>
    /// <exception cref="ArgumentException">The theme is not one of <see cref="Themes"/>.</exception>
    /// <exception cref="HtmlTemplateException">A template is missing, does not compile, fails or exceeds a limit.</exception>
    public void RenderChronology(ChronologyView chronology, RenderOptions options, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(chronology);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(writer);
        CheckTheme(options);
        HtmlChronology.Render(chronology, options, _templates, Limits, StylesheetHref, writer);
    }

    private static void CheckTheme(RenderOptions options)
    {
        if (!Themes.Contains(options.Theme, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Unknown HTML theme `{options.Theme}`; use one of: {string.Join(", ", Themes)}.", nameof(options));
        }
    }

    /// <summary>Renders to a string.</summary>
    /// <param name="form">The evaluated form.</param>
    /// <param name="options">How to render it.</param>
    /// <returns>The HTML document.</returns>
    public string RenderToString(FormView form, RenderOptions options)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        Render(form, options, writer);
        return writer.ToString();
    }
}
