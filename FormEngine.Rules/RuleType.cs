namespace FormEngine.Rules;

/// <summary>
/// The static type of an answer or of an expression in a rule. Two types are equal when they have the
/// same <see cref="Kind"/> and the same <see cref="Element"/> type.
/// </summary>
public sealed record RuleType
{
    private RuleType(RuleTypeKind kind, RuleType? element)
    {
        Kind = kind;
        Element = element;
    }

    /// <summary>The kind of value this type describes.</summary>
    public RuleTypeKind Kind { get; }

    /// <summary>The type of each element when <see cref="Kind"/> is <see cref="RuleTypeKind.List"/>; otherwise null.</summary>
    public RuleType? Element { get; }

    /// <summary>A type that is not known; compatible with everything.</summary>
    public static RuleType Any { get; } = new(RuleTypeKind.Any, null);

    /// <summary>The type of the <c>null</c> literal.</summary>
    public static RuleType Null { get; } = new(RuleTypeKind.Null, null);

    /// <summary>A yes/no value.</summary>
    public static RuleType Boolean { get; } = new(RuleTypeKind.Boolean, null);

    /// <summary>A decimal number.</summary>
    public static RuleType Number { get; } = new(RuleTypeKind.Number, null);

    /// <summary>Text, including the code of a single-choice answer.</summary>
    public static RuleType Text { get; } = new(RuleTypeKind.Text, null);

    /// <summary>A calendar date.</summary>
    public static RuleType Date { get; } = new(RuleTypeKind.Date, null);

    /// <summary>A repeat group (the type of the group symbol itself, not of its fields).</summary>
    public static RuleType Group { get; } = new(RuleTypeKind.Group, null);

    /// <summary>A list whose elements have the given type, e.g. the answer to a multiple-choice question.</summary>
    /// <param name="element">The type of each element.</param>
    /// <returns>The list type.</returns>
    public static RuleType ListOf(RuleType element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return new RuleType(RuleTypeKind.List, element);
    }

    /// <summary>The type in plain words for messages to template authors, e.g. "yes/no" or "list of text".</summary>
    /// <returns>A short description such as "number", "date" or "repeat group".</returns>
    public override string ToString() => Kind switch
    {
        RuleTypeKind.Any => "any value",
        RuleTypeKind.Null => "nothing",
        RuleTypeKind.Boolean => "yes/no",
        RuleTypeKind.Number => "number",
        RuleTypeKind.Text => "text",
        RuleTypeKind.Date => "date",
        RuleTypeKind.List => "list of " + Element,
        RuleTypeKind.Group => "repeat group",
        _ => Kind.ToString(),
    };
}
