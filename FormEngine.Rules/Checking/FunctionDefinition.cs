namespace FormEngine.Rules.Checking;

/// <summary>How a function's first argument may refer to repeat groups.</summary>
internal enum FirstArgument
{
    /// <summary>An ordinary value.</summary>
    Value,

    /// <summary>May be a repeat field read from outside its group (all answers, as a list).</summary>
    Aggregate,

    /// <summary>May additionally be a repeat group itself (count).</summary>
    AggregateOrGroup,

    /// <summary>Must be a repeat group; the second argument is checked inside it (any, all).</summary>
    Group,
}

/// <summary>A built-in function's name, arity and usage line for messages.</summary>
internal sealed record FunctionDefinition(string Name, int MinArguments, int MaxArguments, string Usage, FirstArgument First = FirstArgument.Value)
{
    public string ArityText => MinArguments == MaxArguments
        ? Plural(MinArguments)
        : MaxArguments == int.MaxValue ? $"at least {Plural(MinArguments)}" : $"{MinArguments} or {Plural(MaxArguments)}";

    private static string Plural(int n) => n == 1 ? "1 value" : $"{n} values";
}
