using System.Globalization;

namespace FormEngine.Evaluation;

/// <summary>Which of a question's limits an answer is outside.</summary>
internal enum LimitKind
{
    /// <summary>A number below the question's <c>min</c>.</summary>
    NumberAtLeast,

    /// <summary>A number above the question's <c>max</c>.</summary>
    NumberAtMost,

    /// <summary>Fewer items than the group's <c>min_items</c>.</summary>
    ItemsAtLeast,

    /// <summary>More items than the group's <c>max_items</c>.</summary>
    ItemsAtMost,
}

/// <summary>
/// FormEngine's own validation message as data: which limit, and the limit. The session keeps it with its English
/// text (what results and the command line report); a view words it in its reader's language
/// (the Views layer's <c>Wording</c>), so evaluation never chooses words for a reader.
/// </summary>
/// <param name="Kind">Which limit.</param>
/// <param name="Limit">The limit.</param>
internal sealed record LimitError(LimitKind Kind, decimal Limit)
{
    /// <summary>The limit as a message writes it: invariant, without trailing zeros (<c>2.5</c>, <c>10</c>).</summary>
    public string LimitText => NumberText.Format(Limit);

    /// <summary>"s" after "item" unless the limit is one (English; other languages' formats may ignore it).</summary>
    public string Plural => Limit == 1 ? string.Empty : "s";

    /// <summary>The message's format in English: <c>{0}</c> is the limit, <c>{1}</c> the plural ending.</summary>
    /// <param name="kind">Which limit.</param>
    /// <returns>The format.</returns>
    public static string EnglishFormat(LimitKind kind) => kind switch
    {
        LimitKind.NumberAtLeast => "Enter a number of at least {0}.",
        LimitKind.NumberAtMost => "Enter a number no more than {0}.",
        LimitKind.ItemsAtLeast => "Add at least {0} item{1}.",
        _ => "Add no more than {0} item{1}.",
    };

    /// <summary>The message in English.</summary>
    public string EnglishText => string.Format(CultureInfo.InvariantCulture, EnglishFormat(Kind), LimitText, Plural);
}

/// <summary>Numbers as messages and forms write them, the same on every machine.</summary>
internal static class NumberText
{
    /// <summary>A number without trailing zeros, invariant: <c>2.5</c>, <c>-3</c>, <c>1000</c>.</summary>
    public static string Format(decimal number) =>
        (number / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
