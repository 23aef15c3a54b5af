namespace FormEngine.Templates;

/// <summary>The names question types have in YAML.</summary>
public static class QuestionTypes
{
    private static readonly (string Name, QuestionType Type)[] All =
    [
        ("text", QuestionType.Text),
        ("textarea", QuestionType.TextArea),
        ("number", QuestionType.Number),
        ("date", QuestionType.Date),
        ("boolean", QuestionType.Boolean),
        ("choice", QuestionType.Choice),
        ("multichoice", QuestionType.MultiChoice),
        ("repeat", QuestionType.Repeat),
        ("calculated", QuestionType.Calculated),
        ("note", QuestionType.Note),
        ("signature", QuestionType.Signature),
    ];

    /// <summary>Every type name, in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(a => a.Name)];

    /// <summary>Reads a type name as written in YAML.</summary>
    public static bool TryParse(string name, out QuestionType type)
    {
        foreach (var (candidate, value) in All)
        {
            if (string.Equals(candidate, name, StringComparison.Ordinal))
            {
                type = value;
                return true;
            }
        }

        type = default;
        return false;
    }

    /// <summary>
    /// True for types a person answers with one value: all but notes, calculations (worked out by a rule)
    /// and repeat groups (answered item by item).
    /// </summary>
    public static bool TakesAnswer(QuestionType type) => type is not (QuestionType.Note or QuestionType.Calculated or QuestionType.Repeat);

    /// <summary>
    /// True for types a person answers, a repeat group (answered by adding items) included: everything that
    /// can be required, carried forward or left missing. Notes and calculations are not.
    /// </summary>
    public static bool IsAnswerable(QuestionType type) => TakesAnswer(type) || type == QuestionType.Repeat;

    /// <summary>The YAML name of a type.</summary>
    public static string NameOf(QuestionType type) => All.First(a => a.Type == type).Name;
}
