using System.Runtime.InteropServices;

namespace FormEngine.Rules.Runtime;

/// <summary>
/// The semantics of the operators, shared by compiled rules and explanations so the two can never
/// disagree. Null is an unanswered question: <c>=</c> with null is true only when both sides are null,
/// <c>!=</c> is its negation, ordering with null is false, arithmetic with null is null, and the logical
/// operators treat null as false. Nothing here throws for any input.
/// </summary>
internal static class RuleOps
{
    /// <summary>A condition holds only for the yes/no value true; null counts as false.</summary>
    public static bool IsTrue(RuleValue value) => value.IsTrueBoolean;

    public static RuleValue Not(RuleValue value) => RuleValue.FromBoolean(!IsTrue(value));

    public static RuleValue And(RuleValue left, RuleValue right) => RuleValue.FromBoolean(IsTrue(left) && IsTrue(right));

    public static RuleValue Or(RuleValue left, RuleValue right) => RuleValue.FromBoolean(IsTrue(left) || IsTrue(right));

    /// <summary>Exact equality: text is compared ordinally (case matters), lists item by item, null equals only null.</summary>
    public static bool AreEqual(RuleValue left, RuleValue right) => left.Equals(right);

    public static RuleValue Equal(RuleValue left, RuleValue right) => RuleValue.FromBoolean(AreEqual(left, right));

    public static RuleValue NotEqual(RuleValue left, RuleValue right) => RuleValue.FromBoolean(!AreEqual(left, right));

    public static RuleValue Less(RuleValue left, RuleValue right) => RuleValue.FromBoolean(IsLess(left, right));

    public static RuleValue LessOrEqual(RuleValue left, RuleValue right) => RuleValue.FromBoolean(IsLessOrEqual(left, right));

    public static RuleValue Greater(RuleValue left, RuleValue right) => RuleValue.FromBoolean(IsGreater(left, right));

    public static RuleValue GreaterOrEqual(RuleValue left, RuleValue right) => RuleValue.FromBoolean(IsGreaterOrEqual(left, right));

    public static bool IsLess(RuleValue left, RuleValue right) => TryCompare(left, right, out var c) && c < 0;

    public static bool IsLessOrEqual(RuleValue left, RuleValue right) => TryCompare(left, right, out var c) && c <= 0;

    public static bool IsGreater(RuleValue left, RuleValue right) => TryCompare(left, right, out var c) && c > 0;

    public static bool IsGreaterOrEqual(RuleValue left, RuleValue right) => TryCompare(left, right, out var c) && c >= 0;

    /// <summary>Orders two values of the same kind (numbers, dates, text by code point); false when either is null or the kinds differ.</summary>
    public static bool TryCompare(RuleValue left, RuleValue right, out int comparison)
    {
        comparison = 0;
        var kind = left.Kind;
        if (kind != right.Kind)
        {
            return false;
        }

        switch (kind)
        {
            case RuleTypeKind.Number:
                comparison = decimal.Compare(left.RawNumber, right.RawNumber);
                return true;
            case RuleTypeKind.Date:
                comparison = left.DayNumber.CompareTo(right.DayNumber);
                return true;
            case RuleTypeKind.Text:
                comparison = string.CompareOrdinal((string)left.RawReference!, (string)right.RawReference!);
                return true;
            default:
                return false;
        }
    }

