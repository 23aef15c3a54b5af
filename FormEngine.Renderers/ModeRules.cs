using FormEngine.Views;

namespace FormEngine.Renderers;

/// <summary>
/// What each mode includes and says about itself (which elements, what the document is called, which routing
/// sentence is printed); one place, so every output format agrees. These live beside <see cref="OutputMode"/>
/// rather than in the view, because the view does not know which mode it will be printed in.
/// </summary>
public static class ModeRules
{
    /// <summary>
    /// True when <paramref name="element"/> appears in output of <paramref name="mode"/>. A question marked
    /// <c>display: false</c> appears only in audit output.
    /// </summary>
    /// <param name="element">The element.</param>
    /// <param name="mode">The mode.</param>
    /// <returns>Whether to render it.</returns>
    public static bool Includes(FormElement element, OutputMode mode) => mode switch
    {
        OutputMode.Audit => true,
        _ when element is QuestionView { Display: false } => false,
        OutputMode.Form or OutputMode.Record => element.Visible,
        _ => true,
    };

    /// <summary>
    /// True when output of <paramref name="mode"/> lists the answers from earlier versions that the view holds
    /// (<see cref="FormView.EarlierAnswers"/>): only audit output, which shows everything the record keeps.
    /// </summary>
    /// <param name="mode">The mode.</param>
    /// <returns>Whether to render them.</returns>
    public static bool ShowsEarlierAnswers(OutputMode mode) => mode == OutputMode.Audit;

    /// <summary>True when output of <paramref name="mode"/> says who signed the record off and what changed after (<see cref="FormView.Status"/>): records and audits.</summary>
    /// <param name="mode">The mode.</param>
    /// <returns>Whether to render it.</returns>
    public static bool ShowsRecordStatus(OutputMode mode) => mode is OutputMode.Record or OutputMode.Audit;

    /// <summary>What an addendum changed, as one line: <c>Changed: Date of birth, Outcome</c>.</summary>
    /// <param name="addendum">The addendum.</param>
    /// <param name="words">The view's words.</param>
    /// <returns>The text.</returns>
    public static string Changed(AddendumView addendum, Wording words) =>
        Wording.Fill(words.Chronology.AddendumChangedFormat, string.Join(", ", addendum.Changed));

    /// <summary>True when output of <paramref name="mode"/> opens with the case summary: records and audits, for a reader the template gives one.</summary>
    /// <param name="mode">The mode.</param>
    /// <param name="form">The view being rendered.</param>
    /// <returns>Whether to render it.</returns>
    public static bool ShowsCaseSummary(OutputMode mode, FormView form) =>
        mode is OutputMode.Record or OutputMode.Audit && form.Summary is not null;

    /// <summary>How many empty items a blank paper form prints for a repeat group.</summary>
    public const int BlankRepeatItems = 3;

    /// <summary>What a document of <paramref name="mode"/> is called: "Record", "Form", "Blank form", "Audit record (…)".</summary>
    /// <param name="mode">The mode.</param>
    /// <param name="words">The words of the document's language.</param>
    /// <returns>The name.</returns>
    public static string DocumentKind(OutputMode mode, Wording words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return mode switch
        {
            OutputMode.Form => words.Form,
            OutputMode.Blank => words.BlankForm,
            OutputMode.Audit => words.AuditRecord,
            _ => words.Record,
        };
    }

    /// <summary>What the document is and its date, "Record, 2 March 2017" or "Cofnod, 2 Mawrth 2017".</summary>
    /// <param name="form">The form, for its language and evaluation date.</param>
    /// <param name="options">The options, for the mode and document date.</param>
    /// <returns>The description.</returns>
    public static string Description(FormView form, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(options);
        return $"{DocumentKind(options.Mode, form.Words)}, {form.Words.Date(options.DocumentDate ?? form.Today)}";
    }

    /// <summary>
    /// The routing sentence an output prints under an element: on a blank form when to answer it
    /// (<see cref="Wording.PaperRouting"/>), in an audit why it is not applicable (<see cref="Wording.NotApplicableBecause"/>);
    /// otherwise null.
    /// </summary>
    /// <param name="element">The element.</param>
    /// <param name="mode">The mode.</param>
    /// <param name="words">The words of the output's language.</param>
    /// <returns>The sentence, or null.</returns>
    public static string? Routing(FormElement element, OutputMode mode, Wording words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return mode switch
        {
            OutputMode.Blank => words.PaperRouting(element),
            OutputMode.Audit => words.NotApplicableBecause(element),
            _ => null,
        };
    }
}
