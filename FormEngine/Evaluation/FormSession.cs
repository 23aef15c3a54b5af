using System.Text.Json.Nodes;
using FormEngine.Rules;
using FormEngine.Versions;

namespace FormEngine.Evaluation;

/// <summary>
/// One case's answers against a compiled template, and everything the rules derive from them: what is
/// shown, required, wrong, computed and flagged. Changing an answer recomputes only the rules that read
/// it, in dependency order, stopping wherever a result does not change.
/// A session is not thread-safe; the template it uses is, so open one session per case and thread.
/// </summary>
/// <remarks>
/// The session only coordinates: the answers document keeps what was entered, the recalculator keeps
/// what the rules derive from it, and everything that reads the session goes through its read model.
/// A change is always written to the document first, then read from there into the slots, so the two
/// cannot disagree.
/// </remarks>
public sealed class FormSession
{
    private readonly StoredAnswers _answers;
    private readonly CarryForward _carryForward;
    private readonly Recalculator _recalculator;

    private FormSession(FormTemplate template, JsonObject document, FormSessionOptions options)
    {
        Template = template;
        _answers = new StoredAnswers(document, template.Version);
        // Carried-forward answers are copied in before anything is read, so they read as if typed.
        _carryForward = new CarryForward(options.PreviousAnswers, template.Plans, _answers);
        _recalculator = new Recalculator(template.Bound, options.Today, _answers);
        State = new SessionReadModel(template, _answers, _recalculator, _carryForward, UnrecognisedAnswers.Find(_answers, template));
    }

    /// <summary>The template the session runs against.</summary>
    public FormTemplate Template { get; }

    /// <summary>The evaluation date used by <c>today()</c> and <c>age()</c>.</summary>
    public DateOnly Today => _recalculator.Today;

    /// <summary>Paths of answers copied from the previous assessment, for the practitioner to confirm.</summary>
    public IReadOnlyList<string> CarriedForward => _carryForward.Carried;

    /// <summary>Carried-forward answers the practitioner has since confirmed or changed.</summary>
    public IReadOnlyCollection<string> Confirmed => _carryForward.Confirmed;

    /// <summary>Answers the template has no question for. They are kept and written back out.</summary>
    public IReadOnlyList<AnswerIssue> Unrecognised => State.Unrecognised;

    /// <summary>Everything outside the session reads it through this.</summary>
    internal SessionReadModel State { get; }

    /// <summary>How many value computations have run; lets tests prove that a change recomputes only what depends on it.</summary>
    internal int ValueComputations => _recalculator.ValueComputations;

    /// <summary>Opens a session.</summary>
    /// <param name="template">The compiled template.</param>
    /// <param name="answers">The answers (one object per section); null for a new, empty assessment. The session works on a copy. When they name the template that made them (<c>$template</c>), it must be this template and version.</param>
    /// <param name="options">The evaluation date and, optionally, the previous assessment's answers.</param>
    /// <returns>The session, fully evaluated.</returns>
    /// <exception cref="ArgumentException">The answers name another template or version, or their <c>$template</c> cannot be read; <see cref="AnswersProvenance.Refusal"/> says so without throwing.</exception>
    public static FormSession Open(FormTemplate template, JsonObject? answers, FormSessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(options);
        if (answers is not null && AnswersProvenance.Refusal(template, answers) is { } refusal)
        {
            // Reading answers with a version they were not made with would put them under questions that may mean something else.
            throw new ArgumentException(refusal, nameof(answers));
        }

        var document = answers is null ? [] : (JsonObject)answers.DeepClone();
        return new FormSession(template, document, options);
    }

    /// <summary>Sets one answer and re-evaluates what depends on it.</summary>
    /// <param name="path">The answer's path: <c>child.dob</c>, or <c>household.members[0].age</c> for a repeat item's field (an index one past the last item adds an item).</param>
    /// <param name="value">Text, a number, true/false, a <see cref="DateOnly"/>, a list of text (multichoice), a <see cref="JsonNode"/>, or null to clear the answer.</param>
    /// <exception cref="ArgumentException">The template has no question at <paramref name="path"/>, or it takes no answer.</exception>
    public void Set(string path, object? value)
    {
        ArgumentNullException.ThrowIfNull(path);
        var (plan, index) = SessionPaths.ResolveAnswer(State, path);
        var json = AnswerConverter.ToJson(value);
        if (index < 0)
        {
            _carryForward.AnswerSet(plan.Path);
        }

        if (plan.Repeat is { } group && index == State.ItemCount(group))
        {
            AddItem(group.Path);
        }

        _answers.Write(plan, index, json);
        if (plan.Repeat is null && plan.IsRepeat)
        {
            _recalculator.ItemsReplaced(plan, _answers.Read(plan, index));
        }
        else
        {
            _recalculator.AnswerSet(plan, index, json);
        }
    }

