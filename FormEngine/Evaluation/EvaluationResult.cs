using FormEngine.Rules;
using FormEngine.Templates;

namespace FormEngine.Evaluation;

/// <summary>A validation error on one answer.</summary>
/// <param name="Path">The answer's path, e.g. <c>household.members[1].age</c>.</param>
/// <param name="Message">What the practitioner is told.</param>
public sealed record AnswerError(string Path, string Message);

/// <summary>A flag whose rule is true for this case.</summary>
/// <param name="Id">The flag's id.</param>
/// <param name="Message">The flag's message.</param>
/// <param name="Severity">How urgent it is.</param>
public sealed record RaisedFlag(string Id, string Message, FlagSeverity Severity);

/// <summary>
/// Everything the rules decided for one case at one moment: a snapshot, unaffected by later changes to the session.
/// </summary>
public sealed record EvaluationResult
{
    /// <summary>The template's id.</summary>
    public required string TemplateId { get; init; }

    /// <summary>The template's version.</summary>
    public required int TemplateVersion { get; init; }

    /// <summary>Sections and questions shown, in template order; repeat items' fields as <c>group[i].field</c>.</summary>
    public required IReadOnlyList<string> Visible { get; init; }

    /// <summary>Paths that are required and shown but not answered.</summary>
    public required IReadOnlyList<string> Missing { get; init; }

    /// <summary>Validation errors on shown questions, in template order.</summary>
    public required IReadOnlyList<AnswerError> Errors { get; init; }

    /// <summary>The values of shown calculated questions, in template order.</summary>
    public required IReadOnlyList<KeyValuePair<string, RuleValue>> Values { get; init; }

    /// <summary>Flags raised, in template order.</summary>
    public required IReadOnlyList<RaisedFlag> Flags { get; init; }

    /// <summary>Answers copied from the previous assessment.</summary>
    public required IReadOnlyList<string> CarriedForward { get; init; }

    /// <summary>Paths of answers the template does not recognise (kept, not dropped).</summary>
    public required IReadOnlyList<string> Unrecognised { get; init; }
}
