using FormEngine.Views;

namespace FormEngine.Renderers.Html;

/// <summary>
/// What an HTML page includes: <see cref="ModeRules"/>, and on a form also each hidden follow-up question
/// (<see cref="QuestionView.FollowUpOf"/>), drawn under the option that reveals it, since choosing the option
/// shows it with or without script. The renderer and <see cref="HtmlFormBinder"/> both ask here, so the binder
/// reads exactly the fields the page has.
/// </summary>
internal static class HtmlModeRules
{
    public static bool Includes(FormElement element, OutputMode mode) =>
        ModeRules.Includes(element, mode) || (mode == OutputMode.Form && element is QuestionView { FollowUpOf: not null });
}
