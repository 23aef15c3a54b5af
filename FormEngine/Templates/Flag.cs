using FormEngine.Diagnostics;

namespace FormEngine.Templates;

/// <summary>A concern the case summary shows when its rule is true.</summary>
/// <param name="Id">The flag's id.</param>
/// <param name="When">The rule that raises it.</param>
/// <param name="Message">What the reader is told.</param>
/// <param name="Severity">How urgent it is.</param>
/// <param name="Location">Where it is defined.</param>
public sealed record Flag(string Id, RuleText When, string Message, FlagSeverity Severity, SourceLocation Location)
{
    /// <summary>The message in every language and audience wording the template gives, or null for plain text.</summary>
    public LocalizedText? MessageText { get; init; }

    /// <summary>The audiences the flag is raised for; null for every audience (a flag whose rule reads what a reader may not see is never raised for them).</summary>
    public IReadOnlyList<string>? Audiences { get; init; }
}
