using FormEngine.Diagnostics;

namespace FormEngine.Templates;

/// <summary>A named list of choices that any question may use.</summary>
/// <param name="Id">The list's name, e.g. <c>disability_types</c>.</param>
/// <param name="Choices">The options in the order written.</param>
/// <param name="Location">Where the list is defined.</param>
public sealed record ChoiceList(string Id, IReadOnlyList<Choice> Choices, SourceLocation Location)
{
    /// <summary>The choice with this value, or null.</summary>
    public Choice? Find(string value)
    {
        foreach (var choice in Choices)
        {
            if (string.Equals(choice.Value, value, StringComparison.Ordinal))
            {
                return choice;
            }
        }

        return null;
    }
}
