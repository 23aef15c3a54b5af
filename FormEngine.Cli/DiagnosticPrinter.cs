using FormEngine.Diagnostics;

namespace FormEngine.Cli;

/// <summary>Prints diagnostics as every command does, honouring <c>--warnings all|summary|none</c> (default <c>summary</c>).</summary>
internal static class DiagnosticPrinter
{
    private const string ListAll = "Run with `--warnings all` to list each one.";

    public static WarningDisplay ReadWarnings(Arguments arguments) => arguments.Option("warnings") switch
    {
        null or "summary" => WarningDisplay.Summary,
        "all" => WarningDisplay.All,
        "none" => WarningDisplay.None,
        var other => throw new UsageException($"--warnings must be `all`, `summary` or `none`, not `{other}`."),
    };

    /// <summary>Prints the diagnostics one a line; with <c>--warnings none</c>, ends with how many were not shown.</summary>
    public static void Print(IReadOnlyList<Diagnostic> diagnostics, TextWriter writer, WarningDisplay display)
    {
        var shown = WarningSummary.Apply(diagnostics, display, ListAll);
        foreach (var diagnostic in shown.Shown)
        {
            writer.WriteLine(diagnostic);
        }

        if (shown.Hidden > 0)
        {
            writer.WriteLine($"{shown.Hidden} warning{(shown.Hidden == 1 ? string.Empty : "s")} not shown. Run with `--warnings all` to list {(shown.Hidden == 1 ? "it" : "them")}.");
        }
    }
}
