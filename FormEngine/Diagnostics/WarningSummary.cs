namespace FormEngine.Diagnostics;

/// <summary>How many warnings to show: every one, repeated ones summarised, or only those that always matter.</summary>
internal enum WarningDisplay
{
    /// <summary>Every warning, one line each.</summary>
    All,

    /// <summary>Repeated warnings of one kind in one part of the template counted on one line, with their first positions.</summary>
    Summary,

    /// <summary>No warnings, except those that are always shown.</summary>
    None,
}

/// <summary>The diagnostics to show, and how many warnings were left out of them altogether.</summary>
/// <param name="Shown">Errors and warnings to print, in the order given; a summary stands where its first warning was.</param>
/// <param name="Hidden">Warnings not shown at all (with <see cref="WarningDisplay.None"/>).</param>
internal sealed record ShownDiagnostics(IReadOnlyList<Diagnostic> Shown, int Hidden);

/// <summary>
/// Keeps the one warning that matters from drowning among many of one kind: declaring a second language
/// gives a missing-translation warning for every text not yet translated, which a summary per section and
/// language says in one line. Warnings that mean the template does not do what was written (a rule that
/// can never hold, a question withheld from its readers) are never summarised or hidden.
/// </summary>
internal static class WarningSummary
{
    /// <summary>A group of more warnings than this is summarised; a handful reads better in full.</summary>
    public const int SummariseAbove = 3;

    /// <summary>How many positions a summary lists.</summary>
    public const int PositionsListed = 3;

    /// <param name="diagnostics">The diagnostics, in the order they are to be shown.</param>
    /// <param name="display">The warnings setting.</param>
    /// <param name="listAll">Tells the reader how to see every warning, e.g. "Run with `--warnings all` to list each one."</param>
    public static ShownDiagnostics Apply(IReadOnlyList<Diagnostic> diagnostics, WarningDisplay display, string listAll)
    {
        switch (display)
        {
            case WarningDisplay.All:
                return new ShownDiagnostics(diagnostics, 0);
            case WarningDisplay.None:
                var kept = diagnostics.Where(d => d.IsError || DiagnosticCatalogue.IsAlwaysShown(d)).ToList();
                return new ShownDiagnostics(kept, diagnostics.Count - kept.Count);
        }

        var groups = diagnostics
            .Where(d => !d.IsError && d.Group is not null && !DiagnosticCatalogue.IsAlwaysShown(d))
            .GroupBy(d => (d.Code, d.File, d.Group))
            .Where(g => g.Count() > SummariseAbove)
            .ToDictionary(g => g.First(), g => g.ToList());
        var summarised = groups.Values.SelectMany(g => g).ToHashSet(ReferenceEqualityComparer.Instance);
        var shown = new List<Diagnostic>();
        foreach (var diagnostic in diagnostics)
        {
            if (groups.TryGetValue(diagnostic, out var group))
            {
                shown.Add(Summarise(group, listAll));
            }
            else if (!summarised.Contains(diagnostic))
            {
                shown.Add(diagnostic);
            }
        }

        return new ShownDiagnostics(shown, 0);
    }

    // At the first warning's position, so an editor that jumps to it lands on one to fix.
    private static Diagnostic Summarise(List<Diagnostic> group, string listAll)
    {
        var first = group[0];
        var info = first.Group!;
        var positions = string.Join(", ", group.Take(PositionsListed).Select(d => $"{d.Line}:{d.Column}"));
        var more = group.Count > PositionsListed ? $" and {group.Count - PositionsListed} more" : string.Empty;
        var consequence = info.Consequence is null ? string.Empty : $"; {info.Consequence}";
        return first with
        {
            Message = $"{group.Count} texts in {info.Part} have {info.What}{consequence}. They are at {positions}{more}.",
            Suggestion = $"{first.Suggestion} {listAll}".Trim(),
        };
    }
}
