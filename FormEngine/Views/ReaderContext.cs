using FormEngine.Binding;
using FormEngine.Evaluation;
using FormEngine.Rules;
using FormEngine.Templates;

namespace FormEngine.Views;

/// <summary>
/// One reader's audience and language on one template, and what follows from them: what the template withholds
/// from this audience (worked out once per template, see <see cref="AudienceWithholding"/>), and how texts and
/// values read in its language. Needs no session, so outputs made from stored history (the chronology) decide
/// exactly as a form's view does.
/// </summary>
internal class ReaderContext
{
    private readonly RuleDescriptionOptions _describe;
    private readonly AudienceWithholding _withholding;

    public ReaderContext(FormTemplate template, ViewOptions options)
    {
        Template = template;
        var definition = template.Definition;
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
        _withholding = template.WithholdingFor(Audience)!;
        var plans = template.Plans;
        _describe = new RuleDescriptionOptions
        {
            Phrases = RulePhrases.For(Language),
            Label = symbol => symbol.Id < plans.Count && plans[symbol.Id].Node is { } node ? Text(node.LabelText, node.Label) is { Length: > 0 } label ? label : null : null,
            ChoiceLabel = (symbol, value) => symbol.Id < plans.Count && plans[symbol.Id].Question?.Choices?.Find(value) is { } choice ? Text(choice.LabelText, choice.Label) : null,
        };
    }

    /// <summary>The template read.</summary>
    public FormTemplate Template { get; }

    public string? Audience { get; }

    public string Language { get; }

    public Wording Words { get; }

    /// <summary>True unless the template's <c>case_summary: { audiences: [...] }</c> leaves this audience out.</summary>
    public bool ShowsCaseSummary =>
        Audience is null || Template.Definition.CaseSummaryAudiences is not { } audiences || audiences.Contains(Audience);

    /// <summary>
    /// True when nothing in the template is kept from this reader: cleared for every sensitivity level and named in
    /// every node's audiences. What carries no record of who may see it (answers archived from earlier versions,
    /// answers at paths the template no longer has) is shown only to such a reader.
    /// </summary>
    public bool SeesEverything =>
        Audience is null
        || (Template.Definition.SensitivityLevels.All(level => level.Audiences.Contains(Audience))
            && Template.Plans.All(IsForAudience));

    /// <summary>
    /// True when the reader may see the answer stored at <paramref name="path"/> (an item path such as
    /// <c>household.members[1].age</c>, or a whole item <c>household.members[1]</c>): the template describes it and
    /// withholds nothing of it or of anything inside it, or, for a path the template does not describe, the reader is
    /// kept from nothing. Outputs made from stored history (the chronology, addenda) ask this of each path they tell of.
    /// </summary>
    public bool MaySeeAnswerAt(string path) =>
        PlanAt(path) is { } plan ? Template.Plans.Where(p => p.Chain.Contains(plan)).All(p => !IsWithheld(p)) : SeesEverything;

    /// <summary>What the reader calls the question at a stored answer's path: its label, else its id, else the path itself.</summary>
    public string LabelAt(string path) =>
        PlanAt(path)?.Node is { } node ? Text(node.LabelText, node.Label) is { Length: > 0 } label ? label : node.Id : path;

    /// <summary>The template's node for a stored answer's path (item indexes dropped), or null when the template has no such path.</summary>
    public NodePlan? PlanAt(string path) =>
        AnswerPath.TryParse(path, out var answerPath) ? Template.FindPlan(answerPath.TemplatePath) : null;

    /// <summary>False for a node left out for this audience (its own or an enclosing node's <c>audiences:</c>).</summary>
    public bool IsForAudience(NodePlan plan) => _withholding.KindOf(plan) != WithholdingKind.Excluded;

