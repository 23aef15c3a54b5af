using System.Text.Json.Nodes;
using FormEngine.Diagnostics;

namespace FormEngine.Versions;

/// <summary>The outcome of <see cref="TemplateCatalogue.Migrate"/>: the migrated answers, or why they could not be migrated.</summary>
/// <param name="Answers">The answers as the target version's, with its <c>$template</c> and anything no step carried in <c>$archived</c>; null on failure.</param>
/// <param name="Diagnostics">Why the answers could not be migrated, or warnings about them when they were.</param>
public sealed record MigrationResult(JsonObject? Answers, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when the answers were migrated (or were already at the version asked for).</summary>
    public bool Success => Answers is not null;
}
