namespace FormEngine.Rules;

/// <summary>A problem found in a rule's text, with its position inside the rule.</summary>
/// <param name="Code">A stable code such as <c>FER0003</c>; see the README for the list.</param>
/// <param name="Severity">Whether the rule can still be compiled.</param>
/// <param name="Message">What was expected and what was found, in words a template author can act on.</param>
/// <param name="Offset">The 0-based character offset in the rule text.</param>
/// <param name="Line">The 1-based line within the rule text.</param>
/// <param name="Column">The 1-based column within the line.</param>
/// <param name="Length">The number of characters the problem covers (at least 1 where possible).</param>
/// <param name="Suggestion">A likely fix, such as "Did you mean `child.dob`?", or null.</param>
public sealed record RuleDiagnostic(
    string Code,
    RuleSeverity Severity,
    string Message,
    int Offset,
    int Line,
    int Column,
    int Length,
    string? Suggestion = null)
{
    /// <summary>Formats the diagnostic as <c>line:column: error CODE: message</c>, e.g. <c>1:5: error FER0003: Expected a value after `and`, but the rule ends here.</c> The suggestion is not included.</summary>
    /// <returns>The formatted diagnostic.</returns>
    public override string ToString() =>
        $"{Line}:{Column}: {(Severity == RuleSeverity.Error ? "error" : "warning")} {Code}: {Message}";
}
