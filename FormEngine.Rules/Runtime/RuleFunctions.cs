using System.Text.RegularExpressions;

namespace FormEngine.Rules.Runtime;

/// <summary>
/// The semantics of the built-in functions other than dates (<see cref="DateArithmetic"/>), shared by compiled rules and explanations. Null in means
/// null out (or false for tests such as <c>contains</c>), and nothing here throws for any input.
/// </summary>
internal static class RuleFunctions
{
    /// <summary>Null, blank text and an empty list are unanswered; a list is answered when one of its items is.</summary>
    public static bool IsAnswered(RuleValue value)
    {
        switch (value.Kind)
        {
            case RuleTypeKind.Null:
                return false;
            case RuleTypeKind.Text:
                return !string.IsNullOrWhiteSpace(value.AsText);
            case RuleTypeKind.List:
                var items = value.AsList;
                for (var i = 0; i < items.Count; i++)
                {
                    if (IsAnswered(items[i]))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return true;
        }
    }

    public static RuleValue Answered(RuleValue value) => RuleValue.FromBoolean(IsAnswered(value));

    /// <summary>The number of items that are not null; 0 for null.</summary>
    public static RuleValue Count(RuleValue list)
    {
        if (list.Kind != RuleTypeKind.List)
        {
            return RuleValue.FromNumber(0);
        }

        var items = list.AsList;
        var count = 0;
        for (var i = 0; i < items.Count; i++)
        {
            if (!items[i].IsNull)
            {
                count++;
            }
        }

        return RuleValue.FromNumber(count);
    }

    /// <summary>The total of the numbers, skipping nulls; 0 for an empty list; null on overflow.</summary>
    public static RuleValue Sum(RuleValue list)
    {
        if (list.Kind != RuleTypeKind.List)
        {
            return RuleValue.FromNumber(0);
        }

        var items = list.AsList;
        var total = RuleValue.FromNumber(0);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Kind == RuleTypeKind.Number)
            {
                total = RuleOps.Add(total, items[i]);
                if (total.IsNull)
                {
                    return total;
                }
            }
        }

        return total;
    }

    /// <summary>The smallest (or largest) number or date, skipping nulls; null when there is none.</summary>
    public static RuleValue Extreme(RuleValue list, bool largest)
    {
        if (list.Kind != RuleTypeKind.List)
        {
            return RuleValue.Null;
        }

        var items = list.AsList;
        var best = RuleValue.Null;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.IsNull)
            {
                continue;
            }

            if (best.IsNull)
            {
                best = item;
            }
            else if (RuleOps.TryCompare(item, best, out var c) && (largest ? c > 0 : c < 0))
            {
                best = item;
            }
        }

        return best;
    }

    /// <summary>The number of characters of text, or of items of a list.</summary>
    public static RuleValue Length(RuleValue value) => value.Kind switch
    {
        RuleTypeKind.Text => RuleValue.FromNumber(value.AsText.Length),
        RuleTypeKind.List => RuleValue.FromNumber(value.AsList.Count),
        _ => RuleValue.Null,
    };

    /// <summary>Text containment ignoring case (ordinal), or list membership; false when either side is null.</summary>
    public static RuleValue Contains(RuleValue whole, RuleValue part)
    {
        if (whole.Kind == RuleTypeKind.List)
        {
            return RuleValue.FromBoolean(RuleOps.Contains(whole, part));
        }

        return RuleValue.FromBoolean(
            whole.Kind == RuleTypeKind.Text && part.Kind == RuleTypeKind.Text
            && whole.AsText.Contains(part.AsText, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Whether text matches a pattern compiled when the rule was compiled; false for null.</summary>
    public static RuleValue Matches(RuleValue text, Regex pattern) =>
        RuleValue.FromBoolean(text.Kind == RuleTypeKind.Text && pattern.IsMatch(text.AsText));

    /// <summary>Rounds halves away from zero (2.5 → 3, -2.5 → -3); digits default to 0 and must be a whole number from 0 to 28.</summary>
    public static RuleValue Round(RuleValue number, RuleValue digits)
    {
        if (number.Kind != RuleTypeKind.Number)
        {
            return RuleValue.Null;
        }

        var places = 0m;
        if (!digits.IsNull)
        {
            if (digits.Kind != RuleTypeKind.Number)
            {
                return RuleValue.Null;
            }

            places = digits.AsNumber;
        }

        if (places != decimal.Truncate(places) || places < 0 || places > 28)
        {
            return RuleValue.Null;
        }

        return RuleValue.FromNumber(Math.Round(number.AsNumber, (int)places, MidpointRounding.AwayFromZero));
    }

    public static RuleValue Lower(RuleValue text) =>
        text.Kind == RuleTypeKind.Text ? RuleValue.FromText(text.AsText.ToLowerInvariant()) : RuleValue.Null;

    public static RuleValue Upper(RuleValue text) =>
        text.Kind == RuleTypeKind.Text ? RuleValue.FromText(text.AsText.ToUpperInvariant()) : RuleValue.Null;

    public static RuleValue Trim(RuleValue text) =>
        text.Kind == RuleTypeKind.Text ? RuleValue.FromText(text.AsText.Trim()) : RuleValue.Null;

    /// <summary>
    /// Reads text as a number (<c>'2'</c> → 2), so scored questionnaires can keep their answer codes as
    /// choice values and still add them up. Text that is not a number gives null.
    /// </summary>
    public static RuleValue Number(RuleValue text) =>
        text.Kind == RuleTypeKind.Text
        && decimal.TryParse(text.AsText.Trim(), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? RuleValue.FromNumber(number)
            : RuleValue.Null;

    public static RuleValue Abs(RuleValue number) =>
        number.Kind == RuleTypeKind.Number ? RuleValue.FromNumber(Math.Abs(number.AsNumber)) : RuleValue.Null;

    public static RuleValue Floor(RuleValue number) =>
        number.Kind == RuleTypeKind.Number ? RuleValue.FromNumber(decimal.Floor(number.AsNumber)) : RuleValue.Null;

    public static RuleValue Ceiling(RuleValue number) =>
        number.Kind == RuleTypeKind.Number ? RuleValue.FromNumber(decimal.Ceiling(number.AsNumber)) : RuleValue.Null;
}
