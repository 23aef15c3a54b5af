namespace FormEngine.Views;

/// <summary>A key answer shown in the case summary.</summary>
/// <param name="Path">The question's path.</param>
/// <param name="Label">The question's label.</param>
/// <param name="Value">The answer as people read it (a placeholder when withheld from the audience).</param>
public sealed record SummaryAnswer(string Path, string Label, string Value);

/// <summary>An answer that differs from the previous assessment.</summary>
/// <param name="Path">The question's path.</param>
/// <param name="Label">The question's label.</param>
/// <param name="Previous">The previous answer as people read it (empty when there was none).</param>
/// <param name="Current">The answer now (empty when there is none).</param>
public sealed record SummaryChange(string Path, string Label, string Previous, string Current);

/// <summary>An answer carried forward from the previous assessment.</summary>
/// <param name="Path">The question's path.</param>
/// <param name="Label">The question's label.</param>
/// <param name="Value">The answer as people read it.</param>
/// <param name="Confirmed">True once the practitioner has confirmed or changed it.</param>
public sealed record SummaryCarried(string Path, string Label, string Value, bool Confirmed);

/// <summary>
/// What a reader needs to grasp the case before the detail: who the child is and the key answers
/// (questions marked <c>summary: true</c>), the raised flags by severity, and what changed since the
/// previous assessment.
/// </summary>
public sealed record CaseSummary
{
    /// <summary>The answers to shown questions marked <c>summary: true</c>, in template order.</summary>
    public required IReadOnlyList<SummaryAnswer> KeyAnswers { get; init; }

    /// <summary>True when the session had a previous assessment to compare with.</summary>
    public required bool HasPrevious { get; init; }

    /// <summary>Answers carried forward from the previous assessment.</summary>
    public required IReadOnlyList<SummaryCarried> CarriedForward { get; init; }

    /// <summary>Shown answers that differ from the previous assessment.</summary>
    public required IReadOnlyList<SummaryChange> Changed { get; init; }
}
