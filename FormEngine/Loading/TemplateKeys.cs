using FormEngine.Templates;

namespace FormEngine.Loading;

/// <summary>The keys each part of a template may have. The JSON Schema in <c>schema/</c> lists the same keys.</summary>
internal static class TemplateKeys
{
    public static readonly string[] Template = ["id", "version", "title", "languages", "audiences", "sensitivity", "case_summary", "pages", "choices", "question_sets", "sections", "flags", "include", "migrations"];
    public static readonly string[] IncludedFile = ["choices", "question_sets", "sections", "flags", "include"];
    public static readonly string[] Section = ["id", "title", "label", "hint", "show_if", "required", "validate", "questions", "audiences", "sensitivity"];
    public static readonly string[] Question = ["id", "type", "label", "hint", "show_if", "required", "validate", "choices", "choice_labels", "required_message", "min", "max", "min_items", "max_items", "add_label", "remove_label", "questions", "value", "carry_forward", "audiences", "sensitivity", "summary", "display", "control"];
    public static readonly string[] QuestionSetUse = ["use"];
    public static readonly string[] Choice = ["value", "label", "hint"];
    public static readonly string[] Validation = ["rule", "message"];
    public static readonly string[] Flag = ["id", "when", "message", "severity", "audiences"];
    public static readonly string[] CaseSummary = ["audiences"];
    public static readonly string[] SensitivityLevel = ["label", "audiences"];

    /// <summary>
    /// Question keys that only some types accept; a new type-specific key is one row here (and one in
    /// <see cref="Question"/>).
    /// </summary>
    public static readonly KeyForTypes[] ForQuestionTypes =
    [
        new("choices", "choice and multichoice", [QuestionType.Choice, QuestionType.MultiChoice]),
        new("choice_labels", "choice and multichoice", [QuestionType.Choice, QuestionType.MultiChoice]),
        new("control", "choice", [QuestionType.Choice]),
        new("min", "number", [QuestionType.Number]),
        new("max", "number", [QuestionType.Number]),
        new("min_items", "repeat", [QuestionType.Repeat]),
        new("max_items", "repeat", [QuestionType.Repeat]),
        new("add_label", "repeat", [QuestionType.Repeat]),
        new("remove_label", "repeat", [QuestionType.Repeat]),
        new("questions", "repeat", [QuestionType.Repeat]),
        new("value", "calculated", [QuestionType.Calculated]),
        new("required", "answerable", Answerable),
        // A signature is given afresh on every assessment, so it is never carried forward.
        new("carry_forward", "text, textarea, number, date, boolean, choice, multichoice and repeat", [.. Answerable.Where(t => t != QuestionType.Signature)]),
        new("required_message", "answerable", Answerable),
    ];

    /// <summary>Keys some question types cannot do without, with what to tell an author who leaves one out.</summary>
    public static readonly KeyRequiredByTypes[] RequiredByQuestionTypes =
    [
        new("choices", "Name a choice list (e.g. `choices: yes_no`) or list the choices (e.g. `choices: [yes, no]`).", [QuestionType.Choice, QuestionType.MultiChoice]),
        new("value", "A calculated question needs a `value:` rule, e.g. `value: age(child.dob)`.", [QuestionType.Calculated]),
        new("questions", "A repeat group asks its `questions:` once per item.", [QuestionType.Repeat]),
    ];

    /// <summary>Every type a practitioner answers: all but <c>calculated</c> and <c>note</c>.</summary>
    private static QuestionType[] Answerable => [.. Enum.GetValues<QuestionType>().Where(QuestionTypes.IsAnswerable)];
}

/// <summary>A question key only <paramref name="Types"/> accept; <paramref name="TypesInWords"/> names them in the diagnostic.</summary>
internal sealed record KeyForTypes(string Key, string TypesInWords, QuestionType[] Types);

/// <summary>A question key <paramref name="Types"/> need; <paramref name="Why"/> is the suggestion when it is missing.</summary>
internal sealed record KeyRequiredByTypes(string Key, string Why, QuestionType[] Types);
