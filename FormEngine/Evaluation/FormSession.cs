using System.Text.Json.Nodes;
using FormEngine.Binding;
using FormEngine.Diagnostics;
using FormEngine.Rules;
using FormEngine.Templates;

namespace FormEngine.Evaluation;

/// <summary>
/// One case's answers against a compiled template, and everything the rules derive from them: what is
/// shown, required, wrong, computed and flagged. Changing an answer recomputes only the rules that read
/// it, in dependency order, stopping wherever a result does not change.
/// A session is not thread-safe; the template it uses is, so open one session per case and thread.
/// </summary>
public sealed partial class FormSession
{
    private readonly IReadOnlyList<NodePlan> _plans;
    private readonly IReadOnlyList<NodePlan> _order;
    private readonly IReadOnlyList<FlagPlan> _flagPlans;
    private readonly Slot[] _top;
    private readonly List<Slot[]>?[] _items;
    private readonly bool[] _valueDirty;
    private readonly bool[] _structureChanged;
    private readonly bool[] _checkDirty;
    private readonly bool[] _flagDirty;
    private readonly bool[] _flagRaised;
    private readonly SessionData _data;
    private readonly JsonObject _document;
    private readonly List<string> _carriedForward = [];
    private readonly HashSet<string> _confirmed = new(StringComparer.Ordinal);
    private readonly JsonObject? _previous;
    private readonly List<AnswerIssue> _unrecognised = [];
    private int _firstDirty = int.MaxValue;

    private FormSession(FormTemplate template, JsonObject document, SessionOptions options)
    {
        Template = template;
        Today = options.Today;
        _plans = template.Bound.Plans;
        _order = template.Bound.Order;
        _flagPlans = template.Bound.Flags;
        _top = new Slot[_plans.Count];
        _items = new List<Slot[]>?[_plans.Count];
        _valueDirty = new bool[_plans.Count];
        _structureChanged = new bool[_plans.Count];
        _checkDirty = new bool[_plans.Count];
        _flagDirty = new bool[_flagPlans.Count];
        _flagRaised = new bool[_flagPlans.Count];
        _data = new SessionData(this);
        _document = document;

        _previous = (JsonObject?)options.PreviousAnswers?.DeepClone();
        if (_previous is { } previous)
        {
            CarryForward(previous);
        }

        LoadDocument();
        foreach (var plan in _plans)
        {
            MarkValueDirty(plan);
        }

        Array.Fill(_flagDirty, true);
        Recalculate();
    }

    /// <summary>The template the session runs against.</summary>
    public FormTemplate Template { get; }

    /// <summary>The evaluation date used by <c>today()</c> and <c>age()</c>.</summary>
    public DateOnly Today { get; }

    /// <summary>Paths of answers copied from the previous assessment, for the practitioner to confirm.</summary>
    public IReadOnlyList<string> CarriedForward => _carriedForward;

    /// <summary>Carried-forward answers the practitioner has since confirmed or changed.</summary>
    public IReadOnlyCollection<string> Confirmed => _confirmed;

    /// <summary>Answers the template has no question for. They are kept and written back out.</summary>
    public IReadOnlyList<AnswerIssue> Unrecognised => _unrecognised;

    /// <summary>Opens a session.</summary>
    /// <param name="template">The compiled template.</param>
    /// <param name="answers">The answers (one object per section); null for a new, empty assessment. The session works on a copy.</param>
    /// <param name="options">The evaluation date and, optionally, the previous assessment's answers.</param>
    /// <returns>The session, fully evaluated.</returns>
    public static FormSession Open(FormTemplate template, JsonObject? answers, SessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(options);
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
        var (plan, index) = ResolveAnswerPath(path);
        var json = AnswerConverter.ToJson(value);
        if (index < 0 && _carriedForward.Contains(plan.Path))
        {
            _confirmed.Add(plan.Path);
        }

        if (plan.Repeat is null)
        {
            SectionObject(plan.Parent!, create: true)![plan.Node.Id] = json;
            if (plan.IsRepeat)
            {
                LoadItems(plan);
                _structureChanged[plan.Index] = true;
                MarkValueDirty(plan);
                foreach (var field in plan.Fields)
                {
                    MarkValueDirty(field);
                }
            }
            else
            {
                ReadAnswer(plan, ref _top[plan.Index], json);
                AnswerChanged(plan);
            }
        }
        else
        {
            var group = plan.Repeat;
            var items = _items[group.Index]!;
            if (index == items.Count)
            {
                AddItem(group.Path);
            }

            var item = ItemObject(group, index);
            item[plan.Node.Id] = json;
            ReadAnswer(plan, ref items[index][plan.FieldIndex], json);
            AnswerChanged(plan);
        }

        Recalculate();
    }

