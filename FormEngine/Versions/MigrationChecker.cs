using FormEngine.Binding;
using FormEngine.Diagnostics;
using FormEngine.Rules;
using FormEngine.Templates;

namespace FormEngine.Versions;

/// <summary>
/// Checks a template's <c>migrations:</c> when it loads, like any other part of it: every path against this
/// version's questions and, when the catalogue holds the version a migration starts from, against that
/// version's questions too; every <c>set</c> rule compiled against the old questions. Paths in
/// <c>rename: from</c> and <c>drop</c> are the old version's; <c>rename: to</c>, <c>map_choices</c> and
/// <c>set</c> name this version's questions.
/// </summary>
internal sealed class MigrationChecker(BoundTemplate bound, TemplateLoadOptions options, DiagnosticBag diagnostics)
{
    private readonly Dictionary<string, NodePlan> _new = Questions(bound);

    public static void Check(BoundTemplate bound, TemplateLoadOptions options, DiagnosticBag diagnostics) =>
        new MigrationChecker(bound, options, diagnostics).Check();

    /// <summary>Every question and repeat group of a template by path (<c>household.members.age</c> for a field).</summary>
    public static Dictionary<string, NodePlan> Questions(BoundTemplate template)
    {
        // A template with two questions at one path is already an error (FET0010); the first is the one checked against.
        var questions = new Dictionary<string, NodePlan>(StringComparer.Ordinal);
        foreach (var plan in template.Plans.Where(p => !p.IsSection))
        {
            questions.TryAdd(plan.Path, plan);
        }

        return questions;
    }

    private void Check()
    {
        var definition = bound.Definition;
        var seen = new HashSet<int>();
        foreach (var migration in definition.Migrations)
        {
            if (migration.From >= definition.Version)
            {
                diagnostics.Report(DiagnosticCatalogue.BadMigrationChain, migration.FromLocation, $"This is version {definition.Version}, so a migration into it starts from an earlier version, not {migration.From}; migrations only ever go forward.", $"Write the version the answers were made with, e.g. `from: {Math.Max(1, definition.Version - 1)}`.");
                continue;
            }

            if (!seen.Add(migration.From))
            {
                diagnostics.Report(DiagnosticCatalogue.BadMigrationChain, migration.FromLocation, $"There are two migrations from version {migration.From}; answers could only follow one.", "Put all the steps from that version under one `from:`.");
                continue;
            }

            var old = OldVersion(migration);
            foreach (var step in migration.Steps)
            {
                CheckStep(step, migration, old);
            }
        }
    }

    private BoundTemplate? OldVersion(Migration migration)
    {
        if (options.Catalogue is not { } catalogue)
        {
            return null;
        }

        var id = bound.Definition.Id;
        var published = catalogue.Versions(id);
        if (published.Count == 0)
        {
            // The first version to be published: there is nothing earlier to check against.
            return null;
        }

        if (!published.Contains(migration.From))
        {
            diagnostics.Report(DiagnosticCatalogue.BadMigrationChain, migration.FromLocation, $"Version {migration.From} of `{id}` was never published (the catalogue has {string.Join(", ", published)}), so no answers can have been made with it.", $"Start from a published version, e.g. `from: {published.Where(v => v < bound.Definition.Version).DefaultIfEmpty(published[^1]).Max()}`.");
            return null;
        }

        var loaded = catalogue.Load(id, migration.From);
        if (loaded.Template is null)
        {
            diagnostics.Report(DiagnosticCatalogue.BadMigrationChain, migration.FromLocation, $"Version {migration.From} of `{id}` cannot be read from the catalogue ({loaded.Diagnostics.FirstOrDefault(d => d.IsError)?.Message}), so these steps cannot be checked against it.", "Restore the catalogue from your backup.");
            return null;
        }

        return loaded.Template.Bound;
    }

    private void CheckStep(MigrationStep step, Migration migration, BoundTemplate? old)
    {
        var oldQuestions = old is null ? null : Questions(old);
        switch (step)
        {
            case RenameStep rename:
                if (NewQuestion(rename.To, "rename answers to") is null)
                {
                    return;
                }

                if (rename.From.Path == rename.To.Path)
                {
                    Report(rename.From, "A rename from a question to itself does nothing.", "Remove the step, or name the old question in `from`.");
                }
                else if (oldQuestions is not null)
                {
                    if (OldQuestion(rename.From, oldQuestions, migration) is { } from && oldQuestions.TryGetValue(rename.To.Path, out var existing) && !Removed(migration, existing.Path))
                    {
                        Report(rename.To, $"`{rename.To.Path}` was already a question in version {migration.From}, with answers of its own; renaming `{from.Path}` onto it would mix the two.", "Rename to a new question, or `drop` or rename the existing one first.");
                    }
                }
                else if (_new.ContainsKey(rename.From.Path))
                {
                    Report(rename.From, $"`{rename.From.Path}` is still a question in this version, so its answers stay where they are; a rename moves answers from a question that no longer exists.", "Name the old question's path in `from`.");
                }

                break;
            case DropStep drop:
                if (_new.ContainsKey(drop.Path.Path))
                {
                    Report(drop.Path, $"`{drop.Path.Path}` is still a question in this version; `drop` archives answers to a question that was removed.", "Name a question the earlier version had and this one does not.");
                }
                else if (oldQuestions is not null)
                {
                    OldQuestion(drop.Path, oldQuestions, migration);
                }

                break;
            case MapChoicesStep map:
                CheckMap(map, migration, oldQuestions);
                break;
            case SetStep set:
                CheckSet(set, migration, old);
                break;
        }
    }