    /// <summary>True when <paramref name="item"/> is one of the list's items; false when either side is null.</summary>
    public static bool Contains(RuleValue list, RuleValue item)
    {
        if (item.IsNull || list.Kind != RuleTypeKind.List)
        {
            return false;
        }

        if (item.Kind == RuleTypeKind.Text)
        {
            return ContainsText(list, (string)item.RawReference!);
        }

        // Lists built by the engine and by rules are arrays or List<RuleValue>: walk them without interface calls.
        if (TryGetItems(list, out var span))
        {
            foreach (ref readonly var candidate in span)
            {
                if (candidate.Equals(item))
                {
                    return true;
                }
            }

            return false;
        }

        var items = list.AsList;
        for (var i = 0; i < items.Count; i++)
        {
            if (AreEqual(items[i], item))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <see cref="Contains"/> for a piece of text: an item matches when it is text equal to it (ordinally).
    /// Most lists rules search are multiple-choice answers searched for a written code.
    /// </summary>
    public static bool ContainsText(RuleValue list, string text)
    {
        if (list.Kind != RuleTypeKind.List)
        {
            return false;
        }

        if (TryGetItems(list, out var span))
        {
            foreach (ref readonly var candidate in span)
            {
                if (candidate.Kind == RuleTypeKind.Text && string.Equals((string)candidate.RawReference!, text, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        var items = list.AsList;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Kind == RuleTypeKind.Text && string.Equals((string)items[i].RawReference!, text, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The items of a list backed by an array or a <see cref="List{T}"/>, as a span; false for any other list.</summary>
    private static bool TryGetItems(RuleValue list, out ReadOnlySpan<RuleValue> items)
    {
        switch (list.RawReference)
        {
            case RuleValue[] array:
                items = array;
                return true;
            case List<RuleValue> values:
                items = CollectionsMarshal.AsSpan(values);
                return true;
            default:
                items = default;
                return false;
        }
    }

    public static RuleValue In(RuleValue item, RuleValue list) => RuleValue.FromBoolean(Contains(list, item));

    public static RuleValue NotIn(RuleValue item, RuleValue list) => RuleValue.FromBoolean(!Contains(list, item));

    public static RuleValue Negate(RuleValue value) =>
        value.Kind == RuleTypeKind.Number ? RuleValue.FromNumber(-value.AsNumber) : RuleValue.Null;

    /// <summary>Numbers add; a date plus a number of days is a date; two pieces of text are joined.</summary>
    public static RuleValue Add(RuleValue left, RuleValue right)
    {
        switch (left.Kind, right.Kind)
        {
            case (RuleTypeKind.Number, RuleTypeKind.Number):
                return Checked(left.AsNumber, right.AsNumber, static (a, b) => a + b);
            case (RuleTypeKind.Date, RuleTypeKind.Number):
                return AddDays(left, right.AsNumber);
            case (RuleTypeKind.Number, RuleTypeKind.Date):
                return AddDays(right, left.AsNumber);
            case (RuleTypeKind.Text, RuleTypeKind.Text):
                return RuleValue.FromText(string.Concat(left.AsText, right.AsText));
            default:
                return RuleValue.Null;
        }
    }

    /// <summary>Numbers subtract; a date minus a number of days is a date; a date minus a date is the number of days between.</summary>
    public static RuleValue Subtract(RuleValue left, RuleValue right)
    {
        switch (left.Kind, right.Kind)
        {
            case (RuleTypeKind.Number, RuleTypeKind.Number):
                return Checked(left.AsNumber, right.AsNumber, static (a, b) => a - b);
            case (RuleTypeKind.Date, RuleTypeKind.Number):
                return AddDays(left, -right.AsNumber);
            case (RuleTypeKind.Date, RuleTypeKind.Date):
                return RuleValue.FromNumber(left.DayNumber - right.DayNumber);
            default:
                return RuleValue.Null;
        }
    }

    public static RuleValue Multiply(RuleValue left, RuleValue right) =>
        left.Kind == RuleTypeKind.Number && right.Kind == RuleTypeKind.Number
            ? Checked(left.AsNumber, right.AsNumber, static (a, b) => a * b)
            : RuleValue.Null;

    /// <summary>Division; dividing by zero gives null rather than an error.</summary>
    public static RuleValue Divide(RuleValue left, RuleValue right) =>
        left.Kind == RuleTypeKind.Number && right.Kind == RuleTypeKind.Number && right.AsNumber != 0
            ? Checked(left.AsNumber, right.AsNumber, static (a, b) => a / b)
            : RuleValue.Null;

    /// <summary>No calendar spans more days than this.</summary>
    public const int CalendarDays = 3_652_059;

    /// <summary>Adds whole days (a fraction is dropped); null when the result is outside the calendar.</summary>
    public static RuleValue AddDays(RuleValue date, decimal days)
    {
        // No calendar spans more days than this, so a larger count is out of range before any sum is made:
        // adding a count near decimal's limit to a day number would itself overflow.
        const decimal calendarDays = CalendarDays;
        var whole = decimal.Truncate(days);
        if (whole > calendarDays || whole < -calendarDays)
        {
            return RuleValue.Null;
        }

        return AddWholeDays(date, (int)whole);
    }

    /// <summary>Adds a whole number of days no larger than the calendar; null when the result is outside it.</summary>
    public static RuleValue AddWholeDays(RuleValue date, int days)
    {
        var day = (long)date.DayNumber + days;
        return day < DateOnly.MinValue.DayNumber || day > DateOnly.MaxValue.DayNumber
            ? RuleValue.Null
            : RuleValue.FromDate(DateOnly.FromDayNumber((int)day));
    }

    /// <summary>Runs decimal arithmetic, turning overflow into null.</summary>
    public static RuleValue Checked(decimal a, decimal b, Func<decimal, decimal, decimal> operation)
    {
        try
        {
            return RuleValue.FromNumber(operation(a, b));
        }
        catch (OverflowException)
        {
            return RuleValue.Null;
        }
    }
}
