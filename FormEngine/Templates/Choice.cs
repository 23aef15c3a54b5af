namespace FormEngine.Templates;

/// <summary>One option of a choice list. Values are always text, whatever they look like (<c>yes</c>, <c>0123</c>).</summary>
/// <param name="Value">What is stored in answers and compared in rules.</param>
/// <param name="Label">What people read.</param>
/// <param name="Hint">Optional extra explanation of the option.</param>
public sealed record Choice(string Value, string Label, string? Hint = null)
{
    /// <summary>The label in every language and audience wording the template gives, or null for plain text.</summary>
    public LocalizedText? LabelText { get; init; }
}