    /// <summary>Records that the practitioner checked a carried-forward answer with the family and it still holds.</summary>
    /// <param name="path">A path listed in <see cref="CarriedForward"/>.</param>
    /// <exception cref="ArgumentException">The answer was not carried forward.</exception>
    public void Confirm(string path)
    {
        if (!_carriedForward.Contains(path))
        {
            throw new ArgumentException($"`{path}` was not carried forward from the previous assessment.", nameof(path));
        }

        _confirmed.Add(path);
    }

    /// <summary>
    /// Recomputes everything from the answers, as opening the session does. Never needed for correctness
    /// (changes are applied incrementally); it exists to compare incremental and full evaluation.
    /// </summary>
    public void RecalculateAll()
    {
        foreach (var plan in _plans)
        {
            _valueDirty[plan.Order] = true;
            _structureChanged[plan.Index] = true;
        }

        _firstDirty = 0;
        Array.Fill(_flagDirty, true);
        Recalculate();
    }

    /// <summary>Adds an empty item to a repeat group.</summary>
    /// <param name="groupPath">The repeat group's path, e.g. <c>household.members</c>.</param>
    /// <returns>The new item's index.</returns>
    public int AddItem(string groupPath)
    {
        var group = RepeatPlan(groupPath);
        var array = GroupArray(group, create: true)!;
        array.Add(new JsonObject());
        var items = _items[group.Index]!;
        items.Add(new Slot[group.Fields.Count]);
        ItemsChanged(group);
        return items.Count - 1;
    }

