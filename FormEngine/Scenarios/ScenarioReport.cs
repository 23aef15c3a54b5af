using System.Text;
using FormEngine.Diagnostics;

namespace FormEngine.Scenarios;

/// <summary>An expectation that did not hold, or a problem that stopped a scenario running.</summary>
/// <param name="Location">Where the expectation (or the problem) is written.</param>
/// <param name="Scenario">The scenario's name; empty for problems with the file itself.</param>
/// <param name="Message">What was expected and what happened.</param>
/// <param name="Trace">How the rule that disagreed was evaluated, or null.</param>
public sealed record ScenarioFailure(SourceLocation Location, string Scenario, string Message, string? Trace)
{
    /// <summary>The failure as <c>FILE:LINE:COL: scenario 'name': message</c>, followed by the trace.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = Scenario.Length > 0 ? $"{Location}: scenario '{Scenario}': {Message}" : $"{Location}: {Message}";
        return Trace is null ? text : text + "\n" + string.Join("\n", Trace.TrimEnd().Split('\n').Select(line => "    " + line));
    }
}

/// <summary>Whether a rule was seen both true and false across the scenarios.</summary>
/// <param name="Path">The section or question the rule belongs to.</param>
/// <param name="Kind"><c>show_if</c> or <c>required</c>.</param>
/// <param name="Rule">The rule as written.</param>
/// <param name="Location">Where the rule is written.</param>
/// <param name="SeenTrue">True when some scenario made it true.</param>
/// <param name="SeenFalse">True when some scenario made it false.</param>
public sealed record RuleCoverage(string Path, string Kind, string Rule, SourceLocation Location, bool SeenTrue, bool SeenFalse)
{
    /// <summary>Seen both ways.</summary>
    public bool Covered => SeenTrue && SeenFalse;
}

/// <summary>The outcome of running scenario files.</summary>
public sealed record ScenarioReport
{
    /// <summary>Scenarios run.</summary>
    public required int ScenarioCount { get; init; }

    /// <summary>Expectations checked.</summary>
    public required int ExpectationCount { get; init; }

    /// <summary>Everything that did not hold, in file order.</summary>
    public required IReadOnlyList<ScenarioFailure> Failures { get; init; }

    /// <summary>Coverage of every show_if and required rule of the templates tested.</summary>
    public required IReadOnlyList<RuleCoverage> Coverage { get; init; }

    /// <summary>True when every expectation held.</summary>
    public bool Passed => Failures.Count == 0;

    /// <summary>Throws an exception listing every failure, for use from a .NET test suite.</summary>
    /// <exception cref="ScenarioFailedException">Some expectation did not hold.</exception>
    public void ThrowIfFailed()
    {
        if (!Passed)
        {
            throw new ScenarioFailedException(this);
        }
    }

    /// <summary>A readable report: failures, then a coverage summary naming the rules not seen both ways.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var failure in Failures)
        {
            text.Append(failure).Append('\n');
        }

        text.Append($"{ScenarioCount} scenario{(ScenarioCount == 1 ? string.Empty : "s")}, {ExpectationCount} expectation{(ExpectationCount == 1 ? string.Empty : "s")}, {Failures.Count} failure{(Failures.Count == 1 ? string.Empty : "s")}.\n");
        var covered = Coverage.Count(c => c.Covered);
        text.Append($"Rule coverage: {covered} of {Coverage.Count} show_if and required rules seen both true and false.\n");
        foreach (var rule in Coverage.Where(c => !c.Covered))
        {
            var never = rule is { SeenTrue: false, SeenFalse: false } ? "never evaluated" : rule.SeenTrue ? "never false" : "never true";
            text.Append($"  {rule.Location}: {rule.Kind} of {rule.Path} ({rule.Rule}) was {never}.\n");
        }

        return text.ToString();
    }
}

/// <summary>Thrown by <see cref="ScenarioReport.ThrowIfFailed"/>; its message lists every failure.</summary>
public sealed class ScenarioFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="report">The report with failures.</param>
    public ScenarioFailedException(ScenarioReport report)
        : base("Template scenarios failed:\n" + string.Join("\n", report.Failures))
    {
        Report = report;
    }

    /// <summary>The whole report.</summary>
    public ScenarioReport Report { get; }
}
