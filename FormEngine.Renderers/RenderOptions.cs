namespace FormEngine.Renderers;

/// <summary>
/// How to render. Dates are inputs, never read from the clock, so the same options always give the
/// same bytes.
/// </summary>
public sealed record RenderOptions
{
    /// <summary>What the output is for (default: a record).</summary>
    public RenderMode Mode { get; init; } = RenderMode.Record;

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
    /// Whether a form shows its errors and unanswered required questions (HTML form mode; default true).
    /// Set it to false for the first load of a new form, so the reader is not met with a list of problems
    /// before answering anything; show them once the form has been submitted.
    /// </summary>
    public bool ShowErrors { get; init; } = true;

    /// <summary>Where a form posts its answers (HTML form mode); default: the same address.</summary>
    public string FormAction { get; init; } = string.Empty;

    /// <summary>The language tag to put on the document: <see cref="Language"/>, or the form's language (English as <c>en-GB</c>).</summary>
    /// <param name="form">The form being rendered.</param>
    /// <returns>A BCP 47 tag.</returns>
    public string DocumentLanguage(FormEngine.Views.FormView form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return Language ?? form.LanguageTag;
    }
}
