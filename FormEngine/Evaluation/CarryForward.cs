using System.Text.Json;
using System.Text.Json.Nodes;
using FormEngine.Binding;
using FormEngine.Rules;

namespace FormEngine.Evaluation;

/// <summary>
/// A session's link to the previous assessment: the answers it copied from it (questions marked
/// <c>carry_forward</c>) for the practitioner to confirm rather than retype, which of them have been
/// confirmed, and the previous answers themselves for the case summary's "what changed".
/// </summary>
internal sealed class CarryForward
{
    private readonly StoredAnswers? _previous;
    private readonly List<string> _carried = [];
    private readonly HashSet<string> _confirmed = new(StringComparer.Ordinal);

    /// <summary>Copies carried-forward answers from <paramref name="previous"/> into <paramref name="answers"/> where they have none yet.</summary>
    /// <param name="previous">The previous assessment's answers, or null; the session keeps a copy.</param>
    /// <param name="plans">The template's nodes.</param>
    /// <param name="answers">This assessment's answers, before anything is read from them.</param>
    public CarryForward(JsonObject? previous, IReadOnlyList<NodePlan> plans, StoredAnswers answers)
    {
        if (previous is null)
        {
            return;
        }

        _previous = new StoredAnswers((JsonObject)previous.DeepClone(), answers.TemplateVersion);
        foreach (var plan in plans)
        {
            if (plan is not { Repeat: null, Question.CarryForward: true, Parent: not null })
            {
                continue;
            }

            var old = _previous.Read(plan, -1);
            if (old is null || IsEmpty(old) || answers.Read(plan, -1) is { } existing && !IsEmpty(existing))
            {
                continue;
            }

            answers.Write(plan, -1, old.DeepClone());
            _carried.Add(plan.Path);
        }
    }

    /// <summary>True when the session was opened with a previous assessment's answers.</summary>
    public bool HasPrevious => _previous is not null;

    /// <summary>Paths of the answers copied from the previous assessment, in template order.</summary>
    public IReadOnlyList<string> Carried => _carried;

    /// <summary>Carried-forward answers the practitioner has since confirmed or changed.</summary>
    public IReadOnlyCollection<string> Confirmed => _confirmed;

    /// <summary>Records that the practitioner checked a carried-forward answer and it still holds.</summary>
    /// <exception cref="ArgumentException">The answer was not carried forward.</exception>
    public void Confirm(string path)
    {
        if (!_carried.Contains(path))
        {
            throw new ArgumentException($"`{path}` was not carried forward from the previous assessment.", nameof(path));
        }

        _confirmed.Add(path);
    }

    /// <summary>A new answer to a carried-forward question counts as confirming it: the practitioner has looked at it.</summary>
    public void AnswerSet(string path)
    {
        if (_carried.Contains(path))
        {
            _confirmed.Add(path);
        }
    }

    /// <summary>A top-level question's answer in the previous assessment, read as the question's type (null when absent or ill-fitting).</summary>
    public RuleValue PreviousAnswer(NodePlan plan) =>
        _previous is null || plan.Repeat is not null || plan.Question is not { TakesAnswer: true } question
            ? RuleValue.Null
            : AnswerConverter.Read(question, _previous.Read(plan, -1)).Value;

    private static bool IsEmpty(JsonNode node) => node switch
    {
        JsonArray array => array.Count == 0,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>().Length == 0,
        _ => false,
    };
}
