using FormEngine.Rules.Checking;
using FormEngine.Rules.Runtime;

namespace FormEngine.Rules.Functions;

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

/// <summary>
/// Everything about one built-in function: how it is written, its type rule, what it compiles to and how
/// it reads on paper in each language. The checker, compiler and describer find it in
/// <see cref="FunctionCatalogue"/> and call these members, so none of them knows a function by name and a
/// new function is one definition in its family's file.
/// </summary>
internal sealed class FunctionDefinition(string name, string usage, Arity arity, FirstArgument first = FirstArgument.Value)
{
    /// <summary>The name in lower case; authors may write it in any case.</summary>
    public string Name { get; } = name;

    /// <summary>The call as an author would write it, for "Write it as ..." suggestions.</summary>
    public string Usage { get; } = usage;

    public Arity Arity { get; } = arity;

    public FirstArgument First { get; } = first;

    /// <summary>
    /// The type of a call whose arguments are bound and of the right number; null after reporting through
    /// the <see cref="CallChecker"/> why the arguments do not fit.
    /// </summary>
    public required Func<CallChecker, RuleType?> Check { get; init; }

    /// <summary>What a call that checked without errors compiles to, as a closure and as an expression tree.</summary>
    public required CallCompiler Compile { get; init; }

    /// <summary>How a call reads on paper forms.</summary>
    public required FunctionWording Wording { get; init; }
}
