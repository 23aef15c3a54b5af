using FormEngine.Evaluation;

namespace FormEngine.Views;

/// <summary>
/// An evaluated form, ready to render: the template's sections with every decision already made, the
/// raised flags and the errors. Built by <see cref="FormViewBuilder"/> from a session; renderers see only this.
/// </summary>
public sealed record FormView
{
    /// <summary>The template's id.</summary>
    public required string TemplateId { get; init; }

    /// <summary>The template's version.</summary>
    public required int TemplateVersion { get; init; }

    /// <summary>The form's title.</summary>
    public required string Title { get; init; }

    /// <summary>The audience the view is for, or null when the template declares none.</summary>
    public string? Audience { get; init; }

    /// <summary>The language of the view's texts (a language code such as <c>en</c> or <c>cy</c>).</summary>
    public string Language { get; init; } = "en";

    /// <summary>FormEngine's own words (headings, placeholders, dates) in the view's language.</summary>
    public Wording Words => Wording.For(Language);

    /// <summary>
    /// The case summary that opens a record; null when the template's <c>case_summary: { audiences: [...] }</c>
    /// leaves this view's audience out (the flags raised for it are still in <see cref="Flags"/>).
    /// </summary>
    public CaseSummary? Summary { get; init; } = new() { KeyAnswers = [], HasPrevious = false, CarriedForward = [], Changed = [] };

    /// <summary>
    /// Answers from earlier versions of the template that no migration step carried into this one (the answers
    /// document's <c>$archived</c>), kept with the record and shown in audit output. Empty for a reader who may
    /// not see every level of confidential information: an archived answer's confidentiality under the old
    /// version is not known to this one.
    /// </summary>
    public IReadOnlyList<EarlierAnswer> EarlierAnswers { get; init; } = [];

    /// <summary>The evaluation date the rules used.</summary>
    public required DateOnly Today { get; init; }

    /// <summary>Every section in template order, hidden ones included.</summary>
    public required IReadOnlyList<SectionView> Sections { get; init; }

    /// <summary>Flags raised, most severe first, then in template order.</summary>
    public required IReadOnlyList<RaisedFlag> Flags { get; init; }

    /// <summary>Every validation error on a shown question, in template order.</summary>
    public required IReadOnlyList<AnswerError> Errors { get; init; }

    /// <summary>Shown questions that are required but unanswered, in template order.</summary>
    public required IReadOnlyList<string> Missing { get; init; }

    /// <summary>
    /// The pages the form is split into for this reader, and the one shown (<see cref="ViewOptions.Page"/>), or
    /// null when the template gives this reader the whole form on one page. When a page is shown,
    /// <see cref="Sections"/>, <see cref="Errors"/> and <see cref="Missing"/> hold only what is on it.
    /// </summary>
    public FormPaging? Paging { get; init; }

    /// <summary>The record's sign-offs and the addenda the reader may be told of (from <see cref="ViewOptions.Status"/>), or null.</summary>
    public RecordStatusView? Status { get; init; }

    /// <summary>Answers copied from the previous assessment.</summary>
    public required IReadOnlyList<string> CarriedForward { get; init; }

    /// <summary>What every output calls the form: its title, or the template's id when it has none.</summary>
    public string DisplayTitle => Title.Length > 0 ? Title : TemplateId;

    /// <summary>The view's language as a document declares it (BCP 47): <c>en-GB</c> for English, else the code as given (<c>cy</c>).</summary>
    public string LanguageTag => Language == "en" ? "en-GB" : Language;

    /// <summary>
    /// The paths of every element whose answer is withheld from this view's audience, for outputs that list answers
    /// by path (the case summary's key facts and changes) to show the placeholder for.
    /// </summary>
    /// <returns>The paths.</returns>
    public IReadOnlySet<string> WithheldPaths() =>
        AllElements().Where(e => e.Withheld).Select(e => e.Path).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Each path in <see cref="Missing"/> with what the form says about it (see <see cref="FormElement.MissingMessage"/>),
    /// for the list of problems at the top of a form.
    /// </summary>
    /// <returns>The messages, in the order of <see cref="Missing"/>.</returns>
    public IReadOnlyList<AnswerError> MissingMessages()
    {
        var messages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in AllElements().Where(e => e.Missing && e.MissingMessage.Length > 0))
        {
            messages.TryAdd(element.Path, element.MissingMessage);
        }

        return [.. Missing.Select(path => new AnswerError(path, messages.GetValueOrDefault(path) ?? Words.AnswerThisQuestion))];
    }

    /// <summary>Every element, depth first in template order: sections, their questions, repeat items' questions.</summary>
    /// <returns>The elements.</returns>
    public IEnumerable<FormElement> AllElements()
    {
        foreach (var section in Sections)
        {
            yield return section;
            foreach (var question in section.Questions)
            {
                foreach (var element in WithItems(question))
                {
                    yield return element;
                }
            }
        }
    }

    private static IEnumerable<FormElement> WithItems(QuestionView question)
    {
        yield return question;
        foreach (var item in question.Items)
        {
            foreach (var field in item.Questions)
            {
                yield return field;
            }
        }
    }
}
