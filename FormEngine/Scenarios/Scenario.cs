using System.Text.Json.Nodes;
using FormEngine.Diagnostics;

namespace FormEngine.Scenarios;

/// <summary>One expectation of a scenario: what must hold, and where in the scenario file it was written.</summary>
/// <param name="Kind">What is expected: visible, hidden, required, missing, value, error, flag, no flag...</param>
/// <param name="Path">The path (or flag id) it is about.</param>
/// <param name="Expected">The expected value or message, where the kind has one.</param>
/// <param name="Location">Where it is written.</param>
public sealed record Expectation(ExpectationKind Kind, string Path, string? Expected, SourceLocation Location);

/// <summary>The kinds of thing a scenario can expect.</summary>
public enum ExpectationKind
{
    /// <summary>The section or question is shown.</summary>
    Visible,

    /// <summary>The section or question is hidden.</summary>
    Hidden,

    /// <summary>The question is required (whether answered or not).</summary>
    Required,

    /// <summary>The question is not required.</summary>
    NotRequired,

    /// <summary>The question is required and unanswered.</summary>
    Missing,

    /// <summary>A calculated question (or any question) has this value, as the record shows it.</summary>
    Value,

    /// <summary>The question has a validation error (with this message, if given).</summary>
    Error,

    /// <summary>No validation errors anywhere (<c>no_errors: true</c> or <c>errors: []</c>).</summary>
    NoErrors,

    /// <summary>The flag is raised.</summary>
    Flag,

    /// <summary>The flag is not raised.</summary>
    NoFlag,

    /// <summary>The text rendering of the record equals an approved file.</summary>
    Approved,

    /// <summary>No question is required and unanswered (<c>missing: []</c>).</summary>
    NoMissing,

    /// <summary>No flag is raised (<c>flags: []</c>).</summary>
    NoFlags,
}

/// <summary>A case to test a template with: its answers and what must follow from them.</summary>
public sealed record Scenario
{
    /// <summary>The scenario's name, as failures report it.</summary>
    public required string Name { get; init; }

    /// <summary>The case's answers.</summary>
    public required JsonObject Answers { get; init; }

    /// <summary>Answers changed after <see cref="Answers"/> are read, in the order written (<c>answers: { from: FILE, set: {...} }</c>).</summary>
    public IReadOnlyList<AnswerChange> Changes { get; init; } = [];

    /// <summary>The reader the expectations are for (<c>audience:</c>); null for the template's first declared audience.</summary>
    public string? Audience { get; init; }

    /// <summary>The language the expectations are for (<c>language:</c>); null for the template's default language.</summary>
    public string? Language { get; init; }

    /// <summary>Where <c>audience:</c> is written, so an audience the template lacks is reported there.</summary>
    internal SourceLocation? AudienceLocation { get; init; }

    /// <summary>Where <c>language:</c> is written, so a language the template lacks is reported there.</summary>
    internal SourceLocation? LanguageLocation { get; init; }

    /// <summary>A previous assessment's answers, for carry-forward, or null.</summary>
    public JsonObject? Previous { get; init; }

    /// <summary>Previous answers changed after <see cref="Previous"/> is read (<c>previous: { from: FILE, set: {...} }</c>).</summary>
    public IReadOnlyList<AnswerChange> PreviousChanges { get; init; } = [];

    /// <summary>Where <c>answers:</c> and <c>previous:</c> are written, so an answer the template lacks is reported there.</summary>
    internal SourceLocation? AnswersLocation { get; init; }

    /// <inheritdoc cref="AnswersLocation"/>
    internal SourceLocation? PreviousLocation { get; init; }

    /// <summary>The evaluation date.</summary>
    public required DateOnly Today { get; init; }

    /// <summary>What must hold.</summary>
    public required IReadOnlyList<Expectation> Expectations { get; init; }

    /// <summary>Where the scenario starts in its file.</summary>
    public required SourceLocation Location { get; init; }
}

/// <summary>One answer a scenario changes after reading its answers file.</summary>
/// <param name="Path">The answer's path: <c>child.dob</c>, or <c>household.members[0].age</c>.</param>
/// <param name="Value">The new answer as written (text, a list of text for a multichoice), or null to clear it.</param>
/// <param name="Location">Where the change is written.</param>
public sealed record AnswerChange(string Path, JsonNode? Value, SourceLocation Location);

/// <summary>A scenario file: the template it tests and its scenarios.</summary>
/// <param name="Path">The scenario file.</param>
/// <param name="TemplatePath">The template's path, resolved against the scenario file's folder.</param>
/// <param name="Scenarios">The scenarios in file order.</param>
public sealed record ScenarioFile(string Path, string TemplatePath, IReadOnlyList<Scenario> Scenarios);
