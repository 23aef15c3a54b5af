using FormEngine.Diagnostics;

namespace FormEngine.Templates;

/// <summary>
/// A template's <c>migrations:</c> entry: how answers made with version <see cref="From"/> become answers of the
/// version that declares it. Versions chain: version 3 declares <c>from: 2</c>, version 2 declares <c>from: 1</c>.
/// </summary>
/// <param name="From">The version whose answers the steps apply to.</param>
/// <param name="FromLocation">Where <c>from:</c> is written.</param>
/// <param name="Steps">The steps, applied in the order written.</param>
internal sealed record Migration(int From, SourceLocation FromLocation, IReadOnlyList<MigrationStep> Steps);

/// <summary>A path as a migration step writes it (<c>child.name</c>, or <c>household.members.age</c> for every item's field), and where.</summary>
internal sealed record StepPath(string Path, SourceLocation Location)
{
    /// <inheritdoc/>
    public override string ToString() => Path;
}

/// <summary>One step of a migration.</summary>
/// <param name="Location">Where the step is written.</param>
internal abstract record MigrationStep(SourceLocation Location);

/// <summary><c>rename: { from: OLD, to: NEW }</c>: the old question's answers become the new question's (also how a question moves to another section).</summary>
internal sealed record RenameStep(StepPath From, StepPath To, SourceLocation Location) : MigrationStep(Location);

/// <summary><c>map_choices: { path: NEW, values: { old: new } }</c>: old choice values replaced by new ones.</summary>
internal sealed record MapChoicesStep(StepPath Path, IReadOnlyList<(string Old, string New, SourceLocation Location)> Values, SourceLocation Location) : MigrationStep(Location);

/// <summary><c>set: { path: NEW, value: RULE }</c>: the new question's answer computed by a rule over the old answers.</summary>
internal sealed record SetStep(StepPath Path, RuleText Value, SourceLocation Location) : MigrationStep(Location);

/// <summary><c>drop: { path: OLD }</c>: the old question's answers are archived, never destroyed.</summary>
internal sealed record DropStep(StepPath Path, SourceLocation Location) : MigrationStep(Location);
