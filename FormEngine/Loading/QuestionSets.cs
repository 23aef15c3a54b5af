using FormEngine.Diagnostics;
using FormEngine.Templates;
using FormEngine.Yaml;

namespace FormEngine.Loading;

/// <summary>
/// The <c>question_sets:</c> of every file, and their use: a list entry <c>- use: person</c> in a section's
/// or repeat group's <c>questions:</c> stands for the set's questions, read afresh at each use so that each
/// gets its own path (<c>child.name</c>, <c>household.members[i].name</c>). A set may use another set.
/// </summary>
internal sealed class QuestionSets(DiagnosticBag diagnostics)
{
    private readonly Dictionary<string, (YamlScalar Name, YamlSequence Questions)> _sets = new(StringComparer.Ordinal);

    /// <summary>The sets of one file. Names are shared by the whole template, so a name used twice is reported.</summary>
    public void ReadSets(YamlMap root)
    {
        if (new MapReader(root, "the template", diagnostics).Mapping("question_sets") is not { } sets)
        {
            return;
        }

        foreach (var (key, value) in sets.Entries)
        {
            if (!TemplateIds.IsValid(key.Value))
            {
                diagnostics.Report(DiagnosticCatalogue.InvalidId, key.Location, $"The question set name `{key.Value}` must be lower_snake_case.", $"Try `{TemplateIds.Suggest(key.Value)}`.");
            }

            if (_sets.TryGetValue(key.Value, out var existing))
            {
                diagnostics.Report(DiagnosticCatalogue.DuplicateId, key.Location, $"The question set `{key.Value}` is already defined at {existing.Name.Location}.", "Give one of them another name.");
                continue;
            }

            if (value is not YamlSequence questions || questions.Items.Count == 0)
            {
                diagnostics.Report(DiagnosticCatalogue.WrongShape, value.Location, $"The question set `{key.Value}` must be a list of questions.", "Write its questions as a list under the name, each starting with `- id:`.");
                continue;
            }

            _sets.Add(key.Value, (key, questions));
        }
    }

    /// <summary>True when a <c>questions:</c> entry is a <c>use:</c> of a set rather than a question.</summary>
    public static bool IsUse(YamlMap map) => map.Entries.Any(e => e.Key.Value == "use");

    /// <summary>
    /// The questions a <c>use:</c> entry stands for, each read by <paramref name="readQuestion"/> under
    /// <paramref name="parentPath"/> and marked with where it came from; none when the entry is broken.
    /// </summary>
    public IEnumerable<Question> Expand(YamlMap use, string parentPath, Func<YamlMap, Question> readQuestion) =>
        Expand(use, parentPath, readQuestion, []);

    private List<Question> Expand(YamlMap use, string parentPath, Func<YamlMap, Question> readQuestion, List<string> using_)
    {
        var reader = new MapReader(use, "a `use:` entry", diagnostics);
        reader.RejectUnknownKeys(TemplateKeys.QuestionSetUse);
        if (reader.Scalar("use") is not { IsNull: false } name)
        {
            diagnostics.Report(DiagnosticCatalogue.WrongShape, use.Location, "`use:` needs the name of a question set, e.g. `use: person`.", "Name one of the sets under `question_sets:`.");
            return [];
        }

        if (!_sets.TryGetValue(name.Value, out var set))
        {
            diagnostics.Report(DiagnosticCatalogue.UnknownQuestionSet, name.Location, $"There is no question set `{name.Value}`.", NameSuggester.DidYouMean(name.Value, _sets.Keys) ?? (_sets.Count == 0 ? "Define it under `question_sets:` at the top of the template." : $"Question sets: {string.Join(", ", _sets.Keys)}."));
            return [];
        }

        if (using_.Contains(name.Value))
        {
            diagnostics.Report(DiagnosticCatalogue.QuestionSetCycle, name.Location, $"The question set `{name.Value}` uses itself: {string.Join(" -> ", using_.Append(name.Value))}.", "A set may use other sets, but not one that leads back to itself.");
            return [];
        }

        using_.Add(name.Value);
        var questions = new List<Question>();
        foreach (var item in set.Questions.Items)
        {
            if (MapReader.RequireMap(item, "question", diagnostics) is not { } map)
            {
                continue;
            }

            if (IsUse(map))
            {
                questions.AddRange(Expand(map, parentPath, readQuestion, using_));
            }
            else
            {
                questions.Add(readQuestion(map));
            }
        }

        using_.RemoveAt(using_.Count - 1);
        var from = new QuestionSetUse(name.Value, name.Location, parentPath, questions.Select(q => q.Id).ToHashSet(StringComparer.Ordinal));
        return [.. questions.Select(q => Mark(q, from))];
    }

    /// <summary>Marks a question, and the questions of a repeat group, as put here by <paramref name="from"/>; a set used inside the set keeps its own mark.</summary>
    private static Question Mark(Question question, QuestionSetUse from) =>
        question.FromSet is not null ? question : question with
        {
            FromSet = from,
            Questions = [.. question.Questions.Select(q => Mark(q, from))],
        };
}
