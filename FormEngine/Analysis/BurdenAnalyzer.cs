using System.Text.Json.Nodes;
using FormEngine.Binding;
using FormEngine.Evaluation;
using FormEngine.Rules;
using FormEngine.Templates;

namespace FormEngine.Analysis;

/// <summary>Builds the <see cref="BurdenReport"/> for a template and a set of cases.</summary>
public static class BurdenAnalyzer
{
    /// <summary>Labels this similar or more are reported as near repeats.</summary>
    public const double NearRepeatThreshold = 0.75;

    /// <summary>Labels above this Flesch-Kincaid grade are reported as hard to read.</summary>
    public const double PlainEnglishGrade = 9;

    /// <summary>Wording for a child or young person above this grade is reported as hard to read.</summary>
    public const double ChildGrade = 6;

    /// <summary>
    /// The most near repeats listed. Past a few hundred the list no longer helps an author (the first ones show
    /// the pattern), and a template whose labels are all alike would otherwise list every pair of them.
    /// </summary>
    public const int MaxNearRepeats = 500;

    /// <summary>Texts shorter than this many words are not graded: the formula means little for them.</summary>
    private const int MinimumWordsToGrade = 6;

    /// <summary>Analyses a template against some cases.</summary>
    /// <param name="template">The template.</param>
    /// <param name="cases">Each case's name and answers.</param>
    /// <param name="today">The evaluation date for the cases.</param>
    /// <returns>The report.</returns>
    public static BurdenReport Analyze(FormTemplate template, IEnumerable<(string Name, JsonObject Answers)> cases, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(cases);
        var questions = template.Plans.Where(p => p.Question is { TakesAnswer: true }).ToList();
        var sessions = cases.Select(c => (c.Name, Session: FormSession.Open(template, c.Answers, new FormSessionOptions { Today = today }).State)).ToList();
        var visibleCounts = questions.ToDictionary(q => q.Index, q => sessions.Count(s => EverVisible(s.Session, q)));

        // One more than is listed is looked for, so the report knows whether it had to stop.
        var nearRepeats = NearRepeats(questions).ToList();
        return new BurdenReport
        {
            TemplateId = template.Id,
            Sections = template.Sections.Count,
            Questions = questions.Count,
            Calculated = template.Plans.Count(p => p.Question?.Type == QuestionType.Calculated),
            Notes = template.Plans.Count(p => p.Question?.Type == QuestionType.Note),
            EstimatedMinutesIfEverythingAsked = Minutes(questions.Sum(q => TimeEstimates.Seconds(q.Question!.Type))),
            Cases = [.. sessions.Select(s => Burden(s.Name, s.Session))],
            NeverReached = sessions.Count == 0 ? [] : [.. questions.Where(q => visibleCounts[q.Index] == 0).Select(q => Note(q))],
            NeverShown = [.. NeverShown(template)],
            ShownToEveryCase = sessions.Count < 2 ? [] : [.. questions.Where(q => visibleCounts[q.Index] == sessions.Count).Select(q => Note(q))],
            NearRepeats = [.. nearRepeats.Take(MaxNearRepeats)],
            NearRepeatsTruncated = nearRepeats.Count > MaxNearRepeats,
            HardTexts = [.. HardTexts(template)],
            Warnings = template.Warnings,
        };
    }

    private static CaseBurden Burden(string name, SessionReadModel session)
    {
        var shown = 0;
        var required = 0;
        var answered = 0;
        var seconds = 0;
        foreach (var plan in session.Plans)
        {
            if (plan.Question is not { TakesAnswer: true } question)
            {
                continue;
            }

            foreach (var item in session.Instances(plan))
            {
                var slot = session.SlotAt(plan, item);
                if (!slot.Visible)
                {
                    continue;
                }

                shown++;
                seconds += TimeEstimates.Seconds(question.Type);
                required += slot.Required ? 1 : 0;
                answered += slot.Value.IsNull ? 0 : 1;
            }
        }

        return new CaseBurden(name, shown, required, answered, Minutes(seconds));
    }

    private static bool EverVisible(SessionReadModel session, NodePlan plan) =>
        session.Instances(plan).Any(item => session.SlotAt(plan, item).Visible);

    /// <summary>
    /// A show_if that reads no answers and no date has one value for every case; if that value is
    /// false, the node and everything in it can never be shown.
    /// </summary>
    private static IEnumerable<QuestionNote> NeverShown(FormTemplate template)
    {
        var never = new HashSet<int>();
        foreach (var plan in template.Plans)
        {
            if ((plan.Parent is not null && never.Contains(plan.Parent.Index)) || IsConstantFalse(plan.ShowIf))
            {
                never.Add(plan.Index);
            }
        }

        return template.Plans.Where(p => never.Contains(p.Index) && p.Question is { TakesAnswer: true })
            .Select(p => Note(p, "its show_if, or a section's above it, is always false"));
    }

