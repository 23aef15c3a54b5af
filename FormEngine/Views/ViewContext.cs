using FormEngine.Binding;
using FormEngine.Evaluation;
using FormEngine.Rules;
using FormEngine.Templates;

namespace FormEngine.Views;

/// <summary>
/// One view's audience and language, and what follows from them: which nodes are for this audience,
/// which answers it may not see (by sensitivity level, and anything calculated from them), and how
/// texts and values read in its language.
/// </summary>
internal sealed class ViewContext
{
    private readonly Dictionary<int, SensitivityLevel> _withheld = [];
    private readonly RuleDescriptionOptions _describe;

    public ViewContext(FormSession session, ViewOptions options)
    {
        Session = session;
        var definition = session.Template.Definition;
        if (options.Audience is { } audience && !definition.Audiences.Contains(audience))
        {
            throw new ArgumentException(
                definition.Audiences.Count == 0
                    ? $"Template `{definition.Id}` declares no audiences, so it cannot be rendered for `{audience}`."
                    : $"Template `{definition.Id}` has no audience `{audience}`; its audiences are {string.Join(", ", definition.Audiences)}.",
                nameof(options));
        }

        Audience = options.Audience ?? definition.Audiences.FirstOrDefault();
        Language = options.Language ?? definition.DefaultLanguage;
        Words = Wording.For(Language);
        var plans = session.Template.Plans;
        _describe = new RuleDescriptionOptions
        {
            Phrases = RulePhrases.For(Language),
            Label = symbol => symbol.Id < plans.Count && plans[symbol.Id].Node is { } node ? Text(node.LabelText, node.Label) is { Length: > 0 } label ? label : null : null,
            ChoiceLabel = (symbol, value) => symbol.Id < plans.Count && plans[symbol.Id].Question?.Choices?.Find(value) is { } choice ? Text(choice.LabelText, choice.Label) : null,
        };
        FindWithheld();
    }

    public FormSession Session { get; }

    public string? Audience { get; }

    public string Language { get; }

    public bool IsForAudience(NodePlan plan) =>
        Audience is null || plan.Chain.All(node => node.Node.Audiences is not { } audiences || audiences.Contains(Audience));

    /// <summary>
    /// A rule in words for paper forms, in this view's language, naming questions and choices as this
    /// reader sees them; null for a rule that reads an answer withheld from this reader, whose wording
    /// would point at it.
    /// </summary>
    public string? Describe(CompiledRule? rule) => rule is null || ReadsWithheld(rule) ? null : rule.Describe(_describe);

    /// <summary>
    /// True when whether the node is shown depends on an answer withheld from this reader (its own show_if
    /// or that of a section or group around it reads one). Such a node is not shown to this reader at all:
    /// its appearing or not would itself tell them the withheld answer.
    /// </summary>
    public bool VisibilityReadsWithheld(NodePlan plan) => VisibilityLevel(plan) is not null;

    /// <summary>
    /// True when the node's answer is withheld from this reader: its own sensitivity (or an enclosing
    /// node's) does not allow them, it is calculated from a withheld answer, or whether it is shown depends
    /// on one (its answer would then tell them the withheld answer too).
    /// </summary>
    public bool IsWithheld(NodePlan plan) => _withheld.ContainsKey(plan.Index) || VisibilityReadsWithheld(plan);

    /// <summary>The sensitivity level of the first withheld answer a show_if around the node reads, or null.</summary>
    private SensitivityLevel? VisibilityLevel(NodePlan plan)
    {
        // Innermost first, so the level named is the one closest to the node.
        for (var i = plan.Chain.Count - 1; i >= 0; i--)
        {
            if (plan.Chain[i].ShowIf?.References.FirstOrDefault(s => _withheld.ContainsKey(s.Id)) is { } source)
            {
                return _withheld[source.Id];
            }
        }

        return null;
    }

    /// <summary>True when a rule reads an answer withheld from this audience, so its result or trace would reveal it.</summary>
    public bool ReadsWithheld(CompiledRule? rule)
    {
        var plans = Session.Template.Plans;
        return rule is not null && rule.References.Any(symbol => symbol.Id < plans.Count && IsWithheld(plans[symbol.Id]));
    }


    public Wording Words { get; private set; } = Wording.For(null);

    public string Placeholder(NodePlan plan) =>
        Wording.Fill(Words.WithheldFormat, (_withheld.GetValueOrDefault(plan.Index) ?? VisibilityLevel(plan))!.Label.Resolve(Audience, Language));

    public string Text(LocalizedText? text, string fallback) => text?.Resolve(Audience, Language) ?? fallback;

    public string? OptionalText(LocalizedText? text, string? fallback) => text is null ? fallback : text.Resolve(Audience, Language) is { Length: > 0 } resolved ? resolved : null;

    /// <summary>An answer as people read it, with choice labels in this view's language and audience wording.</summary>
    public string Format(Question question, RuleValue value) => value.Kind switch
    {
        RuleTypeKind.Text when question.Choices?.Find(value.AsText) is { } choice => Text(choice.LabelText, choice.Label),
        RuleTypeKind.List => string.Join(", ", value.AsList.Select(item => Format(question, item))),
        RuleTypeKind.Boolean => value.AsBoolean ? Words.Yes : Words.No,
        RuleTypeKind.Date => Words.Date(value.AsDate),
        _ => AnswerFormatter.Format(question, value),
    };

    /// <summary>
    /// A node is withheld when its own or an enclosing node's sensitivity level does not allow this
    /// audience; a calculated question is withheld when its rule reads a withheld answer, since its
    /// value is derived from it. Plans come in dependency order, so one pass settles chains.
    /// </summary>
    private void FindWithheld()
    {
        var levels = Session.Template.Definition.SensitivityLevels.ToDictionary(l => l.Id);
        if (levels.Count == 0)
        {
            return;
        }

        foreach (var plan in Session.Template.Plans)
        {
            var level = EffectiveLevel(plan, levels);
            if (level is not null && (Audience is null || !level.Audiences.Contains(Audience)))
            {
                _withheld[plan.Index] = level;
            }
        }

        foreach (var plan in Session.Template.Bound.Order)
        {
            if (!_withheld.ContainsKey(plan.Index) && plan.Value is { } value && value.References.FirstOrDefault(s => _withheld.ContainsKey(s.Id)) is { } source)
            {
                _withheld[plan.Index] = _withheld[source.Id];
            }
        }
    }

    /// <summary>The node's own sensitivity level, or else the nearest enclosing node's.</summary>
    private static SensitivityLevel? EffectiveLevel(NodePlan plan, Dictionary<string, SensitivityLevel> levels)
    {
        for (var i = plan.Chain.Count - 1; i >= 0; i--)
        {
            if (plan.Chain[i].Node.Sensitivity is { } id && levels.TryGetValue(id, out var level))
            {
                return level;
            }
        }

        return null;
    }
}
