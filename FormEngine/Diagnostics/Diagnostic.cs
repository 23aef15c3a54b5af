namespace FormEngine.Diagnostics;

/// <summary>How serious a diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The template or answers cannot be used until this is fixed.</summary>
    Error,

    /// <summary>Worth fixing, but the template still works.</summary>
    Warning,
}

/// <summary>What repeated warnings share, so they can be counted together.</summary>
/// <param name="Part">The part of the template: "section `family`", "the flags".</param>
/// <param name="What">What each of them lacks, completing "N texts in PART have ...": "no Welsh wording".</param>
/// <param name="Consequence">What follows from it for readers, or null.</param>
internal sealed record DiagnosticGroup(string Part, string What, string? Consequence);

/// <summary>
/// One problem found in a template or answers file, pointing at the exact place an author must look.
/// </summary>
/// <param name="Code">A stable code such as <c>FET0004</c>; see <see cref="DiagnosticCodes"/>.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Message">What is wrong, in words a template author can act on.</param>
/// <param name="File">The file the problem is in, as given to the loader (may be a display name for text loaded from memory).</param>
/// <param name="Line">1-based line, or 0 when the problem has no position (for example a missing file).</param>
/// <param name="Column">1-based column, or 0 when the problem has no position.</param>
/// <param name="Length">How many characters the problem spans (at least 1 where there is a position).</param>
/// <param name="Suggestion">A likely fix, such as the nearest valid key, or null.</param>
public sealed record Diagnostic(
    string Code,
    DiagnosticSeverity Severity,
    string Message,
    string File,
    int Line,
    int Column,
    int Length = 1,
    string? Suggestion = null)
{
    /// <summary>True for errors.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>For a warning that comes in numbers (a missing translation), what it shares with others like it, so they can be summarised; null otherwise.</summary>
    internal DiagnosticGroup? Group { get; init; }

    /// <summary>
    /// The diagnostic as <c>FILE:LINE:COL: error CODE: message</c>, the format editors and CI logs understand.
    /// A suggestion follows the message.
    /// </summary>
    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}:{Column}" : File;
        var severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        var text = $"{where}: {severity} {Code}: {Message}";
        return Suggestion is null ? text : $"{text} {Suggestion}";
    }
}