    /// <summary>Removes an item from a repeat group; later items move up one place.</summary>
    /// <param name="groupPath">The repeat group's path.</param>
    /// <param name="index">The item to remove.</param>
    public void RemoveItem(string groupPath, int index)
    {
        var group = RepeatPlan(groupPath);
        var items = _items[group.Index]!;
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, items.Count);
        GroupArray(group, create: false)!.RemoveAt(index);
        items.RemoveAt(index);
        ItemsChanged(group);
    }

    /// <summary>How many items a repeat group has (hidden or not).</summary>
    /// <param name="groupPath">The repeat group's path.</param>
    /// <returns>The number of items.</returns>
    public int ItemCount(string groupPath) => _items[RepeatPlan(groupPath).Index]!.Count;

    /// <summary>Whether a section or question is shown. For a repeat field, give the item: <c>household.members[0].age</c>.</summary>
    /// <param name="path">The path.</param>
    /// <returns>True when shown.</returns>
    public bool IsVisible(string path)
    {
        var (plan, index) = ResolvePath(path);
        return SlotOf(plan, index).Visible;
    }

    /// <summary>What rules read for a question: its answer or calculated value while shown, null while hidden.</summary>
    /// <param name="path">The question's path.</param>
    /// <returns>The value.</returns>
    public RuleValue GetValue(string path)
    {
        var (plan, index) = ResolvePath(path);
        return SlotOf(plan, index).Value;
    }

    /// <summary>The answer as given, even while the question is hidden (hidden answers are kept, not lost).</summary>
    /// <param name="path">The question's path.</param>
    /// <returns>The answer, or null when unanswered or when the answer does not fit the question.</returns>
    public RuleValue GetAnswer(string path)
    {
        var (plan, index) = ResolvePath(path);
        return SlotOf(plan, index).Answer;
    }

    /// <summary>The answers exactly as stored, including hidden answers and answers the template does not recognise: save this.</summary>
    /// <returns>A copy of the answers document.</returns>
    public JsonObject ToJson() => (JsonObject)_document.DeepClone();

    /// <summary>
    /// A new answer may leave the value rules read unchanged (an ill-fitting answer reads as null either
    /// way) while its own error changes, so the question's checks are always redone.
    /// </summary>
    private void AnswerChanged(NodePlan plan)
    {
        MarkValueDirty(plan);
        MarkCheckDirty(plan.Index);
    }

    private void ItemsChanged(NodePlan group)
    {
        _structureChanged[group.Index] = true;
        MarkValueDirty(group);
        foreach (var field in group.Fields)
        {
            MarkValueDirty(field);
        }

        Recalculate();
    }

    private ref Slot SlotOf(NodePlan plan, int index)
    {
        if (plan.Repeat is null)
        {
            return ref _top[plan.Index];
        }

        var items = _items[plan.Repeat.Index]!;
        if (index < 0 || index >= items.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"`{plan.Repeat.Path}` has {items.Count} item(s); there is no item {index}.");
        }

        return ref items[index][plan.FieldIndex];
    }

    private NodePlan RepeatPlan(string groupPath)
    {
        var plan = Template.FindPlan(groupPath);
        if (plan is null || !plan.IsRepeat)
        {
            throw new ArgumentException($"`{groupPath}` is not a repeat group of template `{Template.Id}`.{Suggest(groupPath)}", nameof(groupPath));
        }

        return plan;
    }

    private (NodePlan Plan, int Index) ResolvePath(string path)
    {
        if (!AnswerPath.TryParse(path, out var parsed) || Template.FindPlan(parsed.TemplatePath) is not { } plan)
        {
            throw new ArgumentException($"Template `{Template.Id}` has no question `{path}`.{Suggest(path)}", nameof(path));
        }

        if ((plan.Repeat is null) != (parsed.ItemIndex < 0))
        {
            throw new ArgumentException(
                plan.Repeat is null
                    ? $"`{parsed.TemplatePath}` is not inside a repeat group, so it takes no item index."
                    : $"`{parsed.TemplatePath}` is inside repeat group `{plan.Repeat.Path}`: say which item, e.g. `{AnswerPath.Format(plan.Repeat.Path, 0, plan.Node.Id)}`.",
                nameof(path));
        }

        return (plan, parsed.ItemIndex);
    }

    private (NodePlan Plan, int Index) ResolveAnswerPath(string path)
    {
        var (plan, index) = ResolvePath(path);
        if (plan.Question is not { } question || !(question.TakesAnswer || question.Type == QuestionType.Repeat))
        {
            throw new ArgumentException($"`{path}` takes no answer: it is {(plan.IsSection ? "a section" : "a " + QuestionTypes.NameOf(plan.Question!.Type) + " question")}.", nameof(path));
        }

        if (plan.Repeat is { } group && (index < 0 || index > _items[group.Index]!.Count))
        {
            throw new ArgumentOutOfRangeException(nameof(path), $"`{group.Path}` has {_items[group.Index]!.Count} item(s); use AddItem or index {_items[group.Index]!.Count} to add one.");
        }

        return (plan, index);
    }

    private string Suggest(string path)
    {
        var templatePath = AnswerPath.TryParse(path, out var parsed) ? parsed.TemplatePath : path;
        return NameSuggester.DidYouMean(templatePath, Template.Paths) is { } hint ? " " + hint : string.Empty;
    }

    /// <summary>True when the session was opened with a previous assessment's answers.</summary>
    internal bool HasPrevious => _previous is not null;

    /// <summary>A top-level question's answer in the previous assessment, read as the question's type (null when absent or ill-fitting).</summary>
    internal RuleValue PreviousAnswer(NodePlan plan)
    {
        if (_previous is null || plan.Repeat is not null || plan.Question is not { TakesAnswer: true } question)
        {
            return RuleValue.Null;
        }

        var node = (_previous[plan.Parent!.Node.Id] as JsonObject)?[plan.Node.Id];
        return AnswerConverter.Read(question, node).Value;
    }

    /// <summary>What rules read, for explanations built outside the session.</summary>
    internal IRuleData RuleData => _data;

    /// <summary>A copy of a node's state; item -1 for a node outside repeat groups.</summary>
    internal Slot SlotAt(NodePlan plan, int item) => SlotOf(plan, item);

    /// <summary>The answer exactly as stored in the document, or null.</summary>
    internal JsonNode? StoredAnswer(NodePlan plan, int item)
    {
        if (plan.Repeat is null)
        {
            return SectionObject(plan.Parent!, create: false)?[plan.Node.Id];
        }

        var array = GroupArray(plan.Repeat, create: false);
        return item >= 0 && array is not null && item < array.Count ? (array[item] as JsonObject)?[plan.Node.Id] : null;
    }

    private sealed class SessionData(FormSession session) : IRuleData
    {
        public RuleValue GetValue(RuleSymbol symbol, ReadOnlySpan<int> itemIndexes)
        {
            var plan = session._plans[symbol.Id];
            if (plan.Repeat is null)
            {
                return session._top[plan.Index].Value;
            }

            var items = session._items[plan.Repeat.Index]!;
            var index = itemIndexes.Length > 0 ? itemIndexes[0] : -1;
            return index >= 0 && index < items.Count ? items[index][plan.FieldIndex].Value : RuleValue.Null;
        }

        public int GetItemCount(RuleSymbol group, ReadOnlySpan<int> itemIndexes)
        {
            var plan = session._plans[group.Id];
            return session._top[plan.Index].Visible ? session._items[plan.Index]!.Count : 0;
        }
    }
}