    /// <summary>Records that the practitioner checked a carried-forward answer with the family and it still holds.</summary>
    /// <param name="path">A path listed in <see cref="CarriedForward"/>.</param>
    /// <exception cref="ArgumentException">The answer was not carried forward.</exception>
    public void Confirm(string path) => _carryForward.Confirm(path);

    /// <summary>
    /// Recomputes everything from the answers, as opening the session does. Never needed for correctness
    /// (changes are applied incrementally); it exists to compare incremental and full evaluation.
    /// </summary>
    public void RecalculateAll() => _recalculator.RecalculateAll();

    /// <summary>Adds an empty item to a repeat group.</summary>
    /// <param name="groupPath">The repeat group's path, e.g. <c>household.members</c>.</param>
    /// <returns>The new item's index.</returns>
    public int AddItem(string groupPath)
    {
        var group = SessionPaths.RepeatGroup(State, groupPath);
        _answers.AddItem(group);
        _recalculator.ItemAdded(group);
        return State.ItemCount(group) - 1;
    }

    /// <summary>Removes an item from a repeat group; later items move up one place.</summary>
    /// <param name="groupPath">The repeat group's path.</param>
    /// <param name="index">The item to remove.</param>
    public void RemoveItem(string groupPath, int index)
    {
        var group = SessionPaths.RepeatGroup(State, groupPath);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, State.ItemCount(group));
        _answers.RemoveItem(group, index);
        _recalculator.ItemRemoved(group, index);
    }

    /// <summary>How many items a repeat group has (hidden or not).</summary>
    /// <param name="groupPath">The repeat group's path.</param>
    /// <returns>The number of items.</returns>
    public int ItemCount(string groupPath) => State.ItemCount(SessionPaths.RepeatGroup(State, groupPath));

    /// <summary>Whether a section or question is shown. For a repeat field, give the item: <c>household.members[0].age</c>.</summary>
    /// <param name="path">The path.</param>
    /// <returns>True when shown.</returns>
    public bool IsVisible(string path) => SlotAt(path).Visible;

    /// <summary>What rules read for a question: its answer or calculated value while shown, null while hidden.</summary>
    /// <param name="path">The question's path.</param>
    /// <returns>The value.</returns>
    public RuleValue GetValue(string path) => SlotAt(path).Value;

    /// <summary>The answer as given, even while the question is hidden (hidden answers are kept, not lost).</summary>
    /// <param name="path">The question's path.</param>
    /// <returns>The answer, or null when unanswered or when the answer does not fit the question.</returns>
    public RuleValue GetAnswer(string path) => SlotAt(path).Answer;

    /// <summary>
    /// The answers exactly as stored, including hidden answers and answers the template does not recognise,
    /// with <c>$template</c> naming this template, its version and hash first: save this.
    /// </summary>
    /// <returns>A copy of the answers document.</returns>
    public JsonObject ToJson() => AnswersProvenance.Stamped(_answers.Copy(), Template);

    /// <summary>What the rules decided for the current answers.</summary>
    /// <returns>A snapshot of visibility, missing answers, errors, calculated values and flags.</returns>
    public EvaluationResult Evaluate() => SessionResults.Evaluate(State);

    /// <summary>Answers that do not fit their questions (wrong type, not a choice), whether shown or hidden. They are kept as given.</summary>
    /// <returns>One issue per answer, in template order.</returns>
    public IReadOnlyList<AnswerIssue> AnswerIssues() => SessionResults.AnswerIssues(State);

    /// <summary>
    /// The answers of shown questions only, in template order, with <c>$template</c>: what outputs and exports should contain.
    /// Hidden answers stay in the session (and in <see cref="ToJson"/>) but are left out here.
    /// </summary>
    /// <returns>A new answers document.</returns>
    public JsonObject ExportVisibleAnswers() => AnswersProvenance.Stamped(SessionResults.ExportVisibleAnswers(State), Template);

    /// <summary>Why a section or question is shown or hidden, and required or not, for the current answers.</summary>
    /// <param name="path">A section or question path; for a repeat field, the item: <c>household.members[1].school</c>.</param>
    /// <returns>The explanation, with the trace of every rule involved.</returns>
    public PathExplanation Explain(string path)
    {
        var (plan, index) = SessionPaths.Resolve(State, path);
        return SessionExplainer.Explain(State, path, plan, index);
    }

    private Slot SlotAt(string path)
    {
        var (plan, index) = SessionPaths.Resolve(State, path);
        return State.SlotAt(plan, index);
    }
}
