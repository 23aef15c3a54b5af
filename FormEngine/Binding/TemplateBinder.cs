using FormEngine.Diagnostics;
using FormEngine.Rules;
using FormEngine.Templates;

namespace FormEngine.Binding;

/// <summary>
/// Turns a <see cref="TemplateDefinition"/> into plans a session can run: checks ids, compiles every rule
/// against the template's questions (mapping rule errors back to the YAML), and orders the value
/// computations so that each is recomputed only after what it reads. Reports all problems in one pass.
/// </summary>
internal sealed class TemplateBinder
{
    private readonly TemplateDefinition _definition;
    private readonly TemplateLoadOptions _options;
    private readonly RuleSyntaxCache _syntaxCache;
    private readonly DiagnosticBag _diagnostics;
    private readonly List<NodePlan> _plans = [];
    private readonly List<FlagPlan> _flags = [];

    public TemplateBinder(TemplateDefinition definition, TemplateLoadOptions options, DiagnosticBag diagnostics)
    {
        _definition = definition;
        _options = options;

        // Without a host's cache the load keeps its own: a calculation's rule is compiled in several passes
        // while types settle, and templates repeat conditions (several questions shown by the same answer).
        _syntaxCache = options.RuleCache ?? new RuleSyntaxCache();
        _diagnostics = diagnostics;
    }

    public BoundTemplate Bind()
    {
        CreatePlans();
        CheckFlagIds();
        var symbols = CreateSymbols();
        CompileRules(symbols);
        var order = DependencyOrder.Build(_plans, _flags, _diagnostics);
        return new BoundTemplate(_definition, _plans, _flags, symbols, order);
    }

    private void CreatePlans()
    {
        var sectionIds = new Dictionary<string, Section>(StringComparer.Ordinal);
        foreach (var section in _definition.Sections)
        {
            if (section.Id.Length > 0 && !sectionIds.TryAdd(section.Id, section))
            {
                _diagnostics.Report(DiagnosticCatalogue.DuplicateId, section.Location, $"Two sections have the id `{section.Id}`; the other is at {sectionIds[section.Id].Location}.", "Section ids must be different: rules use them to name questions.");
            }

            var plan = Add(section, parent: null, repeat: null);
            AddQuestions(plan, section.Questions, repeat: null);
        }
    }

    private NodePlan Add(FormNode node, NodePlan? parent, NodePlan? repeat)
    {
        var plan = new NodePlan(_plans.Count, node, parent, repeat, repeat?.Fields.Count ?? -1);
        _plans.Add(plan);
        repeat?.Fields.Add(plan);
        parent?.Children.Add(plan);
        return plan;
    }

    private void AddQuestions(NodePlan parent, IReadOnlyList<Question> questions, NodePlan? repeat)
    {
        var ids = new Dictionary<string, Question>(StringComparer.Ordinal);
        foreach (var question in questions)
        {
            if (question.Id.Length > 0 && !ids.TryAdd(question.Id, question))
            {
                _diagnostics.Report(DiagnosticCatalogue.DuplicateId, question.FromSet?.At ?? question.Location, DuplicateQuestionMessage(parent, question, ids[question.Id]), "Question ids must be different within a section: rules and answers use them.");
            }

            var plan = Add(question, parent, repeat);
            if (question.Type == QuestionType.Repeat)
            {
                AddQuestions(plan, question.Questions, repeat: plan);
            }
        }
    }

    /// <summary>Says where both questions are; one put here by a question set is reported at its <c>use:</c> line, and the set named.</summary>
    private static string DuplicateQuestionMessage(NodePlan parent, Question question, Question other)
    {
        if (question.FromSet is null && other.FromSet is null)
        {
            return $"Two questions in `{parent.Path}` have the id `{question.Id}`; the other is at {other.Location}.";
        }

        static string Where(Question q) => q.FromSet is { } use ? $"{q.Location} {use.Describe()}" : q.Location.ToString();
        return $"Two questions in `{parent.Path}` have the id `{question.Id}`: the one at {Where(question)} and the one at {Where(other)}.";
    }

    private void CheckFlagIds()
    {
        var ids = new Dictionary<string, Flag>(StringComparer.Ordinal);
        foreach (var flag in _definition.Flags)
        {
            if (!ids.TryAdd(flag.Id, flag))
            {
                _diagnostics.Report(DiagnosticCatalogue.DuplicateId, flag.Location, $"Two flags have the id `{flag.Id}`; the other is at {ids[flag.Id].Location}.", "Give each flag its own id.");
            }
        }
    }

    /// <summary>
    /// Makes a symbol for every question a rule can read. A calculated question's type is that of its
    /// value rule, which may read other calculated questions, so types are settled in a few passes.
    /// </summary>
    private SymbolTable CreateSymbols()
    {
        var calculatedTypes = new Dictionary<int, RuleType>();
        var table = BuildTable(calculatedTypes);
        for (var pass = 0; pass < 4; pass++)
        {
            var changed = false;
            foreach (var plan in _plans)
            {
                if (plan.Question is { Type: QuestionType.Calculated, Value: { } value })
                {
                    var result = Rule.TryCompile(value.Source, SymbolsFor(plan, table), Options(plan, RuleType.Any, kept: false));
                    var type = result.Rule?.ResultType ?? RuleType.Any;
                    if (!calculatedTypes.TryGetValue(plan.Index, out var known) || known != type)
                    {
                        calculatedTypes[plan.Index] = type;
                        changed = true;
                    }
                }
            }

            if (!changed)
            {
                break;
            }

            table = BuildTable(calculatedTypes);
        }

        return table;
    }

