using System.Globalization;
using System.Text;

namespace FormEngine.Rules;

/// <summary>
/// A value produced or read by a rule: nothing (null), yes/no, a number, text, a date or a list.
/// A small struct: numbers, dates and yes/no values are stored without boxing.
/// </summary>
public readonly struct RuleValue : IEquatable<RuleValue>
{
    // Numbers live in _number; yes/no as 0/1 and dates as their day number also live there, so the
    // struct is one decimal, one reference and one kind.
    private readonly decimal _number;
    private readonly object? _reference;
    private readonly RuleTypeKind _kind;

    private RuleValue(RuleTypeKind kind, decimal number, object? reference)
    {
        _kind = kind;
        _number = number;
        _reference = reference;
    }

    /// <summary>The kind of this value; <see cref="RuleTypeKind.Null"/> for nothing.</summary>
    public RuleTypeKind Kind => _kind == RuleTypeKind.Any ? RuleTypeKind.Null : _kind;

    /// <summary>True when this is the null value (an unanswered question).</summary>
    public bool IsNull => Kind == RuleTypeKind.Null;

    /// <summary>The yes/no value.</summary>
    /// <exception cref="InvalidOperationException">The value is not a yes/no value.</exception>
    public bool AsBoolean => Expect(RuleTypeKind.Boolean)._number != 0;

    /// <summary>The number.</summary>
    /// <exception cref="InvalidOperationException">The value is not a number.</exception>
    public decimal AsNumber => Expect(RuleTypeKind.Number)._number;

    /// <summary>The text.</summary>
    /// <exception cref="InvalidOperationException">The value is not text.</exception>
    public string AsText => (string)Expect(RuleTypeKind.Text)._reference!;

    /// <summary>The date.</summary>
    /// <exception cref="InvalidOperationException">The value is not a date.</exception>
    public DateOnly AsDate => DateOnly.FromDayNumber((int)Expect(RuleTypeKind.Date)._number);

    /// <summary>The list items.</summary>
    /// <exception cref="InvalidOperationException">The value is not a list.</exception>
    public IReadOnlyList<RuleValue> AsList => (IReadOnlyList<RuleValue>)Expect(RuleTypeKind.List)._reference!;

    /// <summary>Nothing: the value of an unanswered question.</summary>
    public static RuleValue Null => default;

    /// <summary>The yes/no value <c>true</c>.</summary>
    public static RuleValue True { get; } = new(RuleTypeKind.Boolean, 1, null);

    /// <summary>The yes/no value <c>false</c>.</summary>
    public static RuleValue False { get; } = new(RuleTypeKind.Boolean, 0, null);

    /// <summary>Makes a yes/no value.</summary>
    /// <param name="v">The value.</param>
    /// <returns><see cref="True"/> or <see cref="False"/>.</returns>
    public static RuleValue FromBoolean(bool v) => v ? True : False;

    /// <summary>Makes a number.</summary>
    /// <param name="v">The number.</param>
    /// <returns>The value.</returns>
    public static RuleValue FromNumber(decimal v) => new(RuleTypeKind.Number, v, null);

    /// <summary>Makes a text value; null text gives <see cref="Null"/>.</summary>
    /// <param name="v">The text.</param>
    /// <returns>The value.</returns>
    public static RuleValue FromText(string? v) => v is null ? Null : new(RuleTypeKind.Text, 0, v);

    /// <summary>Makes a date.</summary>
    /// <param name="v">The date.</param>
    /// <returns>The value.</returns>
    public static RuleValue FromDate(DateOnly v) => new(RuleTypeKind.Date, v.DayNumber, null);

    /// <summary>Makes a list; the list is kept, not copied, so it must not change afterwards.</summary>
    /// <param name="items">The items.</param>
    /// <returns>The value.</returns>
    public static RuleValue FromList(IReadOnlyList<RuleValue> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new(RuleTypeKind.List, 0, items);
    }

    /// <summary>The date's day number without the range check of <see cref="AsDate"/>; for the runtime.</summary>
    internal int DayNumber => (int)_number;

    // Unchecked reads for the runtime, which has already tested the kind: the checked properties above
    // copy the value and test the kind again, which showed in every comparison a rule evaluates.

    /// <summary>The number (or day number, or 0/1) without a kind check.</summary>
    internal decimal RawNumber => _number;

    /// <summary>The text or list without a kind check.</summary>
    internal object? RawReference => _reference;

    /// <summary>True only for the yes/no value true; what a condition needs.</summary>
    internal bool IsTrueBoolean => _kind == RuleTypeKind.Boolean && _number != 0;

    /// <summary>Structural equality: same kind and same content (lists item by item).</summary>
    /// <param name="other">The other value.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(RuleValue other)
    {
        var kind = Kind;
        if (kind != other.Kind)
        {
            return false;
        }

        switch (kind)
        {
            case RuleTypeKind.Null:
                return true;
            case RuleTypeKind.Text:
                return string.Equals((string)_reference!, (string)other._reference!, StringComparison.Ordinal);
            case RuleTypeKind.List:
                var a = AsList;
                var b = other.AsList;
                if (a.Count != b.Count)
                {
                    return false;
                }

                for (var i = 0; i < a.Count; i++)
                {
                    if (!a[i].Equals(b[i]))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return _number == other._number;
        }
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RuleValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Kind switch
    {
        RuleTypeKind.Null => 0,
        RuleTypeKind.Text => HashCode.Combine(Kind, StringComparer.Ordinal.GetHashCode((string)_reference!)),
        RuleTypeKind.List => HashCode.Combine(Kind, AsList.Count),
        _ => HashCode.Combine(Kind, _number),
    };

    /// <summary>Equality of two values, as <see cref="Equals(RuleValue)"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(RuleValue left, RuleValue right) => left.Equals(right);

    /// <summary>Inequality of two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>True when not equal.</returns>
    public static bool operator !=(RuleValue left, RuleValue right) => !left.Equals(right);

    /// <summary>The value as a rule literal, as used in explanations: <c>9</c>, <c>2.5</c>, <c>'text'</c>, <c>2017-03-02</c>, <c>true</c>, <c>null</c>, <c>['MOB', 'COMM']</c>.</summary>
    /// <returns>The literal text.</returns>
    public override string ToString()
    {
        switch (Kind)
        {
            case RuleTypeKind.Null:
                return "null";
            case RuleTypeKind.Boolean:
                return AsBoolean ? "true" : "false";
            case RuleTypeKind.Number:
                return FormatNumber(_number);
            case RuleTypeKind.Text:
                return QuoteText((string)_reference!);
            case RuleTypeKind.Date:
                return AsDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case RuleTypeKind.List:
                var builder = new StringBuilder("[");
                var items = AsList;
                for (var i = 0; i < items.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(", ");
                    }

                    builder.Append(items[i].ToString());
                }

                return builder.Append(']').ToString();
            default:
                return Kind.ToString();
        }
    }

    /// <summary>Formats a number without trailing zeros, culture-invariant.</summary>
    internal static string FormatNumber(decimal value) =>
        value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>Quotes text as a single-quoted rule literal with backslash escapes.</summary>
    internal static string QuoteText(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('\'');
        foreach (var c in text)
        {
            switch (c)
            {
                case '\'': builder.Append("\\'"); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\t': builder.Append("\\t"); break;
                default: builder.Append(c); break;
            }
        }

        return builder.Append('\'').ToString();
    }

    private RuleValue Expect(RuleTypeKind kind) =>
        Kind == kind ? this : throw new InvalidOperationException($"The value {this} is not a {kind}.");
}
