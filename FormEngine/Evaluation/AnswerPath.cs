using System.Globalization;

namespace FormEngine.Evaluation;

/// <summary>
/// An answer's address: <c>child.dob</c>, or for a repeat item's field <c>household.members[1].age</c>.
/// </summary>
/// <param name="TemplatePath">The path without item indexes, e.g. <c>household.members.age</c>.</param>
/// <param name="ItemIndex">The item's index for a repeat field, or -1.</param>
internal readonly record struct AnswerPath(string TemplatePath, int ItemIndex)
{
    public static bool TryParse(string text, out AnswerPath path)
    {
        path = default;
        var open = text.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            path = new AnswerPath(text, -1);
            return text.Length > 0;
        }

        var close = text.IndexOf(']', open);
        if (close < 0 || !int.TryParse(text.AsSpan(open + 1, close - open - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return false;
        }

        var rest = text[(close + 1)..];
        if (rest.Length > 0 && !rest.StartsWith('.'))
        {
            return false;
        }

        path = new AnswerPath(text[..open] + rest, index);
        return true;
    }

    public static string Item(string groupPath, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{groupPath}[{index}]");

    public static string Format(string groupPath, int index, string fieldId) =>
        string.Create(CultureInfo.InvariantCulture, $"{groupPath}[{index}].{fieldId}");
}
