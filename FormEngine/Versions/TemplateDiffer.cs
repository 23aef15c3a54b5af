using FormEngine.Binding;
using FormEngine.Templates;

namespace FormEngine.Versions;

/// <summary>
/// Works out what changed between two versions, node by node. A section or question is the same one while its
/// path is the same, whatever its label; a question whose path is gone is renamed only where the new version's
/// migration says so, moved when the same id now sits in another section, and removed otherwise. Whether a change
/// can touch stored answers, and whether a migration step covers it, is decided here once, for <c>diff</c> and
/// for <c>publish</c> alike.
/// </summary>
internal sealed class TemplateDiffer
{
    private readonly FormTemplate _old;
    private readonly FormTemplate _new;
    private readonly Migration? _migration;
    private readonly Dictionary<string, NodePlan> _newByPath;
    private readonly List<TemplateChange> _changes = [];

    private TemplateDiffer(FormTemplate old, FormTemplate @new)
    {
        _old = old;
        _new = @new;
        _migration = @new.Definition.Migrations.FirstOrDefault(m => m.From == old.Version);
        _newByPath = @new.Plans.GroupBy(p => p.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public static IReadOnlyList<TemplateChange> Changes(FormTemplate old, FormTemplate @new) => new TemplateDiffer(old, @new).Run();

    private IReadOnlyList<TemplateChange> Run()
    {
        var oldPaths = _old.Plans.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
        var carriedTo = new HashSet<string>(StringComparer.Ordinal);
        foreach (var plan in _old.Plans)
        {
            if (_newByPath.TryGetValue(plan.Path, out var same))
            {
                Compare(plan, same);
            }
            else if (Gone(plan, oldPaths) is { } target)
            {
                carriedTo.Add(target);
            }
        }

        foreach (var plan in _new.Plans.Where(p => !oldPaths.Contains(p.Path) && !carriedTo.Contains(p.Path) && !InsideCarried(p.Path, carriedTo)))
        {
            Add(plan.Path, "added", $"{What(plan)} `{plan.Path}` is new.", ChangeImpact.Safe);
        }

        return _changes;
    }

    private static bool InsideCarried(string path, HashSet<string> carried) =>
        carried.Any(group => path.StartsWith(group + ".", StringComparison.Ordinal));

    /// <summary>Reports a node the new version no longer has at its path; returns the new path its answers go to, if any.</summary>
    private string? Gone(NodePlan plan, HashSet<string> oldPaths)
    {
        if (plan.Repeat is { } group && !_newByPath.ContainsKey(group.Path))
        {
            return null; // reported with its group
        }

        var holdsAnswers = plan.IsSection || plan.Question is { TakesAnswer: true } || plan.IsRepeat;
        var rename = _migration?.Steps.OfType<RenameStep>().FirstOrDefault(r => r.From.Path == plan.Path);
        if (rename is not null)
        {
            var moved = rename.To.Path.Split('.')[^1] == plan.Node.Id;
            Add(plan.Path, moved ? "moved" : "renamed", $"{What(plan)} `{plan.Path}` is now `{rename.To.Path}`; the migration from version {_old.Version} carries its answers there.", ChangeImpact.Migration);
            if (_newByPath.TryGetValue(rename.To.Path, out var renamed))
            {
                // The same question under its new name: what else changed about it is reported there.
                Compare(plan, renamed);
            }

            return rename.To.Path;
        }

        var movedTo = _new.Plans.Where(p => p.Node.Id == plan.Node.Id && !p.IsSection && !oldPaths.Contains(p.Path) && (p.Repeat is null) == (plan.Repeat is null)).ToList();
        if (!plan.IsSection && movedTo.Count == 1)
        {
            Add(plan.Path, "moved", $"{What(plan)} `{plan.Path}` is now at `{movedTo[0].Path}`, but no migration step moves its answers there (`rename: {{ from: {plan.Path}, to: {movedTo[0].Path} }}`).", holdsAnswers && !plan.IsSection ? ChangeImpact.Breaking : ChangeImpact.Safe);
            return movedTo[0].Path;
        }

        var dropped = _migration?.Steps.OfType<DropStep>().Any(d => d.Path.Path == plan.Path) == true;
        var impact = plan.IsSection || !holdsAnswers ? ChangeImpact.Safe : dropped ? ChangeImpact.Migration : ChangeImpact.Breaking;
        var detail = plan.IsSection
            ? $"The section `{plan.Path}` is removed (its questions are listed one by one)."
            : !holdsAnswers ? $"{What(plan)} `{plan.Path}` is removed; it held no answers."
            : dropped ? $"{What(plan)} `{plan.Path}` is removed; the migration from version {_old.Version} archives its answers with the record."
            : $"{What(plan)} `{plan.Path}` is removed, and no migration step archives (`drop`) or moves (`rename`) its answers.";
        Add(plan.Path, "removed", detail, impact);
        return null;
    }

    private void Compare(NodePlan old, NodePlan @new)
    {
        var path = @new.Path;
        var oldQuestion = old.Question;
        var newQuestion = @new.Question;
        if (oldQuestion is not null && newQuestion is not null && oldQuestion.Type != newQuestion.Type)
        {
            var covered = HasStep(path, s => s is SetStep or MapChoicesStep);
            var holds = oldQuestion.TakesAnswer || oldQuestion.Type == QuestionType.Repeat;
            Add(path, "type_changed", $"`{path}` was {Type(oldQuestion.Type)} and is now {Type(newQuestion.Type)}.", !holds ? ChangeImpact.Safe : covered ? ChangeImpact.Migration : ChangeImpact.Breaking);
        }
        else if (oldQuestion?.Choices is { } oldChoices && newQuestion?.Choices is { } newChoices)
        {
            CompareChoices(path, oldChoices, newChoices);
        }

        CompareRules(old.Node, @new.Node, path);
        CompareTexts(path, old.Node.LabelText, @new.Node.LabelText, "label");
        CompareTexts(path, old.Node.HintText, @new.Node.HintText, "hint");
    }

    private void CompareChoices(string path, ChoiceList old, ChoiceList @new)
    {
        var oldValues = old.Choices.Select(c => c.Value).ToList();
        var newValues = @new.Choices.Select(c => c.Value).ToList();
        var added = newValues.Except(oldValues, StringComparer.Ordinal).ToList();
        var removed = oldValues.Except(newValues, StringComparer.Ordinal).ToList();
        if (added.Count > 0)
        {
            Add(path, "choices_added", $"`{path}` offers {Join(added)} as well.", ChangeImpact.Safe);
        }

        if (removed.Count > 0)
        {
            var mapped = _migration?.Steps.OfType<MapChoicesStep>().Where(m => m.Path.Path == path).SelectMany(m => m.Values.Select(v => v.Old)).ToHashSet(StringComparer.Ordinal) ?? [];
            var unmapped = removed.Where(v => !mapped.Contains(v)).ToList();
            Add(path, "choices_removed", unmapped.Count == 0
                ? $"`{path}` no longer offers {Join(removed)}; the migration from version {_old.Version} maps each to a new choice."
                : $"`{path}` no longer offers {Join(removed)}, and no migration step maps {Join(unmapped)} to a new choice (`map_choices`).", unmapped.Count == 0 ? ChangeImpact.Migration : ChangeImpact.Breaking, removed);
        }

        foreach (var choice in old.Choices)
        {
            if (@new.Find(choice.Value) is { } same)
            {
                CompareTexts($"{path}={choice.Value}", choice.LabelText, same.LabelText, "label");
            }
        }
    }

    private void CompareRules(FormNode old, FormNode @new, string path)
    {
        void Rule(string what, string? before, string? after)
        {
            if (!string.Equals(before?.Trim(), after?.Trim(), StringComparison.Ordinal))
            {
                Add(path, "rule_changed", $"`{path}`'s {what} was `{before ?? "(none)"}` and is now `{after ?? "(none)"}`.", ChangeImpact.Safe);
            }
        }

        Rule("show_if", old.ShowIf?.Source, @new.ShowIf?.Source);
        Rule("value", (old as Question)?.Value?.Source, (@new as Question)?.Value?.Source);
        Rule("validate", Validations(old), Validations(@new));
        if (old.Required.Always != @new.Required.Always || old.Required.When?.Source != @new.Required.When?.Source)
        {
            Add(path, "required_changed", $"`{path}` was {Required(old.Required)} and is now {Required(@new.Required)}.", ChangeImpact.Safe);
        }
    }

    private void CompareTexts(string path, LocalizedText? old, LocalizedText? @new, string what)
    {
        var language = _new.Definition.DefaultLanguage;
        var before = old?.Resolve(null, language) ?? string.Empty;
        var after = @new?.Resolve(null, language) ?? string.Empty;
        if (before == after)
        {
            return;
        }

        Add(path, "text_changed", $"The {what} of `{path}` was \"{before}\" and is now \"{after}\".", ChangeImpact.Safe);
        foreach (var other in _new.Definition.Languages.Where(l => l != language && old?.HasLanguage(l) == true && @new?.HasLanguage(l) == true))
        {
            if (old!.Resolve(null, other) == @new!.Resolve(null, other))
            {
                Add(path, "translation_stale", $"The {what} of `{path}` changed in {language} but its {other} wording did not: \"{@new.Resolve(null, other)}\" may no longer say the same.", ChangeImpact.Safe);
            }
        }
    }

    private bool HasStep(string path, Func<MigrationStep, bool> kind) =>
        _migration?.Steps.Any(s => kind(s) && s switch { SetStep set => set.Path.Path == path, MapChoicesStep map => map.Path.Path == path, _ => false }) == true;

    private static string? Validations(FormNode node) =>
        node.Validations.Count == 0 ? null : string.Join(" ; ", node.Validations.Select(v => v.Rule.Source.Trim()));

    private static string Required(Requirement requirement) =>
        requirement.Always ? "always required" : requirement.When is { } when ? $"required when `{when.Source}`" : "optional";

    private static string What(NodePlan plan) => plan.IsSection ? "The section" : plan.IsRepeat ? "The repeat group" : "The question";

    private static string Type(QuestionType type) => QuestionTypes.NameOf(type);

    private static string Join(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"`{v}`"));

    private void Add(string path, string kind, string detail, ChangeImpact impact, IReadOnlyList<string>? values = null) =>
        _changes.Add(new TemplateChange(path, kind, detail, impact) { Values = values ?? [] });
}