    private void CheckMap(MapChoicesStep map, Migration migration, Dictionary<string, NodePlan>? oldQuestions)
    {
        if (NewQuestion(map.Path, "map choices of") is not { } plan)
        {
            return;
        }

        if (plan.Question?.Choices is not { } choices)
        {
            Report(map.Path, $"`{map.Path.Path}` is a {plan.Question?.Type.ToString().ToLowerInvariant()} question, not a choice, so it has no choices to map.", "Name a choice or multichoice question.");
            return;
        }

        var values = choices.Choices.Select(c => c.Value).ToList();
        foreach (var (_, newValue, at) in map.Values.Where(v => choices.Find(v.New) is null))
        {
            diagnostics.Report(DiagnosticCatalogue.BadMigrationStep, at, $"`{map.Path.Path}` has no choice `{newValue}` in this version (its choices are {string.Join(", ", values.Take(12))}{(values.Count > 12 ? ", ..." : string.Empty)}).", NameSuggester.DidYouMean(newValue, values) ?? "Map each old value to one of the new list's values.");
        }

        var oldPath = OldPathOf(map.Path.Path, migration);
        if (oldQuestions is not null && oldQuestions.TryGetValue(oldPath, out var oldPlan) && oldPlan.Question?.Choices is { } oldChoices)
        {
            var oldValues = oldChoices.Choices.Select(c => c.Value).ToList();
            foreach (var (oldValue, _, at) in map.Values.Where(v => oldChoices.Find(v.Old) is null))
            {
                diagnostics.Report(DiagnosticCatalogue.BadMigrationStep, at, $"`{oldPath}` had no choice `{oldValue}` in version {migration.From} (its choices were {string.Join(", ", oldValues.Take(12))}{(oldValues.Count > 12 ? ", ..." : string.Empty)}).", NameSuggester.DidYouMean(oldValue, oldValues));
            }
        }
    }

    private void CheckSet(SetStep set, Migration migration, BoundTemplate? old)
    {
        if (NewQuestion(set.Path, "set") is not { } plan)
        {
            return;
        }

        if (plan.Question is not { TakesAnswer: true } question)
        {
            Report(set.Path, $"`{set.Path.Path}` takes no answer (it is a {plan.Question?.Type.ToString().ToLowerInvariant()}), so there is nothing to set.", "Name a question a practitioner answers.");
            return;
        }

        var compileOptions = new RuleCompileOptions { ExpectedType = ExpectedType(question.Type), MaxLength = options.MaxRuleLength };
        IReadOnlyList<RuleDiagnostic> problems;
        if (old is null)
        {
            // Without the old version, only the rule's syntax can be checked; the catalogue checks the rest.
            problems = Rule.Parse(set.Value.Source, compileOptions).Diagnostics;
        }
        else
        {
            var group = plan.Repeat is null ? null : Questions(old).GetValueOrDefault(OldPathOf(plan.Repeat.Path, migration));
            problems = Rule.TryCompile(set.Value.Source, old.Symbols, compileOptions with { Scope = group?.Symbol }).Diagnostics;
        }

        foreach (var problem in problems)
        {
            var at = set.Value.LocationOf(problem.Offset, problem.Length);
            var severity = problem.Severity == RuleSeverity.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
            var message = old is null ? problem.Message : $"{problem.Message} (this rule reads the answers of version {migration.From})";
            diagnostics.Add(new Diagnostic(problem.Code, severity, message, at.File, at.Line, at.Column, at.Length, problem.Suggestion));
        }
    }

    /// <summary>The rule type a question's answer has.</summary>
    public static RuleType ExpectedType(QuestionType type) => type switch
    {
        QuestionType.Number => RuleType.Number,
        QuestionType.Date => RuleType.Date,
        QuestionType.Boolean => RuleType.Boolean,
        QuestionType.MultiChoice => RuleType.ListOf(RuleType.Text),
        _ => RuleType.Text,
    };

    /// <summary>The path a question of the new version had in the old one: the <c>from</c> of a rename onto it or onto its group, or its own.</summary>
    public static string OldPathOf(string newPath, Migration migration)
    {
        foreach (var rename in migration.Steps.OfType<RenameStep>())
        {
            if (rename.To.Path == newPath)
            {
                return rename.From.Path;
            }

            if (newPath.StartsWith(rename.To.Path + ".", StringComparison.Ordinal))
            {
                return rename.From.Path + newPath[rename.To.Path.Length..];
            }
        }

        return newPath;
    }

    private static bool Removed(Migration migration, string oldPath) =>
        migration.Steps.Any(s => s is DropStep d && d.Path.Path == oldPath || s is RenameStep r && r.From.Path == oldPath);

    private NodePlan? NewQuestion(StepPath path, string doing)
    {
        if (_new.TryGetValue(path.Path, out var plan))
        {
            return plan;
        }

        Report(path, $"This version has no question `{path.Path}` to {doing}.", NameSuggester.DidYouMean(path.Path, _new.Keys) ?? "Paths are `section.question`, or `section.group.question` for every item of a repeat group.");
        return null;
    }

    private NodePlan? OldQuestion(StepPath path, Dictionary<string, NodePlan> oldQuestions, Migration migration)
    {
        if (oldQuestions.TryGetValue(path.Path, out var plan))
        {
            return plan;
        }

        Report(path, $"Version {migration.From} had no question `{path.Path}`.", NameSuggester.DidYouMean(path.Path, oldQuestions.Keys) ?? $"Name a question of version {migration.From}.");
        return null;
    }

    private void Report(StepPath at, string message, string? suggestion) =>
        diagnostics.Report(DiagnosticCatalogue.BadMigrationStep, at.Location, message, suggestion);
}
