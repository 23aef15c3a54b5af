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
    public List<string>? Errors;
}
