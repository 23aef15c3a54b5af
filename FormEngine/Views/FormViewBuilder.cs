using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormEngine.Binding;
using FormEngine.Evaluation;
using FormEngine.Rules;
using FormEngine.Templates;

namespace FormEngine.Views;

/// <summary>
/// Builds the <see cref="FormView"/> renderers draw from a session's current state, for one audience and
/// language: texts resolved, nodes not meant for the audience left out, and answers the audience may not
/// see replaced by a placeholder before any renderer is involved, so no renderer can leak them.
/// </summary>
public static class FormViewBuilder
{
    /// <summary>The evaluated form for the session's current answers, for the template's default audience and language.</summary>
    /// <param name="session">The session.</param>
    /// <returns>The view.</returns>
    public static FormView Build(FormSession session) => Build(session, new ViewOptions());

    /// <summary>The evaluated form for the session's current answers, for one audience and language.</summary>
    /// <param name="session">The session.</param>
    /// <param name="options">The audience and language.</param>
    /// <returns>The view.</returns>
    /// <exception cref="ArgumentException">The template does not declare the audience.</exception>
    public static FormView Build(FormSession session, ViewOptions options)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(options);
        var state = session.State;
        var context = new ViewContext(state, options);
        var result = SessionResults.Evaluate(state);
        var carried = state.CarriedForward.ToHashSet(StringComparer.Ordinal);
        var sections = new List<SectionView>();
        foreach (var plan in state.Plans.Where(p => p.IsSection && context.IsForAudience(p)))
        {
            var slot = state.SlotAt(plan, -1);
            var children = plan.Children.Where(context.IsForAudience).ToList();
            var shown = slot.Visible && !context.VisibilityReadsWithheld(plan);
            var checks = shown && !context.ChecksWithheld(plan);
            sections.Add(new SectionView
            {
                Id = plan.Node.Id,
                Path = plan.Path,
                Label = context.Text(plan.Node.LabelText, plan.Node.Label),
                Hint = context.OptionalText(plan.Node.HintText, plan.Node.Hint),
                Visible = shown,
                Required = checks && slot.Required,
                Missing = checks && slot.Missing,
                MissingMessage = context.Words.AnswerThisQuestion,
                Errors = checks ? Messages(context, slot) : [],
                Withheld = context.IsWithheld(plan),
                ShowIfDescription = context.Describe(plan.ShowIf),
                RequiredDescription = context.Describe(plan.RequiredWhen),
                HiddenBy = shown ? null : HiddenBy(context, plan, -1),
                Questions = FollowUps.Mark(context, children, [.. children.Select(child => Question(context, child, -1, carried))]),
            });
        }

