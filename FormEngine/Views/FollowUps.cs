using System.Globalization;
using System.Text.RegularExpressions;
using FormEngine.Binding;
using FormEngine.Rules;
using FormEngine.Templates;

namespace FormEngine.Views;

/// <summary>
/// Decides which questions follow up one option of the question before them (a conditional reveal on a form)
/// and how long a text answer may be, from the compiled rules, once for every output.
/// </summary>
internal static partial class FollowUps
{
    /// <summary>
    /// Marks each question of a section that follows up an option of the question before it (or of the
    /// question before a run of such follow-ups). A follow-up's <c>show_if</c> reads that one question alone
    /// and holds for exactly one of its options, and for none while it is unanswered; both questions are
    /// shown to the reader in full (not withheld, displayed), and the controlling one asks with radio buttons
    /// or checkboxes, which is what a reveal hangs from. Anything else is left as it is: a form then shows
    /// the question once the answers that show it have been saved.
    /// </summary>
    public static List<QuestionView> Mark(ViewContext context, IReadOnlyList<NodePlan> plans, List<QuestionView> questions)
    {
        (NodePlan Plan, QuestionView View)? controller = null;
        for (var i = 0; i < questions.Count; i++)
        {
            var (plan, view) = (plans[i], questions[i]);
            if (controller is { } c && RevealingValue(context, plan, view, c.Plan) is { } value)
            {
                questions[i] = view with { FollowUpOf = new FollowUp(c.View.Path, value) };
                continue;
            }

            controller = CanReveal(context, plan, view) ? (plan, view) : null;
        }

        return questions;
    }

    private static bool CanReveal(ViewContext context, NodePlan plan, QuestionView view) =>
        view is { Type: QuestionType.Boolean or QuestionType.Choice or QuestionType.MultiChoice, Visible: true, Display: true, Withheld: false, AsksWithSelect: false }
        && !context.VisibilityReadsWithheld(plan) && plan.Symbol is not null;

    private static string? RevealingValue(ViewContext context, NodePlan plan, QuestionView view, NodePlan controller)
    {
        if (plan.ShowIf is not { } showIf || plan.IsRepeat || view.Withheld || !view.Display || context.VisibilityReadsWithheld(plan)
            || showIf.References.Select(r => r.Path).Distinct(StringComparer.Ordinal).ToList() is not [var read] || read != controller.Path)
        {
            return null;
        }

        var question = controller.Question!;
        var symbol = controller.Symbol!;
        var data = context.State.RuleData;
        var today = context.State.Today;
        if (showIf.IsTrue(new OneAnswer(data, symbol, RuleValue.Null), today))
        {
            return null;
        }

        var values = question.Type == QuestionType.Boolean ? ["true", "false"] : (question.Choices?.Choices ?? []).Select(c => c.Value).ToList();
        var revealing = values.Where(v => showIf.IsTrue(new OneAnswer(data, symbol, Answer(question.Type, v)), today)).Take(2).ToList();
        return revealing is [var only] ? only : null;
    }

    private static RuleValue Answer(QuestionType type, string value) => type switch
    {
        QuestionType.Boolean => RuleValue.FromBoolean(value == "true"),
        QuestionType.MultiChoice => RuleValue.FromList([RuleValue.FromText(value)]),
        _ => RuleValue.FromText(value),
    };

    /// <summary>
    /// The length limit of a text answer: a check of the form <c>len(x) &lt;= N</c> or <c>len(x) &lt; N</c> that
    /// reads only the question itself. Other checks on length (with <c>and</c>, on another answer) are not a
    /// plain limit a character count could show, so they give none.
    /// </summary>
    public static int? MaxLength(NodePlan plan)
    {
        if (plan.Question?.Type is not (QuestionType.Text or QuestionType.TextArea) || plan.Symbol is null)
        {
            return null;
        }

        int? limit = null;
        foreach (var (rule, _) in plan.Validations)
        {
            if (rule.References.All(r => r.Path == plan.Path) && LengthLimit().Match(rule.Source) is { Success: true } match
                && int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                var most = match.Groups["op"].Value == "<" ? n - 1 : n;
                limit = limit is { } other ? Math.Min(other, most) : most;
            }
        }

        return limit is > 0 ? limit : null;
    }

    [GeneratedRegex(@"^\s*len\s*\(\s*[A-Za-z_][A-Za-z0-9_.]*\s*\)\s*(?<op><=|<)\s*(?<n>[0-9]{1,9})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex LengthLimit();

    /// <summary>The session's answers with one question's answer replaced.</summary>
    private sealed class OneAnswer(IRuleData inner, RuleSymbol symbol, RuleValue value) : IRuleData
    {
        public RuleValue GetValue(RuleSymbol asked, ReadOnlySpan<int> itemIndexes) =>
            asked.Path == symbol.Path ? value : inner.GetValue(asked, itemIndexes);

        public int GetItemCount(RuleSymbol group, ReadOnlySpan<int> itemIndexes) => inner.GetItemCount(group, itemIndexes);
    }
}
