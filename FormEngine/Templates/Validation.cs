namespace FormEngine.Templates;

/// <summary>A check on an answer: when <see cref="Rule"/> is false, <see cref="Message"/> is an error on the question.</summary>
/// <param name="Rule">The rule that must hold, e.g. <c>len(notes) &lt;= 500</c>.</param>
/// <param name="Message">What the practitioner is told when it does not.</param>
public sealed record Validation(RuleText Rule, string Message)
{
    /// <summary>The message in every language and audience wording the template gives, or null for plain text.</summary>
    public LocalizedText? MessageText { get; init; }
}