        var paging = Paging(state, context, sections, options.Page);
        var onPage = paging is null ? sections : [.. sections.Select(s => OnPage(s, paging)).OfType<SectionView>()];
        var included = state.Plans.Where(context.IsForAudience).Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
        return new FormView
        {
            TemplateId = result.TemplateId,
            TemplateVersion = result.TemplateVersion,
            Title = context.Text(state.Template.Definition.TitleText, state.Template.Title),
            Audience = context.Audience,
            Language = context.Language,
            Today = state.Today,
            Sections = onPage,
            Paging = paging,
            Flags = [.. Flags(context, result)],
            // Built from the elements, so messages are in the reader's language and withheld ones are absent.
            Errors = [.. onPage.Where(s => s.Visible).SelectMany(ElementErrors)],
            Missing = [.. result.Missing.Where(path => included.Contains(TemplatePath(path)) && state.Template.FindPlan(TemplatePath(path)) is { } plan && !context.ChecksWithheld(plan) && plan.Question?.Display != false && (paging?.OnCurrentPage(path) ?? true))],
            // A withheld answer is not marked as carried forward: that the previous assessment had one is information about it.
            CarriedForward = [.. result.CarriedForward.Where(path => included.Contains(path) && state.Template.FindPlan(path) is { } plan && !context.IsWithheld(plan))],
            Summary = context.ShowsCaseSummary ? CaseSummaryBuilder.Build(context, sections) : null,
            EarlierAnswers = EarlierAnswersBuilder.Build(context),
            Status = RecordStatusBuilder.Build(context, options.Status),
        };
    }

    /// <summary>
    /// Why a section or question is shown or hidden, and required or not, as one reader may be told it: for
    /// a node withheld from the reader, only that it is withheld; otherwise the session's explanation, none
    /// of whose rules can read anything withheld (a node whose rules do is itself withheld).
    /// </summary>
    /// <param name="session">The session.</param>
    /// <param name="path">A section or question path; for a repeat field, the item: <c>household.members[1].school</c>.</param>
    /// <param name="options">The reader's audience and language.</param>
    /// <returns>The explanation.</returns>
    /// <exception cref="ArgumentException">The path is not in the template, or the audience is not declared.</exception>
    public static PathExplanation Explain(FormSession session, string path, ViewOptions options)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        var state = session.State;
        var context = new ViewContext(state, options);
        var (plan, index) = SessionPaths.Resolve(state, path);
        var explanation = SessionExplainer.Explain(state, path, plan, index);
        if (!context.IsForAudience(plan) || context.IsWithheld(plan))
        {
            return new PathExplanation { Path = path, Withheld = true, Visible = false, Required = false, Visibility = [] };
        }

        return context.ChecksWithheld(plan) ? explanation with { Required = false, Requirement = null } : explanation;
    }

    /// <summary>The pages the template splits this reader's form into, with the one asked for; null for one page.</summary>
    private static FormPaging? Paging(SessionReadModel state, ViewContext context, IReadOnlyList<SectionView> sections, int? page)
    {
        var split = state.Template.Definition.PagesFor(context.Audience);
        if (split == PageSplit.None)
        {
            return page is null ? null : throw new ArgumentException($"Template `{state.Template.Id}` shows {(context.Audience is null ? "its form" : $"the {context.Audience}'s form")} on one page, so there is no page {page} to show. Leave the page out, or split the form with `pages:` in the template.", nameof(page));
        }

        return FormPagingBuilder.Build(sections, split, page);
    }

    /// <summary>The part of a section on the page shown: all of it, some of its questions, or nothing (null).</summary>
    private static SectionView? OnPage(SectionView section, FormPaging paging)
    {
        if (paging.Current is not { } current || paging.IsCheckAnswers)
        {
            return section;
        }

        var page = paging.Pages[current - 1];
        if (page.SectionPath != section.Path)
        {
            return null;
        }

        var questions = section.Questions.Where(q => page.QuestionPaths.Contains(q.Path)).ToList();
        return paging.OnCurrentPage(section.Path)
            ? section with { Questions = questions }
            : section with { Questions = questions, Errors = [], Missing = false };
    }

    private static IEnumerable<AnswerError> ElementErrors(SectionView section)
    {
        foreach (var message in section.Errors)
        {
            yield return new AnswerError(section.Path, message);
        }

        foreach (var question in section.Questions.Where(q => q.Visible))
        {
            foreach (var message in question.Errors)
            {
                yield return new AnswerError(question.Path, message);
            }

            foreach (var field in question.Items.SelectMany(item => item.Questions).Where(f => f.Visible))
            {
                foreach (var message in field.Errors)
                {
                    yield return new AnswerError(field.Path, message);
                }
            }
        }
    }

    private static IEnumerable<RaisedFlag> Flags(ViewContext context, EvaluationResult result)
    {
        var plans = context.State.Flags.ToDictionary(f => f.Flag.Id);
        return result.Flags
            .Where(flag => !context.IsFlagWithheld(plans[flag.Id]))
            .Select((flag, index) => (Flag: flag with { Message = context.Text(plans[flag.Id].Flag.MessageText, flag.Message) }, Index: index))
            .OrderByDescending(f => f.Flag.Severity)
            .ThenBy(f => f.Index)
            .Select(f => f.Flag);
    }

    private static QuestionView Question(ViewContext context, NodePlan plan, int item, HashSet<string> carried)
    {
        var state = context.State;
        var question = plan.Question!;
        var slot = state.SlotAt(plan, item);
        var path = item < 0 ? plan.Path : AnswerPath.Format(plan.Repeat!.Path, item, plan.Node.Id);
        var withheld = context.IsWithheld(plan);
        var shown = slot.Visible && !context.VisibilityReadsWithheld(plan);
        var answer = question.Type == QuestionType.Calculated ? slot.Value : slot.Visible ? slot.Value : slot.Answer;
        var selected = withheld ? [] : SelectedValues(answer);
        var signature = question.Type == QuestionType.Signature && !withheld ? SignatureView.From(state.StoredAnswer(plan, item)) : null;
        // The same for every item: whether the reader may remove one depends on the group's questions, not on the item.
        var removable = question.Type == QuestionType.Repeat && plan.Fields.All(f => context.IsForAudience(f) && !context.IsWithheld(f) && f.Question?.Display != false);
        return new QuestionView
        {
            Id = plan.Node.Id,
            Path = path,
            Label = context.Text(plan.Node.LabelText, plan.Node.Label),
            Hint = context.OptionalText(plan.Node.HintText, plan.Node.Hint),
            Type = question.Type,
            Visible = shown,
            // A question that is not displayed is not asked, so it is never required of the reader.
            Required = shown && !withheld && question.Display && slot.Required,
            Missing = shown && !withheld && question.Display && slot.Missing,
            MissingMessage = MissingMessage(context, question),
            Display = question.Display,
            Errors = withheld ? [] : Messages(context, slot),
            Withheld = withheld,
            ShowIfDescription = context.Describe(plan.ShowIf),
            RequiredDescription = context.Describe(plan.RequiredWhen),
            HiddenBy = shown ? null : HiddenBy(context, plan, item),
            Value = withheld ? RuleValue.Null : slot.Value,
            DisplayValue = withheld ? context.Placeholder(plan) : signature is not null ? context.Signed(signature, answer) : context.Format(question, answer),
            InputValue = withheld ? string.Empty : signature is not null ? signature.Date : slot.AnswerError is null ? AnswerFormatter.FormatForInput(answer) : RawText(state.StoredAnswer(plan, item)),
            Signature = signature,
            // A withheld question offers no options either: its form shows the placeholder, not controls.
            Choices = withheld ? [] : Choices(context, question, selected),
            Min = question.Min,
            Max = question.Max,
            AsksWithSelect = AsksWithSelect(question),
            MaxLength = FollowUps.MaxLength(plan),
            CarriedForward = item < 0 && !withheld && carried.Contains(plan.Path),
            // A withheld group's items are not listed: even how many there are is information about them.
            AddLabel = question.Type == QuestionType.Repeat ? AddLabel(context, plan) : string.Empty,
            Items = question.Type == QuestionType.Repeat && item < 0 && !withheld
                ? [.. Enumerable.Range(0, state.ItemCount(plan)).Select(i => new RepeatItemView(i, [.. plan.Fields.Where(context.IsForAudience).Select(f => Question(context, f, i, carried))])
                {
                    RemoveLabel = RemoveLabel(context, plan, i),
                    Removable = removable,
                })]
                : [],
            ItemTemplate = question.Type == QuestionType.Repeat ? [.. plan.Fields.Where(context.IsForAudience).Select(f => Blank(context, f, slot.Visible))] : [],
        };
    }

    private static QuestionView Blank(ViewContext context, NodePlan plan, bool visible)
    {
        var question = plan.Question!;
        return new QuestionView
        {
            Id = plan.Node.Id,
            Path = plan.Path,
            Label = context.Text(plan.Node.LabelText, plan.Node.Label),
            Hint = context.OptionalText(plan.Node.HintText, plan.Node.Hint),
            Type = question.Type,
            Visible = visible && !context.VisibilityReadsWithheld(plan),
            Required = plan.Node.Required.Always && question.Display,
            MissingMessage = MissingMessage(context, question),
            Display = question.Display,
            Withheld = context.IsWithheld(plan),
            DisplayValue = context.IsWithheld(plan) ? context.Placeholder(plan) : string.Empty,
            ShowIfDescription = context.Describe(plan.ShowIf),
            RequiredDescription = context.Describe(plan.RequiredWhen),
            Choices = context.IsWithheld(plan) ? [] : Choices(context, question, []),
            Min = question.Min,
            Max = question.Max,
            AsksWithSelect = AsksWithSelect(question),
            MaxLength = FollowUps.MaxLength(plan),
        };
    }

    private static bool AsksWithSelect(Question question) =>
        question.Type == QuestionType.Choice && ChoiceControls.UsesSelect(question.Control, question.Choices?.Choices.Count ?? 0);

    private static string MissingMessage(ViewContext context, Question question) =>
        context.OptionalText(question.RequiredMessage, null) ?? context.Words.AnswerThisQuestion;

    /// <summary>What a repeat group's items are called: its label, or its id when it has none.</summary>
    private static string GroupName(ViewContext context, NodePlan plan) =>
        context.Text(plan.Node.LabelText, plan.Node.Label) is { Length: > 0 } label ? label : plan.Node.Id;

    private static string AddLabel(ViewContext context, NodePlan plan) =>
        context.OptionalText(plan.Question!.AddLabel, null) ?? Wording.Fill(context.Words.AddItemFormat, GroupName(context, plan));

    /// <summary>
    /// The item's number always follows the template's words: a page with several items needs a distinct
    /// name on each remove button, or a screen reader user hears the same button read out again and again.
    /// </summary>
    private static string RemoveLabel(ViewContext context, NodePlan plan, int index) =>
        context.OptionalText(plan.Question!.RemoveLabel, null) is { } own
            ? string.Create(CultureInfo.InvariantCulture, $"{own} {index + 1}")
            : Wording.Fill(context.Words.RemoveItemFormat, string.Create(CultureInfo.InvariantCulture, $"{GroupName(context, plan)} {index + 1}"));

    /// <summary>A question's options in the reader's wording, with those in <paramref name="selected"/> marked.</summary>
    private static ChoiceView[] Choices(ViewContext context, Question question, HashSet<string> selected) =>
        [.. (question.Choices?.Choices ?? []).Select(c => new ChoiceView(c.Value, context.Text(c.LabelText, c.Label), c.Hint, selected.Contains(c.Value)))];

    private static IReadOnlyList<string> Messages(ViewContext context, Slot slot) =>
        slot.Errors is { } errors
            ? [.. errors.Select(e => e.Localized?.Resolve(context.Audience, context.Language) ?? (e.Limit is { } limit ? context.Words.Limit(limit) : null) ?? e.Text)]
            : [];

    private static string TemplatePath(string path) => AnswerPath.TryParse(path, out var parsed) ? parsed.TemplatePath : path;

    private static HashSet<string> SelectedValues(RuleValue value) => value.Kind switch
    {
        RuleTypeKind.Text => [value.AsText],
        RuleTypeKind.List => [.. value.AsList.Where(v => v.Kind == RuleTypeKind.Text).Select(v => v.AsText)],
        _ => [],
    };

    private static string RawText(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    /// <summary>
    /// The outermost show_if on the element's chain that is false: that is what hides it. For an element
    /// hidden from this reader because its visibility reads something withheld, the rule that reads it,
    /// without evaluating anything: the same whatever the answers are.
    /// </summary>
    private static HiddenReason? HiddenBy(ViewContext context, NodePlan plan, int item)
    {
        if (context.WithheldVisibilityRule(plan) is { } withheldBy)
        {
            return new HiddenReason(withheldBy.Path, withheldBy.ShowIf!.Source, withheldBy.Node.ShowIf!.Location, context.Words.WithheldTrace);
        }

        var state = context.State;
        Span<int> index = stackalloc int[item < 0 ? 0 : 1];
        if (item >= 0)
        {
            index[0] = item;
        }

        foreach (var node in plan.Chain)
        {
            if (node.ShowIf is null)
            {
                continue;
            }

            var explanation = node.ShowIf.Explain(state.RuleData, state.Today, node.Repeat is null ? [] : index);
            if (!explanation.IsTrue)
            {
                return new HiddenReason(node.Path, node.ShowIf.Source, node.Node.ShowIf!.Location, string.Join(" → ", explanation.Steps));
            }
        }

        return null;
    }
}
