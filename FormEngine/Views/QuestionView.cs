using FormEngine.Rules;
using FormEngine.Templates;

namespace FormEngine.Views;

/// <summary>A question as renderers see it, with its answer already turned into text people read.</summary>
public sealed record QuestionView : FormElement
{
    /// <summary>The kind of question.</summary>
    public required QuestionType Type { get; init; }

    /// <summary>The value rules read (null when hidden or unanswered).</summary>
    public RuleValue Value { get; init; }

    /// <summary>The answer as people read it: "2 March 2017", a choice's label, "Yes"; empty when unanswered.</summary>
    public string DisplayValue { get; init; } = string.Empty;

    /// <summary>The answer as it should be put back into a form field, even when it did not fit the question (so nothing typed is lost).</summary>
    public string InputValue { get; init; } = string.Empty;

    /// <summary>The options of a choice or multichoice question, with those selected marked.</summary>
    public IReadOnlyList<ChoiceView> Choices { get; init; } = [];

    /// <summary>The smallest number allowed, or null.</summary>
    public decimal? Min { get; init; }

    /// <summary>The largest number allowed, or null.</summary>
    public decimal? Max { get; init; }

    /// <summary>False for a question marked <c>display: false</c>: read by rules and exported, shown only in audit output.</summary>
    public bool Display { get; init; } = true;

    /// <summary>True when the answer was copied from the previous assessment and awaits confirmation.</summary>
    public bool CarriedForward { get; init; }

    /// <summary>
    /// For a signature: its parts as stored (name, role, date), for a form to show again; null for other questions
    /// and when the answer is withheld from the reader. <see cref="DisplayValue"/> says who confirmed and when.
    /// </summary>
    public SignatureView? Signature { get; init; }

    /// <summary>For a repeat group: its items, each with its own questions.</summary>
    public IReadOnlyList<RepeatItemView> Items { get; init; } = [];

    /// <summary>
    /// For a repeat group: the words on the button that adds an item, the template's <c>add_label</c> or else
    /// FormEngine's ("Add an item to …"); empty for other questions.
    /// </summary>
    public string AddLabel { get; init; } = string.Empty;

    /// <summary>For a repeat group: its questions as asked of every item (used by blank forms).</summary>
    public IReadOnlyList<QuestionView> ItemTemplate { get; init; } = [];

    /// <summary>True when a form asks this choice question with a drop-down list rather than radio buttons (the template's <c>control:</c>, or a long list).</summary>
    public bool AsksWithSelect { get; init; }

    /// <summary>
    /// The most characters a text answer may have, when one of its checks is <c>len(answer) &lt;= N</c> (or
    /// <c>&lt; N</c>) on the question alone; null otherwise. A form counts the characters as they are typed.
    /// </summary>
    public int? MaxLength { get; init; }

    /// <summary>
    /// Set when this question follows up one option of the question just before it: its <c>show_if</c> reads
    /// only that question and holds for that one option alone. A form nests it under that option (a
    /// conditional reveal) and offers it even while hidden, since choosing the option shows it; null otherwise.
    /// </summary>
    public FollowUp? FollowUpOf { get; init; }

    /// <summary>The most questions an item may ask and still read as one row of a table.</summary>
    public const int MaxTableColumns = 5;

    /// <summary>
    /// For a repeat group whose items read best as rows of a table: the questions that are its columns (those
    /// shown outside an audit), when there are at most <see cref="MaxTableColumns"/> and every one has a short
    /// answer (a line of text, a number, a date, yes or no, one choice, a worked-out value). Empty for a group
    /// with a long answer in its items (long text, several choices, a group inside it, guidance), whose items
    /// read best one after another, and for other questions. Decided here so every output agrees.
    /// </summary>
    public IReadOnlyList<QuestionView> TableColumns
    {
        get
        {
            if (Type != QuestionType.Repeat)
            {
                return [];
            }

            var columns = ItemTemplate.Where(q => q.Display).ToList();
            return columns.Count is > 0 and <= MaxTableColumns && columns.All(q => q.Type is QuestionType.Text or QuestionType.Number
                or QuestionType.Date or QuestionType.Boolean or QuestionType.Choice or QuestionType.Calculated)
                ? columns
                : [];
        }
    }

    /// <summary>True for questions that take an answer (not notes, calculations or groups).</summary>
    public bool TakesAnswer => QuestionTypes.TakesAnswer(Type);

    /// <summary>True when the question has an answer (or, for a repeat group, at least one item).</summary>
    public bool IsAnswered => Type == QuestionType.Repeat ? Items.Count > 0 : DisplayValue.Length > 0;
}

/// <summary>The option a follow-up question hangs from (<see cref="QuestionView.FollowUpOf"/>).</summary>
/// <param name="Path">The path of the question whose option reveals it.</param>
/// <param name="Value">The value of that option (<c>true</c> or <c>false</c> for a yes/no question).</param>
public sealed record FollowUp(string Path, string Value);

/// <summary>One option of a choice question.</summary>
/// <param name="Value">The stored value.</param>
/// <param name="Label">What people read.</param>
/// <param name="Hint">Extra explanation, or null.</param>
/// <param name="Selected">True when chosen in the answer.</param>
public sealed record ChoiceView(string Value, string Label, string? Hint, bool Selected);

/// <summary>One item of a repeat group.</summary>
/// <param name="Index">The item's 0-based index.</param>
/// <param name="Questions">The item's questions, hidden ones included.</param>
public sealed record RepeatItemView(int Index, IReadOnlyList<QuestionView> Questions)
{
    /// <summary>
    /// The words on the button that removes this item: the group's <c>remove_label</c> and the item's number
    /// ("Remove family member 2"), or else FormEngine's ("Remove Family member 2").
    /// </summary>
    public string RemoveLabel { get; init; } = string.Empty;

    /// <summary>
    /// False when the item holds answers this reader does not see (withheld from them, not for their audience, or
    /// not displayed): removing the item would delete those answers, so the reader is not offered it.
    /// </summary>
    public bool Removable { get; init; } = true;
}