    private static bool IsConstantFalse(CompiledRule? rule) =>
        rule is { References.Count: 0, ReadsToday: false } && !rule.IsTrue(NoAnswers.Instance, default);

    /// <summary>
    /// Questions whose labels read alike. A question set used in several places is written once, so its
    /// questions are compared only where they are first used: the author has nothing to merge.
    /// </summary>
    private static IEnumerable<NearRepeat> NearRepeats(List<NodePlan> allQuestions)
    {
        var questions = allQuestions.Where(FirstPlaceWritten()).ToList();
        var words = questions.Select(q => LabelSimilarity.Words(q.Node.Label)).ToArray();
        return NearRepeatFinder.Find(words, NearRepeatThreshold, MaxNearRepeats + 1, out _)
            .Select(pair => new NearRepeat(Note(questions[pair.First]), Note(questions[pair.Second]), Math.Round(pair.Similarity, 2)));
    }

    /// <summary>
    /// Labels graded for reading level, once for each audience's wording (once in all when no audiences
    /// are declared). Plain English helps everyone, so every audience is graded; children's wording is
    /// held to a lower grade than adults'. A text shared by several audiences is graded at the strictest
    /// of their levels and reported once.
    /// </summary>
    private static IEnumerable<HardText> HardTexts(FormTemplate template)
    {
        var audiences = template.Definition.Audiences;
        var language = template.Definition.DefaultLanguage;
        foreach (var plan in template.Plans.Where(FirstPlaceWritten()))
        {
            IEnumerable<string?> readers = audiences.Count == 0 ? [null] : audiences.Select(a => (string?)a).OrderByDescending(IsChildAudience);
            var graded = new HashSet<string>(StringComparer.Ordinal);
            foreach (var audience in readers)
            {
                if (audience is not null && !(plan.Node.Audiences?.Contains(audience) ?? true))
                {
                    continue;
                }

                var text = plan.Node.LabelText?.Resolve(audience, language) ?? plan.Node.Label;
                if (!graded.Add(text) || text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < MinimumWordsToGrade)
                {
                    continue;
                }

                var limit = IsChildAudience(audience) ? ChildGrade : PlainEnglishGrade;
                var grade = Readability.Grade(text);
                if (grade > limit)
                {
                    yield return new HardText(plan.Path, text, grade, plan.Node.LabelText?.Location ?? plan.Node.Location) { Audience = audience };
                }
            }
        }
    }

    /// <summary>
    /// A filter that passes each node the first time its YAML is met: a question set's questions appear once
    /// per use, but were written, and need mending, only once.
    /// </summary>
    private static Func<NodePlan, bool> FirstPlaceWritten()
    {
        var seen = new HashSet<Diagnostics.SourceLocation>();
        return plan => plan.Question?.FromSet is null || seen.Add(plan.Node.Location);
    }

    /// <summary>Audiences whose ids say they are children or young people are held to <see cref="ChildGrade"/>.</summary>
    private static bool IsChildAudience(string? audience) =>
        audience is not null && (audience.Contains("child", StringComparison.Ordinal) || audience.Contains("young", StringComparison.Ordinal));

    private static QuestionNote Note(NodePlan plan, string? note = null) => new(plan.Path, plan.Node.Label, plan.Node.Location, note);

    private static double Minutes(int seconds) => Math.Round(seconds / 60.0, 1);

    /// <summary>Rules that read nothing are evaluated against this.</summary>
    private sealed class NoAnswers : IRuleData
    {
        public static readonly NoAnswers Instance = new();

        public RuleValue GetValue(RuleSymbol symbol, ReadOnlySpan<int> itemIndexes) => RuleValue.Null;

        public int GetItemCount(RuleSymbol group, ReadOnlySpan<int> itemIndexes) => 0;
    }
}

/// <summary>
/// Rough time to answer one question of each type, in seconds, for the burden report's estimates:
/// a choice is a click, a date a few keystrokes, free text the time to think and type a sentence or two.
/// </summary>
public static class TimeEstimates
{
    /// <summary>Seconds to answer a question of <paramref name="type"/>.</summary>
    /// <param name="type">The type.</param>
    /// <returns>Seconds.</returns>
    public static int Seconds(QuestionType type) => type switch
    {
        QuestionType.Text => 20,
        QuestionType.TextArea => 90,
        QuestionType.Number => 10,
        QuestionType.Date => 15,
        QuestionType.Boolean => 5,
        QuestionType.Choice => 8,
        QuestionType.MultiChoice => 15,
        QuestionType.Signature => 30,
        _ => 0,
    };
}
