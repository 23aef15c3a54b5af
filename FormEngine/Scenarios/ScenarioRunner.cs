using System.Text.Json.Nodes;
using FormEngine.Binding;
using FormEngine.Diagnostics;
using FormEngine.Evaluation;

namespace FormEngine.Scenarios;

/// <summary>
/// Runs template scenarios: opens a session per scenario, checks every expectation, explains the rule
/// behind each failure, and records which show_if and required rules were seen true and false.
/// Use it from a .NET test suite with one call: <c>ScenarioRunner.Run("templates").ThrowIfFailed();</c>.
/// </summary>
public static class ScenarioRunner
{
    /// <summary>The file name ending that marks scenario files.</summary>
    public const string FileSuffix = ".scenarios.yaml";

    /// <summary>Runs a scenario file, or every <c>*.scenarios.yaml</c> under a folder.</summary>
    /// <param name="path">A scenario file or a folder.</param>
    /// <param name="options">Settings; defaults when null.</param>
    /// <returns>The report.</returns>
    public static ScenarioReport Run(string path, ScenarioOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= new ScenarioOptions();
        var files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*" + FileSuffix, SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [path];
        var failures = new List<ScenarioFailure>();
        var coverage = new Dictionary<(string Template, int Plan, string Kind), CoverageCounter>();
        var scenarioCount = 0;
        var expectationCount = 0;

        if (files.Count == 0)
        {
            failures.Add(new ScenarioFailure(SourceLocation.FileOnly(path), string.Empty, $"No scenario files (*{FileSuffix}) found.", null));
        }

        foreach (var file in files)
        {
            var diagnostics = new DiagnosticBag();
            var scenarios = ScenarioReader.Read(file, diagnostics);
            failures.AddRange(diagnostics.Sorted().Select(d => new ScenarioFailure(new SourceLocation(d.File, d.Line, d.Column, d.Length), string.Empty, $"{d.Code}: {d.Message}{(d.Suggestion is null ? string.Empty : " " + d.Suggestion)}", null)));
            if (scenarios is null || diagnostics.HasErrors)
            {
                continue;
            }

            var loaded = FormTemplate.Load(scenarios.TemplatePath, options.LoadOptions);
            if (!loaded.Success)
            {
                failures.AddRange(loaded.Diagnostics.Where(d => d.IsError).Select(d => new ScenarioFailure(new SourceLocation(d.File, d.Line, d.Column, d.Length), string.Empty, $"{d.Code}: {d.Message}", null)));
                continue;
            }

            var template = loaded.Template!;
            foreach (var scenario in scenarios.Scenarios)
            {
                scenarioCount++;
                expectationCount += scenario.Expectations.Count;
                if (Versions.AnswersProvenance.Refusal(template, scenario.Answers) is { } refusal)
                {
                    failures.Add(new ScenarioFailure(scenario.Location, scenario.Name, refusal, null));
                    continue;
                }

                var (previous, previousProblems) = PreviousAnswers(template, scenario);
                var session = FormSession.Open(template, scenario.Answers, new FormSessionOptions { Today = scenario.Today, PreviousAnswers = previous });
                var problems = previousProblems
                    .Concat(Unrecognised(session, scenario, scenario.AnswersLocation, "answers"))
                    .Concat(ApplyChanges(session, scenario, scenario.Changes))
                    .Concat(ExpectationChecker.CheckReader(template, scenario))
                    .ToList();
                if (problems.Count > 0)
                {
                    // Checked against other answers, or another reader, than written, every expectation would mislead.
                    failures.AddRange(problems);
                    continue;
                }

                var checker = new ExpectationChecker(session, scenario, options);
                failures.AddRange(scenario.Expectations.Select(checker.Check).OfType<ScenarioFailure>());
                RecordCoverage(session.State, scenarios.TemplatePath, coverage);
            }
        }

        return new ScenarioReport
        {
            ScenarioCount = scenarioCount,
            ExpectationCount = expectationCount,
            Failures = failures,
            Coverage = [.. coverage.OrderBy(c => c.Key.Template, StringComparer.Ordinal).ThenBy(c => c.Key.Plan).ThenBy(c => c.Key.Kind, StringComparer.Ordinal).Select(c => c.Value.ToCoverage())],
        };
    }

