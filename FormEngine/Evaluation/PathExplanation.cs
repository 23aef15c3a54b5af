using System.Text;
using FormEngine.Diagnostics;
using FormEngine.Rules;

namespace FormEngine.Evaluation;

/// <summary>One rule that took part in a decision, with its trace.</summary>
/// <param name="Role">What the rule decides, e.g. <c>show_if of section `disability`</c>.</param>
/// <param name="Location">Where the rule is written.</param>
/// <param name="Explanation">The rule's evaluation, step by step.</param>
public sealed record RuleTrace(string Role, SourceLocation Location, RuleExplanation Explanation);

/// <summary>Why a section or question is shown or hidden, and required or not.</summary>
public sealed record PathExplanation
{
    /// <summary>The path explained.</summary>
    public required string Path { get; init; }

    /// <summary>Whether it is shown.</summary>
    public required bool Visible { get; init; }

    /// <summary>Whether it is required now.</summary>
    public required bool Required { get; init; }

    /// <summary>The rules that decide whether it is shown, outermost (section) first.</summary>
    public required IReadOnlyList<RuleTrace> Visibility { get; init; }

    /// <summary>The rule that decides whether it is required, when there is one and the path is shown.</summary>
    public RuleTrace? Requirement { get; init; }

    /// <summary>How the value of a calculated question was worked out.</summary>
    public RuleTrace? Value { get; init; }

    /// <summary>
    /// True when the path is withheld from the reader the explanation is for: then nothing else is said,
    /// since whether it is shown or required would tell them what they may not see.
    /// </summary>
    public bool Withheld { get; init; }

    /// <summary>A readable account for template authors.</summary>
    /// <returns>Several lines of text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (Withheld)
        {
            return text.Append(Path).Append(" is withheld from this reader: whether it is shown, required or answered depends on information they may not see.\n").ToString();
        }

        text.Append(Path).Append(Visible ? " is shown." : " is hidden.").Append('\n');
        if (Visibility.Count == 0)
        {
            text.Append("  No rule hides it: it is always shown.\n");
        }

        foreach (var trace in Visibility)
        {
            Append(text, trace);
        }

        if (Value is { } value)
        {
            Append(text, value);
        }

        text.Append(Path).Append(Required ? " is required." : " is not required.");
        if (!Visible)
        {
            text.Append(" (Hidden questions are never required.)");
        }

        text.Append('\n');
        if (Requirement is { } requirement)
        {
            Append(text, requirement);
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, RuleTrace trace)
    {
        text.Append("  ").Append(trace.Role).Append(" (").Append(trace.Location).Append("): ")
            .Append(trace.Explanation.Steps.Count > 0 ? trace.Explanation.Steps[0] : string.Empty).Append('\n');
        text.Append("    ").Append(string.Join(" → ", trace.Explanation.Steps)).Append('\n');
    }
}
