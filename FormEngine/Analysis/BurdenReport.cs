using FormEngine.Diagnostics;

namespace FormEngine.Analysis;

/// <summary>How much one case was asked.</summary>
/// <param name="Name">The case (its answers file).</param>
/// <param name="Shown">Questions shown that take an answer, counting each repeat item's questions.</param>
/// <param name="Required">Of those, how many are required.</param>
/// <param name="Answered">Of those, how many are answered.</param>
/// <param name="EstimatedMinutes">A rough estimate of the time to complete what is shown.</param>
public sealed record CaseBurden(string Name, int Shown, int Required, int Answered, double EstimatedMinutes);

/// <summary>A question the report points out, and where it is written.</summary>
/// <param name="Path">The question's path.</param>
/// <param name="Label">Its label.</param>
/// <param name="Location">Where it is defined.</param>
/// <param name="Note">Why it is listed, where there is more to say.</param>
public sealed record QuestionNote(string Path, string Label, SourceLocation Location, string? Note = null);

/// <summary>Two questions whose labels nearly repeat each other.</summary>
/// <param name="First">One question.</param>
/// <param name="Second">The other.</param>
/// <param name="Similarity">From 0 to 1.</param>
public sealed record NearRepeat(QuestionNote First, QuestionNote Second, double Similarity);

/// <summary>A text harder to read than plain English.</summary>
/// <param name="Path">The question or section.</param>
/// <param name="Text">The text.</param>
/// <param name="Grade">Its Flesch-Kincaid grade.</param>
/// <param name="Location">Where it is defined.</param>
public sealed record HardText(string Path, string Text, double Grade, SourceLocation Location)
{
    /// <summary>The audience whose wording this is, or null for everyone's.</summary>
    public string? Audience { get; init; }
}

/// <summary>
/// The burden report: how long a template is, how much each case is actually asked, and where the
/// template asks what nobody reaches, asks everybody, or repeats itself.
/// </summary>
public sealed record BurdenReport
{
    /// <summary>The template's id.</summary>
    public required string TemplateId { get; init; }

    /// <summary>Sections in the template.</summary>
    public required int Sections { get; init; }

    /// <summary>Questions that take an answer (repeat groups' questions counted once).</summary>
    public required int Questions { get; init; }

    /// <summary>Calculated questions.</summary>
    public required int Calculated { get; init; }

    /// <summary>Guidance notes.</summary>
    public required int Notes { get; init; }

    /// <summary>The time to complete every question, if a case were asked them all (minutes).</summary>
    public required double EstimatedMinutesIfEverythingAsked { get; init; }

    /// <summary>One line per case.</summary>
    public required IReadOnlyList<CaseBurden> Cases { get; init; }

    /// <summary>Questions no case was shown (empty without cases).</summary>
    public required IReadOnlyList<QuestionNote> NeverReached { get; init; }

    /// <summary>Questions no answers could ever show (a show_if that is always false, on the question or a section above it).</summary>
    public required IReadOnlyList<QuestionNote> NeverShown { get; init; }

    /// <summary>Questions every case was shown (only with two or more cases).</summary>
    public required IReadOnlyList<QuestionNote> ShownToEveryCase { get; init; }

    /// <summary>Pairs of questions whose labels nearly repeat each other, across included files too.</summary>
    public required IReadOnlyList<NearRepeat> NearRepeats { get; init; }

    /// <summary>True when there were more near repeats than <see cref="BurdenAnalyzer.MaxNearRepeats"/> and only that many are listed.</summary>
    public bool NearRepeatsTruncated { get; init; }

    /// <summary>Question labels and section titles above the plain-English reading level.</summary>
    public required IReadOnlyList<HardText> HardTexts { get; init; }

    /// <summary>Template warnings found while loading (for example comparisons with values that are not choices).</summary>
    public required IReadOnlyList<Diagnostic> Warnings { get; init; }
}
