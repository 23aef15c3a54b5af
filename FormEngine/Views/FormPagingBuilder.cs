using FormEngine.Templates;

namespace FormEngine.Views;

/// <summary>
/// Splits a reader's view into pages. Pages are worked out from the whole view, so their numbers stay the
/// same whatever is answered; whether each applies follows the answers.
/// </summary>
internal static class FormPagingBuilder
{
    public static FormPaging Build(IReadOnlyList<SectionView> sections, PageSplit split, int? requested)
    {
        var pages = new List<FormPage>();
        foreach (var section in sections)
        {
            if (split == PageSplit.Section)
            {
                pages.Add(Page(pages, section.Label, section, section.Questions, section.Visible));
                continue;
            }

            foreach (var (asked, beside) in QuestionPages(section))
            {
                pages.Add(Page(pages, asked?.DisplayLabel ?? section.DisplayLabel, section, beside, section.Visible && (asked?.Visible ?? true)));
            }
        }

        var paging = new FormPaging { Split = split, Pages = pages };
        if (requested is not { } number)
        {
            return paging;
        }

        if (number < 1 || number > paging.CheckAnswersPage)
        {
            throw new ArgumentOutOfRangeException(nameof(requested), number, $"The form has pages 1 to {pages.Count}, and {paging.CheckAnswersPage} to check the answers.");
        }

        var shown = pages.FirstOrDefault(p => p.Number >= number && p.Reachable)?.Number ?? paging.CheckAnswersPage;
        return paging with { Current = shown };
    }

    /// <summary>
    /// One page per question a reader answers in the form; notes, calculations and questions only audit output
    /// shows go on the page of the question after them (the last page, at the end of a section). A follow-up
    /// question (<see cref="QuestionView.FollowUpOf"/>) is revealed under its option, so it is on the page of the
    /// question it follows. A section with nothing to answer is one page, so its notes are still read.
    /// </summary>
    private static List<(QuestionView? Asked, List<QuestionView> Beside)> QuestionPages(SectionView section)
    {
        var pages = new List<(QuestionView? Asked, List<QuestionView> Beside)>();
        var waiting = new List<QuestionView>();
        foreach (var question in section.Questions)
        {
            if (question.FollowUpOf is not null && pages.Count > 0 && waiting.Count == 0)
            {
                pages[^1].Beside.Add(question);
                continue;
            }

            waiting.Add(question);
            if (IsAsked(question))
            {
                pages.Add((question, waiting));
                waiting = [];
            }
        }

        if (pages.Count == 0)
        {
            return [(null, waiting)];
        }

        pages[^1].Beside.AddRange(waiting);
        return pages;
    }

    private static bool IsAsked(QuestionView question) =>
        question is { Display: true, Withheld: false } && QuestionTypes.IsAnswerable(question.Type);

    private static FormPage Page(List<FormPage> pages, string title, SectionView section, IEnumerable<QuestionView> questions, bool reachable) => new()
    {
        Number = pages.Count + 1,
        Title = title,
        SectionPath = section.Path,
        QuestionPaths = [.. questions.Select(q => q.Path)],
        Reachable = reachable,
    };
}
