using FormEngine.Rules.Checking;
using FormEngine.Rules.Runtime;

namespace FormEngine.Rules.Functions;

/// <summary>Numbers: reading one from text, rounding, abs, floor and ceiling.</summary>
internal static class NumberFunctions
{
    // Declared before the definitions that use them, so they are set first.
    private static readonly CallCompiler RoundWhole = CallCompiler.Calling(number => RuleFunctions.Round(number, RuleValue.Null));
    private static readonly CallCompiler RoundTo = CallCompiler.Calling(RuleFunctions.Round);

    public static FunctionDefinition[] Definitions { get; } =
    [
        new("round", "round(number, digits)", Arity.Between(1, 2))
        {
            Check = call => call.Expect(0, RuleTypeKind.Number) & (call.Arguments.Count < 2 || call.Expect(1, RuleTypeKind.Number)) ? RuleType.Number : null,
            Compile = new(
                call => (call.Arguments.Count == 1 ? RoundWhole : RoundTo).Closure(call),
                (call, emit) => (call.Arguments.Count == 1 ? RoundWhole : RoundTo).Tree(call, emit)),
            Wording = FunctionWording.AsWritten,
        },
        new("number", "number(text)", Arity.Exactly(1))
        {
            Check = call => call.Expect(0, RuleTypeKind.Text) ? RuleType.Number : null,
            Compile = CallCompiler.Calling(RuleFunctions.Number),
            Wording = FunctionWording.AsWritten,
        },
        new("abs", "abs(number)", Arity.Exactly(1))
        {
            Check = CheckNumberToNumber,
            Compile = CallCompiler.Calling(RuleFunctions.Abs),
            Wording = FunctionWording.AsWritten,
        },
        new("floor", "floor(number)", Arity.Exactly(1))
        {
            Check = CheckNumberToNumber,
            Compile = CallCompiler.Calling(RuleFunctions.Floor),
            Wording = FunctionWording.AsWritten,
        },
        new("ceiling", "ceiling(number)", Arity.Exactly(1))
        {
            Check = CheckNumberToNumber,
            Compile = CallCompiler.Calling(RuleFunctions.Ceiling),
            Wording = FunctionWording.AsWritten,
        },
    ];

    private static RuleType? CheckNumberToNumber(CallChecker call) => call.Expect(0, RuleTypeKind.Number) ? RuleType.Number : null;
}
