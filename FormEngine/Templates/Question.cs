namespace FormEngine.Templates;

/// <summary>One question of a template.</summary>
public sealed record Question : FormNode
{
    /// <summary>What kind of answer the question takes.</summary>
    public required QuestionType Type { get; init; }

    /// <summary>
    /// The options of a choice or multichoice question, or null; their labels are the question's own
    /// (<c>choice_labels</c>) in the languages it gives them.
    /// </summary>
    public ChoiceList? Choices { get; init; }

    /// <summary>The smallest allowed number, or null.</summary>
    public decimal? Min { get; init; }

    /// <summary>The question set and <c>use:</c> this question was put here by, or null when written in place.</summary>
    internal QuestionSetUse? FromSet { get; init; }

    /// <summary>The largest allowed number, or null.</summary>
    public decimal? Max { get; init; }

    /// <summary>The fewest items a repeat group needs, or null.</summary>
    public int? MinItems { get; init; }

    /// <summary>The most items a repeat group allows, or null.</summary>
    public int? MaxItems { get; init; }

    /// <summary>
    /// The question's own words for a required answer left out (<c>required_message</c>), or null for
    /// FormEngine's "Answer this question.".
    /// </summary>
    public LocalizedText? RequiredMessage { get; init; }

    /// <summary>A repeat group's own words for its add button (<c>add_label</c>), or null for FormEngine's.</summary>
    public LocalizedText? AddLabel { get; init; }

    /// <summary>
    /// A repeat group's own words for each item's remove button (<c>remove_label</c>), or null for FormEngine's;
    /// the item's number follows them.
    /// </summary>
    public LocalizedText? RemoveLabel { get; init; }

    /// <summary>The rule that computes a calculated question's value, or null.</summary>
    public RuleText? Value { get; init; }

    /// <summary>True when the answer is a key fact for the case summary that opens a record.</summary>
    public bool Summary { get; init; }

    /// <summary>
    /// False for <c>display: false</c>: a question rules read and exports carry, shown only in audit output (a
    /// helper calculation, say). It is not asked, so it is never required of the reader.
    /// </summary>
    public bool Display { get; init; } = true;

    /// <summary>
    /// How a choice question asks for its answer on a form: <c>control: select</c> for a drop-down list,
    /// <c>control: radios</c> for radio buttons; when not given, lists of more than
    /// <see cref="ChoiceControls.SelectAbove"/> choices are a drop-down list.
    /// </summary>
    public ChoiceControl Control { get; init; }

    /// <summary>True when a new assessment starts from the previous assessment's answer.</summary>
    public bool CarryForward { get; init; }

    /// <summary>True when the question is answered by a person with one value (not a note, calculation or group).</summary>
    public bool TakesAnswer => QuestionTypes.TakesAnswer(Type);

    /// <summary>True when a person answers it, a repeat group (answered by adding items) included; see <see cref="QuestionTypes.IsAnswerable"/>.</summary>
    public bool IsAnswerable => QuestionTypes.IsAnswerable(Type);
}
