namespace FormEngine.Rules.Functions;

/// <summary>How many values a function takes, and how a message says so.</summary>
internal readonly record struct Arity(int Min, int Max)
{
    public static Arity Exactly(int count) => new(count, count);

    public static Arity Between(int min, int max) => new(min, max);

    public static Arity AtLeast(int min) => new(min, int.MaxValue);

    public bool Allows(int count) => count >= Min && count <= Max;

    /// <summary>"1 value", "1 or 2 values", "at least 2 values", as in "round() needs 1 or 2 values".</summary>
    public string Text => Min == Max
        ? Plural(Min)
        : Max == int.MaxValue ? $"at least {Plural(Min)}" : $"{Min} or {Plural(Max)}";

    private static string Plural(int n) => n == 1 ? "1 value" : $"{n} values";
}
