using FormEngine.Views;

namespace FormEngine.Cli.Preview;

/// <summary>
/// Says in words what an answer made appear or disappear ("The section ‘Disability’ is now shown."), for the
/// page's <c>aria-live</c> region: a screen reader user hears that the form changed below them, which a
/// silent conditional reveal does not tell them.
/// </summary>
internal static class Announcements
{
    /// <summary>
    /// What changed between two views for the same reader. Views, not sessions: what is withheld from the
    /// reader is never visible in either, so its appearing or disappearing is never announced.
    /// </summary>
    public static string? Describe(FormView before, FormView after)
    {
        var was = Shown(before);
        var now = Shown(after);
        var sentences = new List<string>();
        sentences.AddRange(Outermost(now.Keys.Where(p => !was.ContainsKey(p)).ToList()).Select(p => Sentence(now[p], "shown")));
        sentences.AddRange(Outermost(was.Keys.Where(p => !now.ContainsKey(p)).ToList()).Select(p => Sentence(was[p], "hidden")));
        return sentences.Count == 0 ? null : string.Join(" ", sentences);
    }

    private static Dictionary<string, FormElement> Shown(FormView view) =>
        view.AllElements().Where(e => e.Visible && e is not QuestionView { Display: false }).ToDictionary(e => e.Path, StringComparer.Ordinal);

    /// <summary>Leaves out paths inside another changed path: when a section appears, its questions go unsaid.</summary>
    private static IEnumerable<string> Outermost(List<string> paths) =>
        paths.Where(p => !paths.Any(other => other != p && (p.StartsWith(other + ".", StringComparison.Ordinal) || p.StartsWith(other + "[", StringComparison.Ordinal))));

    private static string Sentence(FormElement element, string state)
    {
        var kind = element is SectionView ? "section" : "question";
        return $"The {kind} ‘{(string.IsNullOrEmpty(element.Label) ? element.Path : element.Label)}’ is now {state}.";
    }
}