    private SymbolTable BuildTable(Dictionary<int, RuleType> calculatedTypes)
    {
        var table = new SymbolTable();
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var plan in _plans)
        {
            // A duplicate id is already reported; rules see the first question with that path.
            if (plan.Question is not { } question || question.Type == QuestionType.Note || question.Id.Length == 0 || !paths.Add(plan.Path))
            {
                plan.Symbol = null;
                continue;
            }

            // Only a calculation's type changes from one pass to the next; every other symbol is kept.
            if (plan.Symbol is { } kept && question.Type != QuestionType.Calculated)
            {
                table.Add(kept);
                continue;
            }

            var type = question.Type switch
            {
                QuestionType.Number => RuleType.Number,
                QuestionType.Date or QuestionType.Signature => RuleType.Date,
                QuestionType.Boolean => RuleType.Boolean,
                QuestionType.MultiChoice => RuleType.ListOf(RuleType.Text),
                QuestionType.Repeat => RuleType.Group,
                QuestionType.Calculated => calculatedTypes.GetValueOrDefault(plan.Index, RuleType.Any),
                _ => RuleType.Text,
            };
            plan.Symbol = new RuleSymbol(plan.Index, plan.Path, type, plan.Repeat?.Symbol, string.IsNullOrEmpty(question.Label) ? null : question.Label)
            {
                Choices = [.. question.Choices?.Choices.Select(c => c.Value) ?? []],
            };
            table.Add(plan.Symbol);
        }

        return table;
    }

    /// <summary>The names a node's rules can use: a question put here by a question set also names the set's questions by bare id.</summary>
    private static ISymbolTable SymbolsFor(NodePlan? plan, SymbolTable table) =>
        plan?.Question?.FromSet is { } use ? new QuestionSetSymbols(table, use) : table;

    /// <summary>
    /// Options for a node's rule. Working out a calculation's type compiles its rule several times, so only the
    /// rule kept (<paramref name="kept"/>) is compiled in the tier the host chose.
    /// </summary>
    private RuleCompileOptions Options(NodePlan? plan, RuleType expected, bool kept = true) => new()
    {
        Scope = plan?.Repeat?.Symbol,
        ExpectedType = expected,
        MaxLength = _options.MaxRuleLength,
        Tier = kept ? _options.RuleTier : RuleEvaluationTier.Closures,
        SyntaxCache = _syntaxCache,
    };

    private void CompileRules(SymbolTable table)
    {
        foreach (var plan in _plans)
        {
            var node = plan.Node;
            plan.ShowIf = Compile(node.ShowIf, table, plan, RuleType.Boolean);
            plan.RequiredWhen = Compile(node.Required.When, table, plan, RuleType.Boolean);
            foreach (var validation in node.Validations)
            {
                if (Compile(validation.Rule, table, plan, RuleType.Boolean) is { } rule)
                {
                    plan.Validations.Add((rule, validation.Message));
                }
            }

            if (plan.Question is { Value: { } value })
            {
                plan.Value = Compile(value, table, plan, RuleType.Any);
            }
        }

        foreach (var flag in _definition.Flags)
        {
            _flags.Add(new FlagPlan(_flags.Count, flag, Compile(flag.When, table, null, RuleType.Boolean)));
        }
    }

    /// <summary>
    /// Warns where a rule compares a choice question with text that is not one of its choices
    /// (<c>child.has_disability = 'Yes'</c> when the choices are <c>yes</c> and <c>no</c>): such a
    /// comparison can never hold, so a question it shows would never appear.
    /// </summary>
    private void CheckChoiceValues(CompiledRule rule, RuleText text, NodePlan? plan)
    {
        foreach (var comparison in rule.TextComparisons)
        {
            if (_plans[comparison.Symbol.Id].Question?.Choices is not { } choices || choices.Find(comparison.Text) is not null)
            {
                continue;
            }

            var values = choices.Choices.Select(c => c.Value).ToList();
            var sameButCase = values.FirstOrDefault(v => string.Equals(v, comparison.Text, StringComparison.OrdinalIgnoreCase));
            var suggestion = sameButCase is not null ? $"Did you mean '{sameButCase}'? Choice values are compared exactly." : NameSuggester.DidYouMean(comparison.Text, values);
            _diagnostics.Report(
                DiagnosticCatalogue.NotAChoice,
                text.LocationOf(comparison.Offset, comparison.Length),
                InContext($"`{comparison.Symbol.Path}` has no choice '{comparison.Text}' (its choices are {string.Join(", ", values.Take(12))}{(values.Count > 12 ? ", ..." : string.Empty)}), so this comparison never holds.", plan),
                suggestion);
        }
    }

    /// <summary>A problem in a rule inside a question set depends on where the set is used, so its message names that use too.</summary>
    private static string InContext(string message, NodePlan? plan) =>
        plan?.Question?.FromSet is { } use ? $"{message} {use.Describe()}" : message;

    private CompiledRule? Compile(RuleText? text, SymbolTable table, NodePlan? plan, RuleType expected)
    {
        if (text is null)
        {
            return null;
        }

        var result = Rule.TryCompile(text.Source, SymbolsFor(plan, table), Options(plan, expected));
        foreach (var problem in result.Diagnostics)
        {
            var at = text.LocationOf(problem.Offset, problem.Length);
            var severity = problem.Severity == RuleSeverity.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
            _diagnostics.Add(new Diagnostic(problem.Code, severity, InContext(problem.Message, plan), at.File, at.Line, at.Column, at.Length, problem.Suggestion));
        }

        if (result.Rule is { } rule)
        {
            CheckChoiceValues(rule, text, plan);
        }

        return result.Rule;
    }
}
