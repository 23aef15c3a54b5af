using System.Globalization;

namespace FormEngine.Renderers.Html;

/// <summary>
/// The names and values a form's fields carry beyond answer paths, in one place so that the renderer that
/// writes them and <see cref="HtmlFormBinder"/> that reads them back cannot drift apart.
/// </summary>
internal static class HtmlFormFields
{
    /// <summary>The button under a repeat group that adds an item; its value is the group's path.</summary>
    /// <remarks>Template ids start with a letter, so a name starting with <c>_</c> is never an answer path.</remarks>
    public const string AddItem = "_add";

    /// <summary>The button under a repeat item that removes it; its value is the item's path, e.g. <c>household.members[1]</c>.</summary>
    public const string RemoveItem = "_remove";

    /// <summary>
    /// A hidden field beside each radio or checkbox group, its value the question's path: a browser sends
    /// nothing for a group with nothing ticked, and this tells that apart from a group that was not on the
    /// submitted page (hidden then, or left out of a partial post), whose answer must be left alone.
    /// </summary>
    public const string Shown = "_shown";

    /// <summary>
    /// The suffixes of a GOV.UK date's three fields: after the question's path in their names
    /// (<c>child.dob-day</c>) and after its id in their ids (<c>f-child-dob-day</c>), as GOV.UK Frontend's
    /// date input names them. Ids start with a letter and hold no <c>-</c> of their own, so no answer path
    /// ends this way.
    /// </summary>
    public const string DaySuffix = "-day";

    /// <inheritdoc cref="DaySuffix"/>
    public const string MonthSuffix = "-month";

    /// <inheritdoc cref="DaySuffix"/>
    public const string YearSuffix = "-year";

    /// <summary>The three suffixes, day first.</summary>
    public static readonly string[] DateSuffixes = [DaySuffix, MonthSuffix, YearSuffix];

    /// <summary>The suffixes of a signature's three fields, after the question's path: who, their role, and the date.</summary>
    public const string SignatureNameSuffix = ".name";

    /// <inheritdoc cref="SignatureNameSuffix"/>
    public const string SignatureRoleSuffix = ".role";

    /// <inheritdoc cref="SignatureNameSuffix"/>
    public const string SignatureDateSuffix = ".date";

    /// <summary>A repeat item's path: <c>household.members[1]</c>.</summary>
    public static string ItemPath(string groupPath, int index) => Evaluation.AnswerPath.Item(groupPath, index);

    /// <summary>
    /// A date's input value as the GOV.UK theme's three boxes show it: <c>2017-03-02</c> is day 2, month 3,
    /// year 2017. Text kept as typed splits the same way when it has three parts (<c>2026-2-30</c>, so the
    /// boxes show what was typed); anything else leaves the boxes empty and is shown beside them instead.
    /// </summary>
    public static (string Day, string Month, string Year) DateParts(string inputValue)
    {
        var parts = inputValue.Split('-');
        return parts.Length == 3
            ? (parts[2].TrimStart('0'), parts[1].TrimStart('0'), parts[0])
            : (string.Empty, string.Empty, string.Empty);
    }
}
