namespace FormEngine.Renderers;

/// <summary>
/// How to render. Dates are inputs, never read from the clock, so the same options always give the
/// same bytes.
/// </summary>
public sealed record RenderOptions
{
    /// <summary>What the output is for (default: a record).</summary>
    public OutputMode Mode { get; init; } = OutputMode.Record;

    /// <summary>
    /// The document's language as a BCP 47 tag, set on the HTML and PDF; null (the default) for the
    /// language the form view was built in (<see cref="FormEngine.Views.FormView.Language"/>).
    /// </summary>
    public string? Language { get; init; }

    /// <summary>The date printed on the document; when null, the evaluation date of the form.</summary>
    public DateOnly? DocumentDate { get; init; }

    /// <summary>The case reference printed in the header of every page, or null.</summary>
    public string? CaseReference { get; init; }

    /// <summary>A protective marking such as <c>OFFICIAL-SENSITIVE</c>, printed at the top and bottom of every page, or null.</summary>
    public string? ProtectiveMarking { get; init; }

    /// <summary>The visual theme: <c>plain</c> (default) or <c>govuk</c> for GOV.UK Frontend markup. Used by HTML.</summary>
    public string Theme { get; init; } = "plain";

    /// <summary>
    /// A folder of HTML templates that replace built-in ones of the same name (for example
    /// <c>question-date.sbn</c>), or null. Used by HTML.
    /// </summary>
    public string? TemplateFolder { get; init; }

    /// <summary>
    /// The same form in a second language (built from the same session with another
    /// <see cref="FormEngine.Views.ViewOptions.Language"/>), for bilingual documents; null for one language.
    /// The main view comes first, as Welsh councils put Welsh first.
    /// </summary>
    public FormEngine.Views.FormView? SecondLanguage { get; init; }

    /// <summary>How a bilingual document places its two languages (default: side by side).</summary>
    public BilingualLayout BilingualLayout { get; init; } = BilingualLayout.SideBySide;

    /// <summary>
    /// Whether a form shows its errors and unanswered required questions (HTML form mode; default false).
    /// A form opened for the first time is clean, so the reader is not met with a list of problems before
    /// answering anything; set it to true when rendering the form again after it has been submitted.
    /// Records, audits and blank forms are not affected.
    /// </summary>
    public bool ShowErrors { get; init; }

    /// <summary>Where a form posts its answers (HTML form mode); default: the same address.</summary>
    public string FormAction { get; init; } = string.Empty;

    /// <summary>
    /// The address of a page of a form split into pages, with <c>{0}</c> for the page number: the Back link and
    /// the check-your-answers page's Change links use it. Default: <c>?page={0}</c>.
    /// </summary>
    public string PageLinkFormat { get; init; } = "?page={0}";

    /// <summary>
    /// Renders only the form or record itself, without the page around it (no doctype, <c>head</c>, <c>body</c>
    /// or <c>main</c>), for a host that puts it inside its own layout (HTML; default false). A fragment carries
    /// no inline stylesheet: the host links the theme's stylesheet itself (see <see cref="Html.HtmlRenderer.ThemeStylesheet"/>).
    /// </summary>
    public bool Fragment { get; init; }

    /// <summary>
    /// Hidden fields the host needs in the form, such as an antiforgery token (HTML form mode), written as
    /// they are given, first inside the <c>form</c>. <see cref="Html.HtmlFormBinder"/> does not report their
    /// names as ignored. Their names must not be answer paths.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> HiddenFields { get; init; } = [];

    /// <summary>
    /// Stylesheets the HTML page links to, in order, after its theme's own styles: for example GOV.UK Frontend's
    /// <c>govuk-frontend.min.css</c> as the host serves it. Used by HTML.
    /// </summary>
    public IReadOnlyList<string> Stylesheets { get; init; } = [];

    /// <summary>
    /// Scripts the HTML page loads as JavaScript modules at the end of its body, in order. In the <c>govuk</c>
    /// theme the first is taken to be GOV.UK Frontend (<c>govuk-frontend.min.js</c>): the page marks its body
    /// <c>govuk-frontend-supported</c> and starts the components with <c>initAll()</c> from it, in two short
    /// inline scripts. Used by HTML.
    /// </summary>
    public IReadOnlyList<string> Scripts { get; init; } = [];

    /// <summary>
    /// The nonce of the page's Content-Security-Policy (<c>script-src 'nonce-…'</c>, <c>style-src 'nonce-…'</c>),
    /// put on every inline script and style the page has, or null. The page has no <c>style</c> attribute and
    /// no event-handler attribute, so a policy without <c>'unsafe-inline'</c> allows it whole. Use a new random
    /// value for every response. Used by HTML.
    /// </summary>
    public string? Nonce { get; init; }

    /// <summary>The language tag to put on the document: <see cref="Language"/>, or the form's language (English as <c>en-GB</c>).</summary>
    /// <param name="form">The form being rendered.</param>
    /// <returns>A BCP 47 tag.</returns>
    public string DocumentLanguage(FormEngine.Views.FormView form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return Language ?? form.LanguageTag;
    }
}
