namespace FormEngine.Templates;

/// <summary>Whether a question must be answered: never, always, or when a rule is true.</summary>
/// <param name="Always">True for <c>required: true</c>.</param>
/// <param name="When">The rule for <c>required: RULE</c>, or null.</param>
public sealed record Requirement(bool Always, RuleText? When)
{
    /// <summary>Not required (the default).</summary>
    public static Requirement Never { get; } = new(false, null);

    /// <summary>Always required while visible.</summary>
    public static Requirement Yes { get; } = new(true, null);

    /// <summary>True when the question can ever be required.</summary>
    public bool CanBeRequired => Always || When is not null;
}
