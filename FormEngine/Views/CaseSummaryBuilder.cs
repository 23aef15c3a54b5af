using FormEngine.Templates;

namespace FormEngine.Views;

/// <summary>
/// The case summary that opens a record, from the questions already built for the reader: key facts, what
/// was carried forward from the previous assessment, and what changed since. It reads only those questions,
/// so what they withhold stays withheld here.
/// </summary>
internal static class CaseSummaryBuilder
{
    public static CaseSummary Build(ViewContext context, IReadOnlyList<SectionView> sections)
    {
        var state = context.State;
        var byPath = sections.SelectMany(s => s.Questions).ToDictionary(q => q.Path, StringComparer.Ordinal);
        var keyAnswers = state.Plans
            .Where(p => p is { Repeat: null, Question: { Summary: true, Display: true } } && byPath.ContainsKey(p.Path) && byPath[p.Path].Visible)
            .Select(p => byPath[p.Path])
            .Select(q => new SummaryAnswer(q.Path, q.Label, q.DisplayValue));

        var confirmed = state.Confirmed;
        // A withheld answer is left out of what was carried, as of what changed: that the previous assessment
        // had one is itself information about it.
        var carried = state.CarriedForward
            .Where(byPath.ContainsKey)
            .Select(path => byPath[path])
            .Where(q => !q.Withheld)
            .Select(q => new SummaryCarried(q.Path, q.Label, q.Type == QuestionType.Repeat ? $"{q.Items.Count}" : q.DisplayValue, confirmed.Contains(q.Path)));

        var changed = new List<SummaryChange>();
        if (state.HasPrevious)
        {
            foreach (var plan in state.Plans.Where(p => p.Repeat is null && p.Question is { TakesAnswer: true } && byPath.ContainsKey(p.Path)))
            {
                var view = byPath[plan.Path];
                var previous = state.PreviousAnswer(plan);
                var current = state.SlotAt(plan, -1).Value;
                // A withheld answer is left out entirely: even "it changed" is information about it.
                if (view.Withheld || !view.Visible || previous.Equals(current) || (previous.IsNull && current.IsNull))
                {
                    continue;
                }

                var before = context.Format(plan.Question!, previous);
                changed.Add(new SummaryChange(plan.Path, view.Label, before, view.DisplayValue));
            }
        }

        return new CaseSummary { KeyAnswers = [.. keyAnswers], HasPrevious = state.HasPrevious, CarriedForward = [.. carried], Changed = changed };
    }
}
