using FormEngine.Diagnostics;

namespace FormEngine.Binding;

/// <summary>
/// Tells the author where a rule makes information that is not marked confidential depend on information
/// that is, so it will be withheld from some readers: "`public.gated` will be withheld from parent and child,
/// because its show_if reads `police.has_record`". Warnings, not errors: withholding is the safe outcome,
/// but an author who did not mean it should learn it from <c>validate</c>, not from a family.
/// </summary>
internal static class WithholdingWarnings
{
    public static void Report(BoundTemplate bound, IEnumerable<AudienceWithholding> audiences, DiagnosticBag diagnostics)
    {
        var named = audiences.Where(a => a.Audience is not null).ToList();
        var nodes = named
            .SelectMany(a => a.Unmarked().Select(n => (Audience: a.Audience!, n.Plan, n.Reason)))
            // One warning per node and outcome: a parent may lose only the answer where a child loses the whole question.
            .GroupBy(n => (n.Plan, n.Reason.Kind))
            .OrderBy(g => g.Key.Plan.Index);
        foreach (var group in nodes)
        {
            var reason = group.First().Reason;
            var readers = Join(group.Select(n => n.Audience));
            var outcome = reason.Kind switch
            {
                WithholdingKind.Presence => $"{readers} will not see it at all",
                WithholdingKind.Checks => $"its messages will not be shown to {readers}",
                _ => $"{readers} will see a placeholder instead of its answer, requiredness and messages",
            };
            diagnostics.Report(
                DiagnosticCatalogue.DependsOnWithheld,
                reason.At ?? group.Key.Plan.Node.Location,
                $"`{group.Key.Plan.Path}` will be withheld from {readers}, because its {reason.Role} reads `{reason.Source!.Path}`, which they may not see: {outcome}.",
                "If they should see it, make the rule read only what they may see; if not, mark it with the same `sensitivity:` so the template says so.");
        }

        var flags = named
            .SelectMany(a => a.WithheldFlags(bound.Flags).Select(f => (Audience: a.Audience!, f.Flag, f.Source)))
            .GroupBy(f => f.Flag)
            .OrderBy(g => g.Key.Index);
        foreach (var group in flags)
        {
            diagnostics.Report(
                DiagnosticCatalogue.DependsOnWithheld,
                group.Key.Flag.When.Location,
                $"Flag `{group.Key.Flag.Id}` will never be raised for {Join(group.Select(f => f.Audience))}, because its rule reads `{group.First().Source.Path}`, which they may not see.",
                "If they should see it, make the rule read only what they may see.");
        }
    }

    private static string Join(IEnumerable<string> audiences)
    {
        var list = audiences.Distinct().ToList();
        return list.Count == 1 ? list[0] : $"{string.Join(", ", list.Take(list.Count - 1))} and {list[^1]}";
    }
}
