using FormEngine.Views;

namespace FormEngine.Renderers;

/// <summary>Which elements each mode includes; one place, so every output format agrees.</summary>
public static class ModeRules
{
    /// <summary>
    /// True when <paramref name="element"/> appears in output of <paramref name="mode"/>. A question marked
    /// <c>display: false</c> appears only in audit output.
    /// </summary>
    /// <param name="element">The element.</param>
    /// <param name="mode">The mode.</param>
    /// <returns>Whether to render it.</returns>
    public static bool Includes(FormElement element, RenderMode mode) => mode switch
    {
        RenderMode.Audit => true,
        _ when element is QuestionView { Display: false } => false,
        RenderMode.Form or RenderMode.Record => element.Visible,
        _ => true,
    };

    /// <summary>
    /// True when output of <paramref name="mode"/> lists the answers from earlier versions that the view holds
    /// (<see cref="FormView.EarlierAnswers"/>): only audit output, which shows everything the record keeps.
    /// </summary>
    /// <param name="mode">The mode.</param>
    /// <returns>Whether to render them.</returns>
    public static bool ShowsEarlierAnswers(RenderMode mode) => mode == RenderMode.Audit;

    /// <summary>How many empty items a blank paper form prints for a repeat group.</summary>
    public const int BlankRepeatItems = 3;
}
