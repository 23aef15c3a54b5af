using FormEngine.Diagnostics;

namespace FormEngine.Templates;

/// <summary>What sections and questions share: an id and path, wording, and the rules that govern them.</summary>
public abstract record FormNode
{
    /// <summary>The node's own id, e.g. <c>dob</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The dotted path rules use, e.g. <c>child.dob</c> or <c>household.members.age</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The question's label or the section's title; may be empty.</summary>
    public string Label { get; init; } = string.Empty;

    /// <summary>The label in every language and audience wording the template gives.</summary>
    public LocalizedText? LabelText { get; init; }

    /// <summary>Extra guidance shown under the label, or null.</summary>
    public string? Hint { get; init; }

    /// <summary>The hint in every language and audience wording the template gives, or null.</summary>
    public LocalizedText? HintText { get; init; }

    /// <summary>The audiences this node is for; null when it is for everyone.</summary>
    public IReadOnlyList<string>? Audiences { get; init; }

    /// <summary>The sensitivity level of the answers here (e.g. <c>third_party</c>), or null; questions inherit their section's.</summary>
    public string? Sensitivity { get; init; }

    /// <summary>The rule that decides whether the node is shown, or null when always shown.</summary>
    public RuleText? ShowIf { get; init; }

    /// <summary>Whether an answer is required.</summary>
    public Requirement Required { get; init; } = Requirement.Never;

    /// <summary>Checks on the answer.</summary>
    public IReadOnlyList<Validation> Validations { get; init; } = [];

    /// <summary>The questions inside a section or repeat group, in template order.</summary>
    public IReadOnlyList<Question> Questions { get; init; } = [];

    /// <summary>Where the node is defined.</summary>
    public SourceLocation Location { get; init; }
}
