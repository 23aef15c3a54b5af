using FormEngine.Diagnostics;

namespace FormEngine.Views;

/// <summary>
/// What a renderer sees of a section or question: everything decided and resolved already (visibility,
/// wording, answers as display text, errors), so renderers only lay it out and can never disagree with
/// the engine. Renderers are given nothing else.
/// </summary>
public abstract record FormElement
{
    /// <summary>The element's id, e.g. <c>dob</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The answer path: <c>child.dob</c>, or <c>household.members[0].age</c> inside a repeat item.</summary>
    public required string Path { get; init; }

    /// <summary>The path without an item index (<c>household.members.age</c>): what rules and templates call it.</summary>
    public string TemplatePath => Evaluation.AnswerPath.TryParse(Path, out var parsed) ? parsed.TemplatePath : Path;

    /// <summary>True when the element's own show_if is what hides it (not a section or group around it).</summary>
    public bool HiddenByOwnRule => HiddenBy is { } reason && reason.Path == TemplatePath;

    /// <summary>The label (a section's title).</summary>
    public required string Label { get; init; }

    /// <summary>What every output calls the element: its label, or its id when it has none.</summary>
    public string DisplayLabel => Label.Length > 0 ? Label : Id;

    /// <summary>The label's paragraphs, else the id as one paragraph, as every output prints a note.</summary>
    public IReadOnlyList<string> DisplayLabelParagraphs => Label.Length > 0 ? LabelParagraphs : [Id];

    /// <summary>Guidance under the label, or null.</summary>
    public string? Hint { get; init; }

    /// <summary>The label as paragraphs (see <see cref="Prose.Paragraphs"/>), for prose such as a note's text.</summary>
    public IReadOnlyList<string> LabelParagraphs => Prose.Paragraphs(Label);

    /// <summary>The hint as paragraphs (see <see cref="Prose.Paragraphs"/>); none without a hint.</summary>
    public IReadOnlyList<string> HintParagraphs => Prose.Paragraphs(Hint);

    /// <summary>Shown for these answers.</summary>
    public required bool Visible { get; init; }

    /// <summary>Required now (visible and its rule holds).</summary>
    public bool Required { get; init; }

    /// <summary>Required and not answered.</summary>
    public bool Missing { get; init; }

    /// <summary>
    /// What the form says when the element is required and unanswered: a question's <c>required_message</c> in
    /// this view's language, or else FormEngine's "Answer this question.".
    /// </summary>
    public string MissingMessage { get; init; } = string.Empty;

    /// <summary>Validation messages for this element.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>The element's own show_if in plain English ("'Does the child have a disability?' is 'yes'"), for paper forms; null when always shown.</summary>
    public string? ShowIfDescription { get; init; }

    /// <summary>When the element can be required only sometimes, that rule in plain English; null otherwise.</summary>
    public string? RequiredDescription { get; init; }

    /// <summary>True when the answer is withheld from this view's audience; the display value is then a placeholder.</summary>
    public bool Withheld { get; init; }

    /// <summary>Why a hidden element is hidden: the rule that came out false (its own or an enclosing section's), for audit output.</summary>
    public HiddenReason? HiddenBy { get; init; }
}

/// <summary>The rule that hides an element.</summary>
/// <param name="Path">The section or question whose show_if is false.</param>
/// <param name="Rule">The rule as written.</param>
/// <param name="Location">Where the rule is written.</param>
/// <param name="Trace">The rule's evaluation, e.g. <c>child.has_disability = 'yes' → 'no' = 'yes' → false</c>.</param>
public sealed record HiddenReason(string Path, string Rule, SourceLocation Location, string Trace);
