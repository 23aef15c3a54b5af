using FormEngine.Rules.Checking;

namespace FormEngine.Rules.Compilation;

/// <summary>Turns a checked tree into a <see cref="CompiledRule"/> made of closures over runtime methods.</summary>
internal static class Compiler
{
    public static CompiledRule Build(string source, BoundExpression bound, RuleSymbol? scope) =>
        throw new NotImplementedException();
}
