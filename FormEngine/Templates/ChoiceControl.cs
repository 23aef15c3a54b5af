namespace FormEngine.Templates;

/// <summary>How a choice question asks for its answer on a form (the template's <c>control:</c> key).</summary>
public enum ChoiceControl
{
    /// <summary>Not given: radio buttons, or a drop-down list for a long list (<see cref="ChoiceControls.SelectAbove"/>).</summary>
    Default,

    /// <summary><c>control: radios</c>: radio buttons, however many choices there are.</summary>
    Radios,

    /// <summary><c>control: select</c>: a drop-down list.</summary>
    Select,
}

/// <summary>The names of <see cref="ChoiceControl"/> in templates, and the default for long lists.</summary>
public static class ChoiceControls
{
    /// <summary>
    /// A choice question with more choices than this is a drop-down list unless its template says
    /// <c>control: radios</c>: a long column of radio buttons pushes the rest of the page out of sight.
    /// </summary>
    public const int SelectAbove = 12;

    /// <summary>The names a template may give: <c>radios</c> and <c>select</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["radios", "select"];

    /// <summary>Whether a choice question with <paramref name="choiceCount"/> choices is asked with a drop-down list.</summary>
    /// <param name="control">The template's <c>control:</c>.</param>
    /// <param name="choiceCount">How many choices it offers.</param>
    /// <returns>True for a drop-down list, false for radio buttons.</returns>
    public static bool UsesSelect(ChoiceControl control, int choiceCount) =>
        control == ChoiceControl.Select || (control == ChoiceControl.Default && choiceCount > SelectAbove);
}
