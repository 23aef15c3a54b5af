using System.Text.Json.Nodes;
using FormEngine.Binding;
using FormEngine.Rules;

namespace FormEngine.Evaluation;

/// <summary>
/// The one way to read a session's state from outside it: results, explanations, views, exports,
/// analysis and scenarios all read through this, so none of them depends on how the session stores
/// answers or keeps its slots, and all of them see the same state. Nothing here changes the session.
/// </summary>
internal sealed class SessionReadModel(FormTemplate template, StoredAnswers answers, Recalculator recalculator, CarryForward carryForward, IReadOnlyList<AnswerIssue> unrecognised)
{
    public FormTemplate Template => template;

    /// <summary>The evaluation date rules see.</summary>
    public DateOnly Today => recalculator.Today;

    /// <summary>The template's nodes, in template order.</summary>
    public IReadOnlyList<NodePlan> Plans => template.Plans;

    /// <summary>The template's flags, in template order.</summary>
    public IReadOnlyList<FlagPlan> Flags => template.Bound.Flags;

    /// <summary>What rules read, to evaluate or explain a template rule against this case.</summary>
    public IRuleData RuleData => recalculator.Slots;

    /// <summary>A copy of a node's state; item -1 for a node outside repeat groups.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The repeat group has no such item.</exception>
    public Slot SlotAt(NodePlan plan, int item) => recalculator.Slots.At(plan, item);

    /// <summary>How many items a repeat group has, hidden or not.</summary>
    public int ItemCount(NodePlan group) => recalculator.Slots.Items(group).Count;

    /// <summary>The items a node has state in: -1 alone outside repeat groups, else each of its group's items.</summary>
    public IEnumerable<int> Instances(NodePlan plan) => plan.Repeat is null ? [-1] : Enumerable.Range(0, ItemCount(plan.Repeat));

    /// <summary>The answer exactly as stored in the document, or null.</summary>
    public JsonNode? StoredAnswer(NodePlan plan, int item) => answers.Read(plan, item);

    /// <summary>A top-level metadata entry of the answers document (such as <c>$archived</c>) exactly as stored, or null.</summary>
    public JsonNode? Metadata(string key) => answers.Entries.FirstOrDefault(e => e.Key == key).Value;

    /// <summary>Whether a flag's rule holds for the current answers.</summary>
    public bool IsRaised(FlagPlan flag) => recalculator.IsRaised(flag);

    /// <summary>True when the session was opened with a previous assessment's answers.</summary>
    public bool HasPrevious => carryForward.HasPrevious;

    /// <summary>A top-level question's answer in the previous assessment, read as the question's type (null when absent or ill-fitting).</summary>
    public RuleValue PreviousAnswer(NodePlan plan) => carryForward.PreviousAnswer(plan);

    /// <summary>Paths of answers copied from the previous assessment.</summary>
    public IReadOnlyList<string> CarriedForward => carryForward.Carried;

    /// <summary>Carried-forward answers the practitioner has since confirmed or changed.</summary>
    public IReadOnlyCollection<string> Confirmed => carryForward.Confirmed;

    /// <summary>Answers the template has no question for, found when the session was opened.</summary>
    public IReadOnlyList<AnswerIssue> Unrecognised => unrecognised;
}