    /// <summary>
    /// A rule in words for paper forms, in this view's language, naming questions and choices as this
    /// reader sees them; null for a rule that reads something withheld from this reader, whose wording
    /// would point at it.
    /// </summary>
    public string? Describe(CompiledRule? rule) => rule is null || ReadsWithheld(rule) ? null : rule.Describe(_describe);

    /// <summary>
    /// True when whether the node is shown depends on something withheld from this reader. Such a node is
    /// not shown to this reader at all: its appearing or not would itself tell them the withheld answer.
    /// </summary>
    public bool VisibilityReadsWithheld(NodePlan plan) => _withholding.KindOf(plan) >= WithholdingKind.Presence;

    /// <summary>
    /// True when the node's answer is withheld from this reader: it is marked (sensitivity or audiences), or
    /// its value, visibility, requiredness or validity depends on something withheld.
    /// </summary>
    public bool IsWithheld(NodePlan plan) => _withholding.KindOf(plan) >= WithholdingKind.Answer;

    /// <summary>True when the node's required and validate rules (and so its messages) depend on something withheld.</summary>
    public bool ChecksWithheld(NodePlan plan) => _withholding.KindOf(plan) >= WithholdingKind.Checks;

    /// <summary>True when a flag's rule reads something withheld from this reader, so it is not raised for them.</summary>
    public bool IsFlagWithheld(FlagPlan flag) => _withholding.IsFlagWithheld(flag);

    /// <summary>True when a rule reads something withheld from this reader, so its result or trace would reveal it.</summary>
    public bool ReadsWithheld(CompiledRule? rule) => _withholding.ReadsWithheld(rule);

    /// <summary>
    /// For a node not shown because its visibility depends on something withheld: the show_if on its chain
    /// that reads it. Fixed for the template, so it says nothing about the answers.
    /// </summary>
    public NodePlan? WithheldVisibilityRule(NodePlan plan) =>
        VisibilityReadsWithheld(plan) ? plan.Chain.FirstOrDefault(node => ReadsWithheld(node.ShowIf)) : null;

    /// <summary>The placeholder shown instead of a withheld answer, naming the sensitivity level behind it where there is one.</summary>
    public string Placeholder(NodePlan plan) =>
        _withholding.Reason(plan)?.Level is { } level
            ? Wording.Fill(Words.WithheldFormat, level.Label.Resolve(Audience, Language))
            : Wording.Fill(Words.WithheldFormat, string.Empty).TrimEnd(' ', ':');

    public string Text(LocalizedText? text, string fallback) => text?.Resolve(Audience, Language) ?? fallback;

    public string? OptionalText(LocalizedText? text, string? fallback) => text is null ? fallback : text.Resolve(Audience, Language) is { Length: > 0 } resolved ? resolved : null;

    /// <summary>
    /// Who confirmed and when, "Confirmed by Sam Jones, Social worker, on 26 November 2026"; empty unless the
    /// signature was given (a name and a real date: <paramref name="value"/> is then its date).
    /// </summary>
    public string Signed(SignatureView signature, RuleValue value)
    {
        if (value.Kind != RuleTypeKind.Date || signature.Name.Trim().Length == 0)
        {
            return string.Empty;
        }

        var who = signature.Role.Trim().Length > 0 ? $"{signature.Name.Trim()}, {signature.Role.Trim()}," : signature.Name.Trim();
        return Wording.Fill(Words.SignedFormat, who, Words.Date(value.AsDate));
    }

    /// <summary>An answer as people read it, with choice labels in this view's language and audience wording.</summary>
    public string Format(Question question, RuleValue value) => value.Kind switch
    {
        RuleTypeKind.Text when question.Choices?.Find(value.AsText) is { } choice => Text(choice.LabelText, choice.Label),
        RuleTypeKind.List => string.Join(", ", value.AsList.Select(item => Format(question, item))),
        RuleTypeKind.Boolean => value.AsBoolean ? Words.Yes : Words.No,
        RuleTypeKind.Date => Words.Date(value.AsDate),
        _ => AnswerFormatter.Format(question, value),
    };
}