    /// <summary>
    /// The previous assessment's answers with their <c>set:</c> changes applied the same way as the case's own,
    /// through a session of the template, so both are read and reported alike.
    /// </summary>
    private static (JsonObject? Answers, List<ScenarioFailure> Problems) PreviousAnswers(FormTemplate template, Scenario scenario)
    {
        if (scenario.Previous is null)
        {
            return (null, []);
        }

        var previous = FormSession.Open(template, scenario.Previous, new FormSessionOptions { Today = scenario.Today });
        var problems = Unrecognised(previous, scenario, scenario.PreviousLocation, "previous answers").Concat(ApplyChanges(previous, scenario, scenario.PreviousChanges)).ToList();
        return (previous.ToJson(), problems);
    }

    /// <summary>
    /// An answer the template has no question for is kept by a session, but in a scenario it is almost always a
    /// misspelt path, and the scenario would silently test something else: it fails, naming the path.
    /// </summary>
    private static IEnumerable<ScenarioFailure> Unrecognised(FormSession session, Scenario scenario, SourceLocation? at, string whose) =>
        session.Unrecognised.Select(issue => new ScenarioFailure(at ?? scenario.Location, scenario.Name, $"the {whose} name `{issue.Path}`, which the template does not have: {issue.Message}", null));

    /// <summary>Applies <c>set:</c> changes through the session, so a path the template lacks is reported where it is written.</summary>
    private static IEnumerable<ScenarioFailure> ApplyChanges(FormSession session, Scenario scenario, IReadOnlyList<AnswerChange> changes)
    {
        var failures = new List<ScenarioFailure>();
        foreach (var change in changes)
        {
            try
            {
                session.Set(change.Path, change.Value?.DeepClone());
            }
            catch (ArgumentException ex)
            {
                failures.Add(new ScenarioFailure(change.Location, scenario.Name, "cannot set this answer: " + ex.Message.Split(" (Parameter", StringSplitOptions.None)[0], null));
            }
        }

        return failures;
    }

    private static void RecordCoverage(SessionReadModel session, string templatePath, Dictionary<(string, int, string), CoverageCounter> coverage)
    {
        var one = new int[1];
        foreach (var plan in session.Plans)
        {
            foreach (var item in session.Instances(plan))
            {
                one[0] = item;
                ReadOnlySpan<int> index = item < 0 ? [] : one;

                var parentVisible = plan.Parent is null || session.SlotAt(plan.Parent, plan.Parent.Repeat is null ? -1 : item).Visible;
                if (plan.ShowIf is { } showIf && parentVisible)
                {
                    Counter(coverage, templatePath, plan, "show_if", plan.Node.ShowIf!).See(showIf.IsTrue(session.RuleData, session.Today, index));
                }

                if (plan.RequiredWhen is { } required && session.SlotAt(plan, item).Visible)
                {
                    Counter(coverage, templatePath, plan, "required", plan.Node.Required.When!).See(required.IsTrue(session.RuleData, session.Today, index));
                }
            }

            // Rules that were never reached still appear in the report, as never evaluated.
            if (plan.ShowIf is not null)
            {
                Counter(coverage, templatePath, plan, "show_if", plan.Node.ShowIf!);
            }

            if (plan.RequiredWhen is not null)
            {
                Counter(coverage, templatePath, plan, "required", plan.Node.Required.When!);
            }
        }
    }

    private static CoverageCounter Counter(Dictionary<(string, int, string), CoverageCounter> coverage, string template, NodePlan plan, string kind, Templates.RuleText rule)
    {
        var key = (template, plan.Index, kind);
        if (!coverage.TryGetValue(key, out var counter))
        {
            counter = new CoverageCounter(plan.Path, kind, rule);
            coverage[key] = counter;
        }

        return counter;
    }

    private sealed class CoverageCounter(string path, string kind, Templates.RuleText rule)
    {
        private bool _true;
        private bool _false;

        public void See(bool value)
        {
            _true |= value;
            _false |= !value;
        }

        public RuleCoverage ToCoverage() => new(path, kind, rule.Source, rule.Location, _true, _false);
    }
}
