using System.Globalization;
using FormEngine.Rules;
using FormEngine.Templates;

namespace FormEngine.Views;

/// <summary>
/// Turns values into the text people read. Formatting is fixed (British dates, invariant numbers) rather
/// than taken from the machine's culture, so the same answers always render to the same bytes.
/// </summary>
public static class AnswerFormatter
{
    /// <summary>A date as written in a record: <c>2 March 2017</c>.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The text.</returns>
    public static string FormatDate(DateOnly date) => Wording.For("en").Date(date);

    /// <summary>A number without trailing zeros, invariant: <c>2.5</c>, <c>-3</c>, <c>1000</c>.</summary>
    /// <param name="number">The number.</param>
    /// <returns>The text.</returns>
    public static string FormatNumber(decimal number) => Evaluation.NumberText.Format(number);

    /// <summary>An answer or calculated value as people read it; choice values become their labels.</summary>
    /// <param name="question">The question, for its choice labels.</param>
    /// <param name="value">The value.</param>
    /// <returns>The text; empty for null.</returns>
    public static string Format(Question? question, RuleValue value) => value.Kind switch
    {
        RuleTypeKind.Null => string.Empty,
        RuleTypeKind.Boolean => value.AsBoolean ? "Yes" : "No",
        RuleTypeKind.Number => FormatNumber(value.AsNumber),
        RuleTypeKind.Date => FormatDate(value.AsDate),
        RuleTypeKind.Text => question?.Choices?.Find(value.AsText)?.Label ?? value.AsText,
        RuleTypeKind.List => string.Join(", ", value.AsList.Select(item => Format(question, item))),
        _ => value.ToString(),
    };

    /// <summary>An answer as a form field holds it: dates as <c>YYYY-MM-DD</c>, numbers invariant, choices as their values.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text; empty for null.</returns>
    public static string FormatForInput(RuleValue value) => value.Kind switch
    {
        RuleTypeKind.Null => string.Empty,
        RuleTypeKind.Boolean => value.AsBoolean ? "true" : "false",
        RuleTypeKind.Number => FormatNumber(value.AsNumber),
        RuleTypeKind.Date => value.AsDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        RuleTypeKind.Text => value.AsText,
        _ => value.ToString(),
    };
}
