using System.Linq.Expressions;
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
            Compile = new(
                _ => (in EvalContext x) => RuleValue.FromDate(x.Today),
                (_, emit) => Expression.Call(typeof(RuleValue), nameof(RuleValue.FromDate), null, emit.Today)),
            Wording = FunctionWording.Phrase(en: "today", cy: "heddiw"),
        },
        new("date", "date('2024-01-31')", Arity.Exactly(1))
        {
            Check = CheckDate,
            Compile = CallCompiler.Calling(DateArithmetic.Date),

            // A written date reads as itself in any language; a date made from an answer reads as written.
            Wording = FunctionWording.Own(call => call.Arguments[0] is BoundLiteral { Value.Kind: RuleTypeKind.Text } literal ? literal.Value.AsText : null),
        },
        new("age", "age(date of birth)", Arity.Exactly(1))
        {
            Check = call => call.Expect(0, RuleTypeKind.Date) ? call.ReadingToday(RuleType.Number) : null,
            Compile = new(
                call =>
                {
                    var dateOfBirth = Compiler.Compile(call.Arguments[0]);
                    return (in EvalContext x) => DateArithmetic.Age(dateOfBirth(in x), x.Today);
                },
                (call, emit) => CallCompiler.Call(typeof(DateArithmetic), nameof(DateArithmetic.Age), emit.Value(call.Arguments[0]), emit.Today)),
            Wording = FunctionWording.Phrase(en: "the age in years from {0}", cy: "yr oed mewn blynyddoedd o {0}"),
        },
        new("years_between", "years_between(from date, to date)", Arity.Exactly(2))
        {
            Check = CheckTwoDates,
            Compile = CallCompiler.Calling(DateArithmetic.YearsBetween),
            Wording = FunctionWording.Phrase(en: "the whole years from {0} to {1}", cy: "y blynyddoedd cyfan o {0} i {1}"),
        },
        new("days_between", "days_between(from date, to date)", Arity.Exactly(2))
        {
            Check = CheckTwoDates,
            Compile = CallCompiler.Calling(DateArithmetic.DaysBetween),
            Wording = FunctionWording.Phrase(en: "the days from {0} to {1}", cy: "y dyddiau o {0} i {1}"),
        },
        new("months_between", "months_between(from date, to date)", Arity.Exactly(2))
        {
            Check = CheckTwoDates,
            Compile = CallCompiler.Calling(DateArithmetic.MonthsBetween),
            Wording = FunctionWording.Phrase(en: "the whole months from {0} to {1}", cy: "y misoedd cyfan o {0} i {1}"),
        },
        new("weeks_between", "weeks_between(from date, to date)", Arity.Exactly(2))
        {
            Check = CheckTwoDates,
            Compile = CallCompiler.Calling(DateArithmetic.WeeksBetween),
            Wording = FunctionWording.Phrase(en: "the whole weeks from {0} to {1}", cy: "yr wythnosau cyfan o {0} i {1}"),
        },
        new("age_on", "age_on(date of birth, date)", Arity.Exactly(2))
        {
            Check = CheckTwoDates,
            Compile = CallCompiler.Calling(DateArithmetic.AgeOn),
            Wording = FunctionWording.Phrase(en: "the age in years from {0} on {1}", cy: "yr oed mewn blynyddoedd o {0} ar {1}"),
        },
        new("school_year", "school_year(date of birth, date)", Arity.Exactly(2))
        {
            Check = CheckTwoDates,
            Compile = CallCompiler.Calling(DateArithmetic.SchoolYear),
            Wording = FunctionWording.Phrase(
                en: "the school year group from {0} on {1} (Reception is 0)",
                cy: "y grŵp blwyddyn ysgol o {0} ar {1} (0 yw'r Dosbarth Derbyn)"),
        },
        new("year", "year(date)", Arity.Exactly(1))
        {
            Check = CheckDateToNumber,
            Compile = CallCompiler.Calling(DateArithmetic.Year),
            Wording = FunctionWording.Phrase(en: "the year of {0}", cy: "y flwyddyn yn {0}"),
        },
        new("month", "month(date)", Arity.Exactly(1))
        {
            Check = CheckDateToNumber,
            Compile = CallCompiler.Calling(DateArithmetic.Month),
            Wording = FunctionWording.Phrase(en: "the month of {0} (1 to 12)", cy: "rhif y mis yn {0} (1 i 12)"),
        },
        new("day", "day(date)", Arity.Exactly(1))
        {
            Check = CheckDateToNumber,
            Compile = CallCompiler.Calling(DateArithmetic.Day),
            Wording = FunctionWording.Phrase(en: "the day of the month of {0}", cy: "diwrnod y mis yn {0}"),
        },
        new("add_days", "add_days(date, days)", Arity.Exactly(2))
        {
            Check = CheckDateAndNumber,
            Compile = CallCompiler.Calling(DateArithmetic.AddDays),
            Wording = FunctionWording.Phrase(en: "{0} plus {1} days", cy: "{0} + {1} o ddiwrnodau"),
        },
        new("add_months", "add_months(date, months)", Arity.Exactly(2))
        {
            Check = CheckDateAndNumber,
            Compile = CallCompiler.Calling(DateArithmetic.AddMonths),
            Wording = FunctionWording.Phrase(en: "{0} plus {1} months", cy: "{0} + {1} o fisoedd"),
        },
        new("add_years", "add_years(date, years)", Arity.Exactly(2))
        {
            Check = CheckDateAndNumber,
            Compile = CallCompiler.Calling(DateArithmetic.AddYears),
            Wording = FunctionWording.Phrase(en: "{0} plus {1} years", cy: "{0} + {1} o flynyddoedd"),
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

    private static RuleType? CheckDateToNumber(CallChecker call) => call.Expect(0, RuleTypeKind.Date) ? RuleType.Number : null;

    /// <summary>A date and a number of days, months or years (each one reported if not), and the result is a date.</summary>
    private static RuleType? CheckDateAndNumber(CallChecker call) =>
        call.Expect(0, RuleTypeKind.Date) & call.Expect(1, RuleTypeKind.Number) ? RuleType.Date : null;

    /// <summary>Both values are dates (each one reported if not), and the result is a number.</summary>
    private static RuleType? CheckTwoDates(CallChecker call) =>
        call.Expect(0, RuleTypeKind.Date) & call.Expect(1, RuleTypeKind.Date) ? RuleType.Number : null;
}
