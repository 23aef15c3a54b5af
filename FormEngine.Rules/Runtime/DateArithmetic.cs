using System.Globalization;

namespace FormEngine.Rules.Runtime;

/// <summary>
/// The semantics of the date functions. Null in means null out, and so does any result outside the
/// calendar (years 1 to 9999): a rule about a mistyped date must not stop the form, so nothing here throws.
/// Every "between" counts from its first date to its second, negative when the second is earlier, and
/// counts whole units the way <see cref="YearsBetween"/> counts birthdays: a unit is complete on the same
/// day of the month, or on the 1st of the next month when that month is too short (29 February in other
/// years, 31 January in February).
/// </summary>
internal static class DateArithmetic
{
    // No larger number of months or years keeps a date in the calendar; checking first keeps the
    // arithmetic below well inside int, so the checked blocks are a guard that never fires.
    private const decimal MaxSteps = 3_652_059m;

    /// <summary>A date from text written year-month-day; null for anything else.</summary>
    public static RuleValue Date(RuleValue text) =>
        text.Kind == RuleTypeKind.Text
        && DateOnly.TryParseExact(text.AsText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? RuleValue.FromDate(date)
            : RuleValue.Null;

    public static RuleValue Year(RuleValue date) =>
        date.Kind == RuleTypeKind.Date ? RuleValue.FromNumber(date.AsDate.Year) : RuleValue.Null;

    public static RuleValue Month(RuleValue date) =>
        date.Kind == RuleTypeKind.Date ? RuleValue.FromNumber(date.AsDate.Month) : RuleValue.Null;

    public static RuleValue Day(RuleValue date) =>
        date.Kind == RuleTypeKind.Date ? RuleValue.FromNumber(date.AsDate.Day) : RuleValue.Null;

    /// <summary>The date <paramref name="days"/> days later (earlier when negative); a fraction of a day is dropped, as with <c>date + n</c>.</summary>
    public static RuleValue AddDays(RuleValue date, RuleValue days) =>
        date.Kind == RuleTypeKind.Date && days.Kind == RuleTypeKind.Number
            ? RuleOps.AddDays(date, days.AsNumber)
            : RuleValue.Null;

    /// <summary>
    /// The same day <paramref name="months"/> months later, or the last day of that month when it is
    /// shorter (31 January plus one month is 28 or 29 February), as spreadsheets' EDATE; a fraction of a
    /// month is dropped, as EDATE does.
    /// </summary>
    public static RuleValue AddMonths(RuleValue date, RuleValue months)
    {
        if (date.Kind != RuleTypeKind.Date || months.Kind != RuleTypeKind.Number || Math.Abs(months.AsNumber) > MaxSteps)
        {
            return RuleValue.Null;
        }

        var start = date.AsDate;
        var month = checked((start.Year * 12) + start.Month - 1 + (int)decimal.Truncate(months.AsNumber));

        // A negative count of months since year 0 gives a year below 1, which OnDay turns into null.
        return OnDay(month / 12, (month % 12) + 1, start.Day);
    }

    /// <summary>The same day <paramref name="years"/> years later; 29 February becomes 28 February in a year that has none.</summary>
    public static RuleValue AddYears(RuleValue date, RuleValue years)
    {
        if (date.Kind != RuleTypeKind.Date || years.Kind != RuleTypeKind.Number || Math.Abs(years.AsNumber) > MaxSteps)
        {
            return RuleValue.Null;
        }

        var start = date.AsDate;
        return OnDay(checked(start.Year + (int)decimal.Truncate(years.AsNumber)), start.Month, start.Day);
    }

    /// <summary>Whole years from <paramref name="from"/> to <paramref name="to"/> (negative when to is earlier). Someone born on 29 February is a year older on 1 March in other years.</summary>
    public static RuleValue YearsBetween(RuleValue from, RuleValue to) =>
        from.Kind == RuleTypeKind.Date && to.Kind == RuleTypeKind.Date
            ? RuleValue.FromNumber(WholeMonths(from.AsDate, to.AsDate) / 12)
            : RuleValue.Null;

    /// <summary>Whole months from <paramref name="from"/> to <paramref name="to"/> (negative when to is earlier): 31 January to 28 February is 0, to 1 March is 1.</summary>
    public static RuleValue MonthsBetween(RuleValue from, RuleValue to) =>
        from.Kind == RuleTypeKind.Date && to.Kind == RuleTypeKind.Date
            ? RuleValue.FromNumber(WholeMonths(from.AsDate, to.AsDate))
            : RuleValue.Null;

    /// <summary>Days from <paramref name="from"/> to <paramref name="to"/> (to minus from).</summary>
    public static RuleValue DaysBetween(RuleValue from, RuleValue to) =>
        from.Kind == RuleTypeKind.Date && to.Kind == RuleTypeKind.Date
            ? RuleValue.FromNumber(to.DayNumber - from.DayNumber)
            : RuleValue.Null;

    /// <summary>Whole weeks from <paramref name="from"/> to <paramref name="to"/>: 13 days is 1 week, and -13 days is -1.</summary>
    public static RuleValue WeeksBetween(RuleValue from, RuleValue to) =>
        from.Kind == RuleTypeKind.Date && to.Kind == RuleTypeKind.Date
            ? RuleValue.FromNumber((to.DayNumber - from.DayNumber) / 7) // int division rounds toward zero
            : RuleValue.Null;

    /// <summary>Whole years from a date of birth to <paramref name="on"/>: what <c>age()</c> gives when today is that date.</summary>
    public static RuleValue AgeOn(RuleValue dateOfBirth, RuleValue on) => YearsBetween(dateOfBirth, on);

    /// <summary>Whole years from a date of birth to the evaluation date.</summary>
    public static RuleValue Age(RuleValue dateOfBirth, DateOnly today) => YearsBetween(dateOfBirth, RuleValue.FromDate(today));

    /// <summary>
    /// The National Curriculum year group in England and Wales on <paramref name="on"/>: Reception is 0,
    /// Year 1 is 1, and so on. A school year runs from 1 September to 31 August, and a child's year group
    /// is their age on the 31 August before it, less 4, so everyone born between 1 September and the next
    /// 31 August is in the same group. Null before Reception (that age under 4); after Year 13 it keeps
    /// counting, so a rule can tell a school leaver from a child not yet at school.
    /// </summary>
    public static RuleValue SchoolYear(RuleValue dateOfBirth, RuleValue on)
    {
        if (dateOfBirth.Kind != RuleTypeKind.Date || on.Kind != RuleTypeKind.Date)
        {
            return RuleValue.Null;
        }

        var birth = dateOfBirth.AsDate;
        var date = on.AsDate;
        var schoolYearStart = date.Month >= 9 ? date.Year : date.Year - 1;

        // Age on 31 August of that year, worked out without making the date: it does not exist before year 1.
        var ageOn31August = schoolYearStart - birth.Year - (birth.Month >= 9 ? 1 : 0);
        return ageOn31August < 4 ? RuleValue.Null : RuleValue.FromNumber(ageOn31August - 4);
    }

    /// <summary>Whole months from a to b, counted from the earlier date and negated when b is earlier, so swapping the dates only changes the sign.</summary>
    private static int WholeMonths(DateOnly a, DateOnly b)
    {
        var sign = 1;
        if (b < a)
        {
            (a, b) = (b, a);
            sign = -1;
        }

        var months = ((b.Year - a.Year) * 12) + b.Month - a.Month;
        if (b.Day < a.Day)
        {
            months--; // the last month is not complete until the same day of the month (or the 1st after a short month)
        }

        return sign * months;
    }

    /// <summary>The day in that month, or the month's last day when it is shorter; null outside the calendar.</summary>
    private static RuleValue OnDay(int year, int month, int day) =>
        year is < 1 or > 9999
            ? RuleValue.Null
            : RuleValue.FromDate(new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month))));
}
