namespace FormEngine.Rules.Checking;

/// <summary>Compatibility of types: <c>null</c> fits anything and an unknown type fits everything.</summary>
internal static class TypeRules
{
    public static RuleType TypeOf(RuleValue value) => value.Kind switch
    {
        RuleTypeKind.Null => RuleType.Null,
        RuleTypeKind.Boolean => RuleType.Boolean,
        RuleTypeKind.Number => RuleType.Number,
        RuleTypeKind.Text => RuleType.Text,
        RuleTypeKind.Date => RuleType.Date,
        _ => RuleType.Any,
    };

    /// <summary>True when the type tells us nothing to complain about (unknown or the null literal).</summary>
    public static bool IsOpen(RuleType type) => type.Kind is RuleTypeKind.Any or RuleTypeKind.Null;

    /// <summary>True when a value of <paramref name="type"/> is acceptable where <paramref name="kind"/> is needed.</summary>
    public static bool Fits(RuleType type, RuleTypeKind kind) => IsOpen(type) || type.Kind == kind;

    /// <summary>The common type of two values that must agree, or null when they cannot.</summary>
    public static RuleType? Unify(RuleType a, RuleType b)
    {
        if (a.Kind == RuleTypeKind.Null)
        {
            return b;
        }

        if (b.Kind == RuleTypeKind.Null)
        {
            return a;
        }

        if (a.Kind == RuleTypeKind.Any || b.Kind == RuleTypeKind.Any)
        {
            return RuleType.Any;
        }

        if (a.Kind == RuleTypeKind.List && b.Kind == RuleTypeKind.List)
        {
            var element = Unify(a.Element!, b.Element!);
            return element is null ? null : RuleType.ListOf(element);
        }

        return a.Kind == b.Kind ? a : null;
    }

    /// <summary>The type with an article, for messages: "a number", "text", "a date", "a list of text".</summary>
    public static string Describe(RuleType type) => type.Kind switch
    {
        RuleTypeKind.Text => "text",
        RuleTypeKind.Null => "nothing (null)",
        RuleTypeKind.Any => "any value",
        RuleTypeKind.Boolean => "a yes/no value",
        _ => "a " + type,
    };
}
