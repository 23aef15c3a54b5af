using FormEngine.Templates;

namespace FormEngine.Views;

/// <summary>One page of a form that is split into pages.</summary>
public sealed record FormPage
{
    /// <summary>The page's number, from 1, in template order. Numbers do not change as answers change.</summary>
    public required int Number { get; init; }

    /// <summary>The page's heading: the section's title, or the question's label.</summary>
    public required string Title { get; init; }

    /// <summary>The section the page is part of.</summary>
    public required string SectionPath { get; init; }

    /// <summary>The section's questions on this page (with notes and calculations beside the question they belong to).</summary>
    public required IReadOnlyList<string> QuestionPaths { get; init; }

    /// <summary>True when the page applies given the answers so far: its section, and for a question page its question, is shown.</summary>
    public required bool Reachable { get; init; }
}

/// <summary>
/// A form split into pages for one reader (<c>pages:</c>): every page, which of them apply given the answers
/// so far, the page being shown and the pages either side of it, and the check-your-answers page at the end.
/// </summary>
public sealed record FormPaging
{
    /// <summary>How the form is split.</summary>
    public required PageSplit Split { get; init; }

    /// <summary>Every page, in order; <see cref="FormPage.Number"/> is its place in this list plus one.</summary>
    public required IReadOnlyList<FormPage> Pages { get; init; }

    /// <summary>
    /// The page shown, or null when the view holds the whole form. A page asked for that does not apply is
    /// replaced by the next one that does (or the check-your-answers page), so a reader never sees an empty page.
    /// </summary>
    public int? Current { get; init; }

    /// <summary>The number of the check-your-answers page, which follows the last page.</summary>
    public int CheckAnswersPage => Pages.Count + 1;

    /// <summary>True when the check-your-answers page is shown.</summary>
    public bool IsCheckAnswers => Current == CheckAnswersPage;

    /// <summary>The nearest page before the current one that applies, or null on the first.</summary>
    public int? Previous => Current is { } current ? Pages.LastOrDefault(p => p.Number < current && p.Reachable)?.Number : null;

    /// <summary>The nearest page after the current one that applies, else the check-your-answers page; null on that page.</summary>
    public int? Next => Current is { } current && current < CheckAnswersPage
        ? Pages.FirstOrDefault(p => p.Number > current && p.Reachable)?.Number ?? CheckAnswersPage
        : null;

    /// <summary>The page a section or question is asked on (for a repeat field, its group's page), or null.</summary>
    /// <param name="path">A section or question path, e.g. <c>child.dob</c> or <c>household.members[0].name</c>.</param>
    /// <returns>The page number.</returns>
    public int? PageOf(string path)
    {
        foreach (var page in Pages)
        {
            if (page.SectionPath == path || page.QuestionPaths.Any(q => path == q || path.StartsWith(q + "[", StringComparison.Ordinal) || path.StartsWith(q + ".", StringComparison.Ordinal)))
            {
                return page.Number;
            }
        }

        return null;
    }

    /// <summary>
    /// True when a question's messages belong on the current page (always, when the whole form is shown or on the
    /// check-your-answers page). A section's own checks belong on its last page, once all of it has been asked,
    /// so that they never stop a reader moving on from its first.
    /// </summary>
    /// <param name="path">A section or question path.</param>
    /// <returns>Whether its messages are shown on this page.</returns>
    public bool OnCurrentPage(string path)
    {
        if (Current is not { } current || IsCheckAnswers)
        {
            return true;
        }

        var sectionPages = Pages.Where(p => p.SectionPath == path).ToList();
        return sectionPages.Count > 0 ? sectionPages[^1].Number == current : PageOf(path) == current;
    }
}
