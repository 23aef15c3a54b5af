using FormEngine.Cli;
using FormEngine.Renderers;
using FormEngine.Scenarios;
using FormEngine.Views;

namespace FormEngine.Tests.Scenarios;

public class ScenarioRunnerTests
{
    private string _folder = string.Empty;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"formengine-scenarios-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "t.yaml"), TestTemplates.Assessment);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Every_example_scenario_passes_with_one_call()
    {
        var examples = Path.Combine(TestTemplates.RepoRoot, "examples");
        var renderers = FormRenderers.CreateDefault();
        var report = ScenarioRunner.Run(examples, new ScenarioOptions
        {
            RenderForApproval = (session, extension) =>
            {
                using var buffer = new MemoryStream();
                renderers.Find(extension == ".html" ? "html" : "text")!.Render(FormViewBuilder.Build(session), new RenderOptions(), buffer);
                return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
            },
        });

        Assert.DoesNotThrow(report.ThrowIfFailed, report.ToString());
        Assert.That(report.ScenarioCount, Is.GreaterThanOrEqualTo(10));
    }

    [Test]
    public void Failing_expectation_reports_its_position_and_the_rule_trace()
    {
        var file = Write("""
            template: t.yaml
            today: 2026-11-26
            scenarios:
              - name: Disabled child
                answers:
                  child: { has_disability: 'no' }
                expect:
                  visible: [disability]
            """);
        var report = ScenarioRunner.Run(file);
        var failure = report.Failures.Single();
        Assert.That((failure.Location.Line, failure.Location.Column), Is.EqualTo((8, 17)));
        Assert.That(failure.Message, Is.EqualTo("expected disability to be shown, but it is hidden."));
        Assert.That(failure.Trace, Does.Contain("child.has_disability = 'yes' → 'no' = 'yes' → false"));
        Assert.Throws<ScenarioFailedException>(report.ThrowIfFailed);
    }

    [Test]
    public void Coverage_names_rules_never_seen_both_ways()
    {
        var file = Write("""
            template: t.yaml
            today: 2026-11-26
            scenarios:
              - name: Not disabled
                answers: { child: { has_disability: 'no' } }
                expect: { hidden: [disability] }
            """);
        var report = ScenarioRunner.Run(file);
        var section = report.Coverage.Single(c => c.Path == "disability" && c.Kind == "show_if");
        Assert.That((section.SeenTrue, section.SeenFalse), Is.EqualTo((false, true)));
        var aids = report.Coverage.Single(c => c.Path == "disability.communication_aids" && c.Kind == "show_if");
        Assert.That((aids.SeenTrue, aids.SeenFalse), Is.EqualTo((false, false)), "its section was never shown, so the rule was never reached");
        Assert.That(report.ToString(), Does.Contain("show_if of disability (child.has_disability = 'yes') was never true."));
    }

    [Test]
    public void Values_errors_flags_and_missing_are_checked()
    {
        var file = Write("""
            template: t.yaml
            today: 2026-11-26
            scenarios:
              - name: Disabled toddler
                answers:
                  child: { dob: 2023-01-01, has_disability: 'yes' }
                  household: { members: [ { name: Ann, age: 200 } ] }
                expect:
                  values: { child.age_years: 3 }
                  missing: [disability.types]
                  flags: [under_five_with_disability]
                  errors:
                    - { path: 'household.members[0].age', message: Enter a number no more than 120. }
              - name: Wrong on purpose
                answers:
                  child: { dob: 2023-01-01 }
                expect:
                  values: { child.age_years: 4 }
                  flags: [under_five_with_disability]
                  no_errors: true
                  missing: [child.name]
            """);
        var report = ScenarioRunner.Run(file);
        Assert.That(report.Failures.Select(f => f.Scenario).Distinct(), Is.EqualTo(new[] { "Wrong on purpose" }));
        Assert.That(report.Failures.Select(f => f.Message), Is.EqualTo(new[]
        {
            "expected child.age_years to be `4`, but it is `3`.",
            "expected flag `under_five_with_disability` to be raised, but it is not raised.",
            "expected child.name to be required and unanswered, but it is not required.",
        }), "failures come in the order the expectations are written");
    }

    [Test]
    public void Mistakes_in_a_scenario_file_are_positioned_diagnostics()
    {
        var file = Write("""
            template: t.yaml
            scenarios:
              - name: No date
                expect: { visibel: [child] }
            """);
        var report = ScenarioRunner.Run(file);
        Assert.That(report.Passed, Is.False);
        Assert.That(report.Failures.Select(f => f.Message), Has.Some.Contains("Unknown key `visibel`").And.Some.Contains("no evaluation date"));
    }

    [Test]
    public void Test_command_exits_1_on_failure_and_0_on_success()
    {
        var failing = Write("template: t.yaml\ntoday: 2026-11-26\nscenarios:\n  - name: x\n    answers: {}\n    expect: { hidden: [child] }\n");
        var output = new StringWriter();
        Assert.That(CommandLine.Run(["test", failing], output, new StringWriter()), Is.EqualTo(1));
        Assert.That(output.ToString(), Does.Contain("expected child to be hidden, but it is shown."));

        File.WriteAllText(failing, "template: t.yaml\ntoday: 2026-11-26\nscenarios:\n  - name: x\n    answers: {}\n    expect: { visible: [child] }\n");
        Assert.That(CommandLine.Run(["test", failing], new StringWriter(), new StringWriter()), Is.EqualTo(0));
    }

    private string Write(string yaml)
    {
        var path = Path.Combine(_folder, "t.scenarios.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
