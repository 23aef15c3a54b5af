namespace FormEngine.Rules.Ast;

/// <summary>A function call, e.g. <c>age(child.dob)</c>. The name is kept in lower case: names are case-insensitive.</summary>
internal sealed class CallSyntax(string name, IReadOnlyList<RuleSyntax> arguments, int offset, int length, int nameLength) : RuleSyntax(offset, length)
{
    public string Name { get; } = name;

    public IReadOnlyList<RuleSyntax> Arguments { get; } = arguments;

    public int NameLength { get; } = nameLength;
}
