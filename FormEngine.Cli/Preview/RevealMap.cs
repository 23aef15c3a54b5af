using System.Text.Json.Nodes;
using FormEngine.Evaluation;
using FormEngine.Rules;
using FormEngine.Templates;

namespace FormEngine.Cli.Preview;

/// <summary>
/// Which questions' answers decide whether other sections and questions are shown: for each question, the
/// nodes whose <c>show_if</c> reads it. Worked out once per template by compiling each <c>show_if</c> against
/// a symbol table that records every question the rule looks up.
/// </summary>
/// <remarks>
/// Only top-level relationships are kept (a question outside repeat groups revealing a section or a question
/// outside repeat groups): those are the ones a radio or checkbox on the page can point at with
/// <c>aria-controls</c>, as each has one element on the page.
/// </remarks>
internal sealed class RevealMap
{
    private readonly Dictionary<string, List<string>> _dependents = new(StringComparer.Ordinal);

    public RevealMap(FormTemplate template)
    {
        var symbols = new SymbolTable();
        var id = 0;
        foreach (var section in template.Sections)
        {
            AddSymbols(symbols, section.Questions, null, ref id);
        }

        var recorder = new RecordingSymbols(symbols);
        foreach (var node in Nodes(template.Sections))
        {
            // Inside a repeat group an element exists once per item, not once on the page.
            if (node.ShowIf is null || IsInRepeat(template, node.Path))
            {
                continue;
            }

            recorder.Found.Clear();
            Rule.TryCompile(node.ShowIf.Source, recorder);
            foreach (var read in recorder.Found.Distinct(StringComparer.Ordinal))
            {
                if (IsInRepeat(template, read) || read == node.Path)
                {
                    continue;
                }

                if (!_dependents.TryGetValue(read, out var list))
                {
                    list = [];
                    _dependents[read] = list;
                }

                list.Add(node.Path);
            }
        }
    }

    /// <summary>The questions that reveal or hide something.</summary>
    public IEnumerable<string> Controllers => _dependents.Keys;

    /// <summary>The nodes whose <c>show_if</c> reads <paramref name="question"/>.</summary>
    public IReadOnlyList<string> Dependents(string question) => _dependents.TryGetValue(question, out var list) ? list : [];

    /// <summary>
    /// For each option of a controlling choice question, the dependents that would be shown with that option
    /// chosen (or, for a multichoice, ticked as well), all other answers staying as they are.
    /// </summary>
    public Dictionary<string, IReadOnlyList<string>> RevealedByOption(FormSession scratch, Question question, JsonNode? current)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (question.Choices is null && question.Type != QuestionType.Boolean)
        {
            return result;
        }

        var values = question.Type == QuestionType.Boolean
            ? ["true", "false"]
            : question.Choices!.Choices.Select(c => c.Value).ToList();
        foreach (var value in values)
        {
            JsonNode? tried = question.Type switch
            {
                QuestionType.Boolean => JsonValue.Create(value == "true"),
                QuestionType.MultiChoice => new JsonArray([.. ((current as JsonArray)?.Select(n => n?.DeepClone()) ?? []).Append(JsonValue.Create(value))]),
                _ => JsonValue.Create(value),
            };
            scratch.Set(question.Path, tried);
            result[value] = [.. Dependents(question.Path).Where(scratch.IsVisible)];
        }

        scratch.Set(question.Path, current?.DeepClone());
        return result;
    }

    private static bool IsInRepeat(FormTemplate template, string path)
    {
        var dot = path.LastIndexOf('.');
        while (dot > 0)
        {
            path = path[..dot];
            if (template.Find(path) is Question { Type: QuestionType.Repeat })
            {
                return true;
            }

            dot = path.LastIndexOf('.');
        }

        return false;
    }

    private static IEnumerable<FormNode> Nodes(IEnumerable<FormNode> nodes)
    {
        foreach (var node in nodes)
        {
            yield return node;
            foreach (var child in Nodes(node.Questions))
            {
                yield return child;
            }
        }
    }

    private static void AddSymbols(SymbolTable symbols, IReadOnlyList<Question> questions, RuleSymbol? group, ref int id)
    {
        foreach (var question in questions)
        {
            if (question.Type == QuestionType.Note)
            {
                continue;
            }

            var symbol = new RuleSymbol(id++, question.Path, TypeOf(question), group);
            symbols.Add(symbol);
            if (question.Type == QuestionType.Repeat)
            {
                AddSymbols(symbols, question.Questions, symbol, ref id);
            }
        }
    }

    private static RuleType TypeOf(Question question) => question.Type switch
    {
        QuestionType.Number => RuleType.Number,
        QuestionType.Date or QuestionType.Signature => RuleType.Date,
        QuestionType.Boolean => RuleType.Boolean,
        QuestionType.MultiChoice => RuleType.ListOf(RuleType.Text),
        QuestionType.Repeat => RuleType.Group,
        QuestionType.Calculated => RuleType.Any,
        _ => RuleType.Text,
    };

    /// <summary>Resolves through the real table and notes every question a rule looks up.</summary>
    private sealed class RecordingSymbols(SymbolTable inner) : ISymbolTable
    {
        public List<string> Found { get; } = [];

        public SymbolLookup Resolve(IReadOnlyList<string> segments, RuleSymbol? scope)
        {
            var lookup = inner.Resolve(segments, scope);
            if (lookup.Symbol is { } symbol)
            {
                Found.Add(symbol.Path);
            }

            return lookup;
        }

        public IEnumerable<string> SuggestionCandidates(RuleSymbol? scope) => inner.SuggestionCandidates(scope);
    }
}
