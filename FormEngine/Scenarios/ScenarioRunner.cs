using System.Text;
using FormEngine.Binding;
using FormEngine.Diagnostics;
using FormEngine.Evaluation;
using FormEngine.Files;
using FormEngine.Views;

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
                var session = FormSession.Open(template, scenario.Answers, new SessionOptions { Today = scenario.Today, PreviousAnswers = scenario.Previous });
                failures.AddRange(scenario.Expectations.Select(e => Check(session, scenario, e, options)).OfType<ScenarioFailure>());
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

    private static ScenarioFailure? Check(FormSession session, Scenario scenario, Expectation expectation, ScenarioOptions options)
    {
        ScenarioFailure Fail(string message, string? trace = null) => new(expectation.Location, scenario.Name, message, trace);

        switch (expectation.Kind)
        {
            case ExpectationKind.Flag or ExpectationKind.NoFlag:
                var explanation = SessionExplainer.ExplainFlag(session.State, expectation.Path);
                if (explanation is null)
                {
                    return Fail($"The template has no flag `{expectation.Path}`.");
                }

                var wanted = expectation.Kind == ExpectationKind.Flag;
                return explanation.IsTrue == wanted ? null
                    : Fail(wanted
                        ? $"expected flag `{expectation.Path}` to be raised, but it is not raised."
                        : $"expected flag `{expectation.Path}` not to be raised, but it is raised.", explanation.ToString());
            case ExpectationKind.NoErrors:
                var errors = session.Evaluate().Errors;
                return errors.Count == 0 ? null : Fail($"expected no errors, but found {errors.Count}: {string.Join("; ", errors.Select(e => $"{e.Path}: {e.Message}"))}");
            case ExpectationKind.Approved:
                return CheckApproved(session, expectation, options, Fail);
        }

        PathExplanation why;
        try
        {
            why = session.Explain(expectation.Path);
        }
        catch (ArgumentException ex)
        {
            return Fail(ex.Message.Split(" (Parameter", StringSplitOptions.None)[0]);
        }

        var result = session.Evaluate();
        switch (expectation.Kind)
        {
            case ExpectationKind.Visible when !why.Visible:
                return Fail($"expected {expectation.Path} to be shown, but it is hidden.", why.ToString());
            case ExpectationKind.Hidden when why.Visible:
                return Fail($"expected {expectation.Path} to be hidden, but it is shown.", why.ToString());
            case ExpectationKind.Required when !why.Required:
                return Fail($"expected {expectation.Path} to be required, but it is not.", why.ToString());
            case ExpectationKind.NotRequired when why.Required:
                return Fail($"expected {expectation.Path} not to be required, but it is.", why.ToString());
            case ExpectationKind.Missing when !result.Missing.Contains(expectation.Path):
                return Fail($"expected {expectation.Path} to be required and unanswered, but it is {(why.Required ? "answered" : "not required")}.", why.ToString());
            case ExpectationKind.Error:
                var messages = result.Errors.Where(e => e.Path == expectation.Path).Select(e => e.Message).ToList();
                if (messages.Count == 0)
                {
                    return Fail($"expected an error on {expectation.Path}, but it has none.", why.ToString());
                }

                return expectation.Expected is { } message && !messages.Contains(message)
                    ? Fail($"expected the error \"{message}\" on {expectation.Path}, but found: {string.Join("; ", messages.Select(m => $"\"{m}\""))}.")
                    : null;
            case ExpectationKind.Value:
                var actual = FormatValue(session.GetValue(expectation.Path));
                return actual == expectation.Expected ? null
                    : Fail($"expected {expectation.Path} to be {Quote(expectation.Expected)}, but it is {Quote(actual)}.", why.ToString());
            default:
                return null;
        }
    }

    private static ScenarioFailure? CheckApproved(FormSession session, Expectation expectation, ScenarioOptions options, Func<string, string?, ScenarioFailure> fail)
    {
        if (options.RenderForApproval is not { } render)
        {
            return fail("this scenario compares a rendering with an approved file, but no renderer was given to the scenario runner.", null);
        }

        var actual = render(session, Path.GetExtension(expectation.Path));
        var path = expectation.Path;
        if (options.UpdateApproved)
        {
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            return null;
        }

        var read = InputFiles.ReadText(path, expectation.Expected ?? path, AnswersDocument.MaxBytes, "approved file");
        if (read.Problem == InputFileProblem.NotFound)
        {
            return fail($"the approved file `{expectation.Expected}` does not exist. Run with the option to update approved files after checking the output.", null);
        }

        if (read.Text is not { } approved)
        {
            return fail(read.Message, read.Suggestion);
        }

        if (approved == actual)
        {
            return null;
        }

        var expectedLines = approved.Split('\n');
        var actualLines = actual.Split('\n');
        var line = Enumerable.Range(0, Math.Max(expectedLines.Length, actualLines.Length))
            .First(i => i >= expectedLines.Length || i >= actualLines.Length || expectedLines[i] != actualLines[i]);
        string At(string[] lines) => line < lines.Length ? lines[line] : "<end>";
        return fail($"the rendering differs from `{expectation.Expected}` at line {line + 1}.", $"- {At(expectedLines)}\n+ {At(actualLines)}");
    }

    private static string FormatValue(Rules.RuleValue value) =>
        value.Kind == Rules.RuleTypeKind.List
            ? string.Join(", ", value.AsList.Select(AnswerFormatter.FormatForInput))
            : AnswerFormatter.FormatForInput(value);

    private static string Quote(string? text) => string.IsNullOrEmpty(text) ? "empty" : $"`{text}`";

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
