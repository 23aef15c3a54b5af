namespace FormEngine.Rules.Checking;

/// <summary>Every built-in function, keyed by lower-case name.</summary>
internal static class FunctionCatalogue
{
    private static readonly FunctionDefinition[] Definitions =
    [
        new("answered", 1, 1, "answered(question)", FirstArgument.Aggregate),
        new("count", 1, 1, "count(list or repeat group)", FirstArgument.AggregateOrGroup),
        new("sum", 1, 1, "sum(list of numbers)", FirstArgument.Aggregate),
        new("min", 1, 1, "min(list of numbers or dates)", FirstArgument.Aggregate),
        new("max", 1, 1, "max(list of numbers or dates)", FirstArgument.Aggregate),
        new("any", 2, 2, "any(repeat group, condition)", FirstArgument.Group),
        new("all", 2, 2, "all(repeat group, condition)", FirstArgument.Group),
        new("today", 0, 0, "today()"),
        new("date", 1, 1, "date('2024-01-31')"),
        new("age", 1, 1, "age(date of birth)"),
        new("years_between", 2, 2, "years_between(from date, to date)"),
        new("days_between", 2, 2, "days_between(from date, to date)"),
        new("len", 1, 1, "len(text)"),
        new("contains", 2, 2, "contains(text, part)"),
        new("matches", 2, 2, "matches(text, 'pattern')"),
        new("if", 3, 3, "if(condition, value if true, value if false)"),
        new("coalesce", 2, int.MaxValue, "coalesce(value, fallback, ...)"),
        new("round", 1, 2, "round(number, digits)"),
        new("lower", 1, 1, "lower(text)"),
        new("upper", 1, 1, "upper(text)"),
        new("trim", 1, 1, "trim(text)"),
        new("number", 1, 1, "number(text)"),
        new("abs", 1, 1, "abs(number)"),
        new("floor", 1, 1, "floor(number)"),
        new("ceiling", 1, 1, "ceiling(number)"),
    ];

    private static readonly Dictionary<string, FunctionDefinition> ByName =
        Definitions.ToDictionary(d => d.Name, StringComparer.Ordinal);

    public static IReadOnlyList<FunctionDefinition> All => Definitions;

    public static FunctionDefinition? Find(string lowerCaseName) => ByName.GetValueOrDefault(lowerCaseName);
}
