using System.Globalization;
using FormEngine.Rules.Checking;
using FormEngine.Rules.Compilation;
using FormEngine.Rules.Diagnostics;
using FormEngine.Rules.Runtime;

namespace FormEngine.Rules.Functions;

/// <summary>
/// Dates and the evaluation date. "Today" is always the date the host passes in, never the computer's
/// clock, so a function that reads it says so through <see cref="CallChecker.ReadingToday"/>.
/// </summary>
internal static class DateFunctions
{
    public static FunctionDefinition[] Definitions { get; } =
    [
        new("today", "today()", Arity.Exactly(0))
        {
            Check = call => call.ReadingToday(RuleType.Date),
            Compile = _ => (in EvalContext x) => RuleValue.FromDate(x.Today),
            Wording = FunctionWording.Phrase(en: "today", cy: "heddiw"),
        },
        new("date", "date('2024-01-31')", Arity.Exactly(1))
        {
            Check = CheckDate,
            Compile = Evaluators.Calling(RuleFunctions.Date),

            // A written date reads as itself in any language; a date made from an answer reads as written.
            Wording = FunctionWording.Own(call => call.Arguments[0] is BoundLiteral { Value.Kind: RuleTypeKind.Text } literal ? literal.Value.AsText : null),
        },
        new("age", "age(date of birth)", Arity.Exactly(1))
        {
            Check = call => call.Expect(0, RuleTypeKind.Date) ? call.ReadingToday(RuleType.Number) : null,
            Compile = call =>
            {
                var dateOfBirth = Compiler.Compile(call.Arguments[0]);
                return (in EvalContext x) => RuleFunctions.Age(dateOfBirth(in x), x.Today);
            },
            Wording = FunctionWording.Phrase(en: "the age in years from {0}", cy: "yr oed mewn blynyddoedd o {0}"),
        },
        new("years_between", "years_between(from date, to date)", Arity.Exactly(2))
        {
            Check = CheckTwoDates,
            Compile = Evaluators.Calling(RuleFunctions.YearsBetween),
            Wording = FunctionWording.Phrase(en: "the whole years from {0} to {1}", cy: "y blynyddoedd cyfan o {0} i {1}"),
        },
        new("days_between", "days_between(from date, to date)", Arity.Exactly(2))
        {
            Check = CheckTwoDates,
            Compile = Evaluators.Calling(RuleFunctions.DaysBetween),
            Wording = FunctionWording.Phrase(en: "the days from {0} to {1}", cy: "y dyddiau o {0} i {1}"),
        },
    ];

    private static RuleType? CheckDate(CallChecker call)
    {
        if (!call.Expect(0, RuleTypeKind.Text))
        {
            return null;
        }

        // Text from an answer may not be a date; that gives null at run time. Written text must be one.
        if (call.Arguments[0] is BoundLiteral { Value.Kind: RuleTypeKind.Text } literal
            && !DateOnly.TryParseExact(literal.Value.AsText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            call.Error(DiagnosticCatalogue.InvalidDateLiteral, literal.Syntax,
                $"{literal.Value} is not a real date written as year-month-day.",
                "Write dates like date('2024-01-31').");
            return null;
        }

        return RuleType.Date;
    }

    /// <summary>Both values are dates (each one reported if not), and the result is a number.</summary>
    private static RuleType? CheckTwoDates(CallChecker call) =>
        call.Expect(0, RuleTypeKind.Date) & call.Expect(1, RuleTypeKind.Date) ? RuleType.Number : null;
}
