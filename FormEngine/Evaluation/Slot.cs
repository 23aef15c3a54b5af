using FormEngine.Rules;

namespace FormEngine.Evaluation;

/// <summary>The state of one question (or one repeat item's field) in a session.</summary>
internal struct Slot
{
    /// <summary>Shown: its section, group and own show_if all allow it.</summary>
    public bool Visible;

    /// <summary>What rules read: the answer (or calculated value) while visible, null while hidden.</summary>
    public RuleValue Value;

    /// <summary>The answer as given, kept while hidden so it comes back when the question reappears.</summary>
    public RuleValue Answer;

    /// <summary>Why the given answer does not fit the question, or null.</summary>
    public string? AnswerError;

    /// <summary>Required now (visible and its required rule holds).</summary>
    public bool Required;

    /// <summary>Required but not answered.</summary>
    public bool Missing;

    /// <summary>Validation messages, or null when there are none.</summary>
    public List<SlotError>? Errors;
}

/// <summary>
/// A validation message as the session holds it: its English (default-language) text for results, and
/// what a view needs to word it for its reader: the template's wording per language and audience, or,
/// for FormEngine's own messages, the words to build it from.
/// </summary>
/// <param name="Text">The message in the template's default language.</param>
/// <param name="Localized">The template's wording of a <c>validate</c> message, or null.</param>
/// <param name="Limit">FormEngine's own message (a number or item limit) as data, for a view to word, or null.</param>
internal readonly record struct SlotError(string Text, Templates.LocalizedText? Localized = null, LimitError? Limit = null);
