namespace FormEngine.Views;

/// <summary>A section as renderers see it.</summary>
public sealed record SectionView : FormElement
{
    /// <summary>The section's questions, hidden ones included (renderers decide by mode whether to show them).</summary>
    public required IReadOnlyList<QuestionView> Questions { get; init; }
}
