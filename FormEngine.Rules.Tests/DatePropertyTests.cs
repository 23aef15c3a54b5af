using FormEngine.Rules.Runtime;
using FsCheck;
using FsCheck.Fluent;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;

namespace FormEngine.Rules.Tests;

/// <summary>
/// Laws the date functions keep across the whole calendar, beyond the worked examples in
/// Cases/evaluation.cases: counts agree with each other, sums undo, and nothing throws at the calendar's ends.
/// </summary>
public sealed class DatePropertyTests
{
    private static readonly Arbitrary<DateOnly> Dates =
        Gen.OneOf(
            Gen.Choose(DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber),
            Gen.Elements(DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber, new DateOnly(2024, 2, 29).DayNumber))
        .Select(DateOnly.FromDayNumber).ToArbitrary();

    // Ordinary counts, the edges of the calendar and the edges of decimal, fractions included.
    private static readonly Arbitrary<decimal> Counts =
        Gen.OneOf(
            Gen.Choose(-2400, 2400).Select(n => (decimal)n),
            Gen.Choose(-40000, 40000).Select(n => n / 10m),
            Gen.Elements(decimal.MaxValue, decimal.MinValue, 3_652_058m, -3_652_058m, 3_652_059m, 119_988m, 9_999m, -9_999m))
        .ToArbitrary();

    [Property(MaxTest = 2000)]
    public Property Adding_never_throws_and_stays_in_the_calendar_or_gives_null() =>
        Prop.ForAll(Dates, Counts, (date, count) =>
        {
            var d = RuleValue.FromDate(date);
            var n = RuleValue.FromNumber(count);
            foreach (var result in new[] { DateArithmetic.AddDays(d, n), DateArithmetic.AddMonths(d, n), DateArithmetic.AddYears(d, n) })
            {
                Assert.That(result.Kind, Is.EqualTo(RuleTypeKind.Date).Or.EqualTo(RuleTypeKind.Null));
                if (!result.IsNull)
                {
                    Assert.That(result.AsDate, Is.InRange(DateOnly.MinValue, DateOnly.MaxValue));
                }
            }
        });

    [Property(MaxTest = 2000)]
    public Property Add_months_keeps_the_day_or_ends_the_month_like_the_framework() =>
        Prop.ForAll(Dates, Gen.Choose(-1300, 1300).ToArbitrary(), (date, months) =>
        {
            var result = DateArithmetic.AddMonths(RuleValue.FromDate(date), RuleValue.FromNumber(months));
            var inRange = (date.Year * 12) + date.Month - 1 + months is >= 12 and < 120_000;
            Assert.That(result.IsNull, Is.EqualTo(!inRange));
            if (inRange)
            {
                // DateOnly.AddMonths clamps to the month's end too; it throws where ours gives null.
                Assert.That(result.AsDate, Is.EqualTo(date.AddMonths(months)));
            }
        });

    [Property(MaxTest = 2000)]
    public Property Add_years_keeps_the_day_or_ends_february_like_the_framework() =>
        Prop.ForAll(Dates, Gen.Choose(-10000, 10000).ToArbitrary(), (date, years) =>
        {
            var result = DateArithmetic.AddYears(RuleValue.FromDate(date), RuleValue.FromNumber(years));
            var inRange = date.Year + years is >= 1 and <= 9999;
            Assert.That(result.IsNull, Is.EqualTo(!inRange));
            if (inRange)
            {
                Assert.That(result.AsDate, Is.EqualTo(date.AddYears(years)));
            }
        });

    [Property(MaxTest = 2000)]
    public Property Counts_between_change_sign_when_the_dates_swap_and_agree_with_each_other() =>
        Prop.ForAll(Dates, Dates, (a, b) =>
        {
            var from = RuleValue.FromDate(a);
            var to = RuleValue.FromDate(b);
            var months = DateArithmetic.MonthsBetween(from, to).AsNumber;
            var days = DateArithmetic.DaysBetween(from, to).AsNumber;
            Assert.Multiple(() =>
            {
                Assert.That(DateArithmetic.MonthsBetween(to, from).AsNumber, Is.EqualTo(-months));
                Assert.That(DateArithmetic.WeeksBetween(to, from).AsNumber, Is.EqualTo(-DateArithmetic.WeeksBetween(from, to).AsNumber));
                Assert.That(DateArithmetic.YearsBetween(from, to).AsNumber, Is.EqualTo(decimal.Truncate(months / 12)));
                Assert.That(DateArithmetic.WeeksBetween(from, to).AsNumber, Is.EqualTo(decimal.Truncate(days / 7)));
            });
        });

    [Property(MaxTest = 2000)]
    public Property Whole_months_are_complete_once_add_months_is_reached() =>
        Prop.ForAll(Dates, Gen.Choose(0, 1300).ToArbitrary(), (date, months) =>
        {
            var later = DateArithmetic.AddMonths(RuleValue.FromDate(date), RuleValue.FromNumber(months));
            if (later.IsNull)
            {
                return;
            }

            // When add_months had to end the month early (31 January to 28 February), that month is not yet complete.
            var clamped = later.AsDate.Day < date.Day;
            Assert.That(DateArithmetic.MonthsBetween(RuleValue.FromDate(date), later).AsNumber, Is.EqualTo(clamped ? months - 1 : months));
        });

    [Property(MaxTest = 1000)]
    public Property School_year_goes_up_by_one_on_1_September_and_never_in_between() =>
        Prop.ForAll(Dates, Gen.Choose(1900, 2100).ToArbitrary(), (birth, year) =>
        {
            var dob = RuleValue.FromDate(birth);
            RuleValue On(int y, int m, int d) => DateArithmetic.SchoolYear(dob, RuleValue.FromDate(new DateOnly(y, m, d)));
            var start = On(year, 9, 1);
            var end = On(year + 1, 8, 31);
            var next = On(year + 1, 9, 1);
            Assert.Multiple(() =>
            {
                Assert.That(end, Is.EqualTo(start));
                if (start.IsNull)
                {
                    Assert.That(next, Is.EqualTo(RuleValue.Null).Or.EqualTo(RuleValue.FromNumber(0)), "the first year group is Reception");
                }
                else
                {
                    Assert.That(next, Is.EqualTo(RuleValue.FromNumber(start.AsNumber + 1)));
                }

                Assert.That(start.IsNull, Is.EqualTo(DateArithmetic.AgeOn(dob, RuleValue.FromDate(new DateOnly(year, 8, 31))).AsNumber < 4));
            });
        });
}
