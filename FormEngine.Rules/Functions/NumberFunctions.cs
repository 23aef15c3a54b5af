using FormEngine.Rules.Checking;
using FormEngine.Rules.Runtime;

namespace FormEngine.Rules.Functions;

/// <summary>Numbers: reading one from text, rounding, abs, floor and ceiling.</summary>
internal static class NumberFunctions
{
    public static FunctionDefinition[] Definitions { get; } =
    [
        new("round", "round(number, digits)", Arity.Between(1, 2))
        {
            Check = call => call.Expect(0, RuleTypeKind.Number) & (call.Arguments.Count < 2 || call.Expect(1, RuleTypeKind.Number)) ? RuleType.Number : null,
            Compile = call => call.Arguments.Count == 1
                ? Evaluators.Calling(number => RuleFunctions.Round(number, RuleValue.Null))(call)
                : Evaluators.Calling(RuleFunctions.Round)(call),
            Wording = FunctionWording.AsWritten,
        },
        new("number", "number(text)", Arity.Exactly(1))
        {
            Check = call => call.Expect(0, RuleTypeKind.Text) ? RuleType.Number : null,
            Compile = Evaluators.Calling(RuleFunctions.Number),
            Wording = FunctionWording.AsWritten,
        },
        new("abs", "abs(number)", Arity.Exactly(1))
        {
            Check = CheckNumberToNumber,
            Compile = Evaluators.Calling(RuleFunctions.Abs),
            Wording = FunctionWording.AsWritten,
        },
        new("floor", "floor(number)", Arity.Exactly(1))
        {
            Check = CheckNumberToNumber,
            Compile = Evaluators.Calling(RuleFunctions.Floor),
            Wording = FunctionWording.AsWritten,
        },
        new("ceiling", "ceiling(number)", Arity.Exactly(1))
        {
            Check = CheckNumberToNumber,
            Compile = Evaluators.Calling(RuleFunctions.Ceiling),
            Wording = FunctionWording.AsWritten,
        },
    ];

    private static RuleType? CheckNumberToNumber(CallChecker call) => call.Expect(0, RuleTypeKind.Number) ? RuleType.Number : null;
}
