using FormEngine.Evaluation;
using FormEngine.Templates;

namespace FormEngine.Cli.Preview;

/// <summary>
/// Says in words what an answer made appear or disappear ("The section ‘Disability’ is now shown."), for the
/// page's <c>aria-live</c> region: a screen reader user hears that the form changed below them, which a
/// silent conditional reveal does not tell them.
/// </summary>
internal static class Announcements
{
    public static string? Describe(FormSession before, FormSession after, string? audience, string? language)
    {
        var was = before.Evaluate().Visible.ToHashSet(StringComparer.Ordinal);
        var now = after.Evaluate().Visible.ToHashSet(StringComparer.Ordinal);
        var sentences = new List<string>();
        sentences.AddRange(Outermost(now.Where(p => !was.Contains(p)).ToList()).Select(p => Sentence(after.Template, p, "shown", audience, language)));
        sentences.AddRange(Outermost(was.Where(p => !now.Contains(p)).ToList()).Select(p => Sentence(before.Template, p, "hidden", audience, language)));
        return sentences.Count == 0 ? null : string.Join(" ", sentences);
    }

    /// <summary>Leaves out paths inside another changed path: when a section appears, its questions go unsaid.</summary>
    private static IEnumerable<string> Outermost(List<string> paths) =>
        paths.Where(p => !paths.Any(other => other != p && (p.StartsWith(other + ".", StringComparison.Ordinal) || p.StartsWith(other + "[", StringComparison.Ordinal))));

    private static string Sentence(FormTemplate template, string path, string state, string? audience, string? language)
    {
        var node = template.Find(FormAnswers.TemplatePath(path));
        var kind = node is Section ? "section" : "question";
        var label = node?.LabelText?.Resolve(audience, language ?? template.Definition.DefaultLanguage) ?? node?.Label;
        return $"The {kind} ‘{(string.IsNullOrEmpty(label) ? path : label)}’ is now {state}.";
    }
}
