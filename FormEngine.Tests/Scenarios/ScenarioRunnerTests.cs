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
            RenderForApproval = (view, extension) =>
            {
                using var buffer = new MemoryStream();
                renderers.Find(extension == ".html" ? "html" : "text")!.Render(view, new RenderOptions(), buffer);
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

    private const string TwoReaders = """
        id: two_readers
        version: 1
        title: { en: Early help, cy: Cymorth cynnar }
        languages: [en, cy]
        audiences: [practitioner, child]
        sensitivity:
          third_party: { label: { en: third-party information, cy: gwybodaeth trydydd parti }, audiences: [practitioner] }
        sections:
          - id: school
            title: { en: School, cy: Ysgol }
            questions:
              - id: absences
                type: number
                label: { en: Days missed, cy: Diwrnodau a gollwyd }
                validate:
                  - rule: school.absences <= 60
                    message: { en: A term has no more than 60 school days., cy: Nid oes mwy na 60 diwrnod ysgol mewn tymor. }
              - id: police_note
                type: text
                label: { en: Police information, cy: Gwybodaeth yr heddlu }
                sensitivity: third_party
              - id: worker_note
                type: text
                label: { en: Worker's note, cy: Nodyn y gweithiwr }
                audiences: [practitioner]
                required: true
        flags:
          - id: persistent_absence
            when: school.absences > 10
            message: { en: Persistent absence., cy: Absenoldeb parhaus. }
            audiences: [practitioner]
        """;

    [Test]
    public void A_scenario_for_a_reader_sees_only_what_that_reader_gets()
    {
        File.WriteAllText(Path.Combine(_folder, "two.yaml"), TwoReaders);
        var file = Write("""
            template: two.yaml
            today: 2026-11-26
            scenarios:
              - name: The child's Welsh copy
                audience: child
                language: cy
                answers:
                  school: { absences: 70, police_note: Known to police }
                expect:
                  flags: []
                  missing: []
                  hidden: [school.worker_note]
                  errors:
                    - { path: school.absences, message: Nid oes mwy na 60 diwrnod ysgol mewn tymor. }
              - name: Asking the child's copy for what it withholds
                audience: child
                answers:
                  school: { absences: 70, police_note: Known to police }
                expect:
                  values: { school.police_note: Known to police }
                  flags: [persistent_absence]
              - name: The practitioner's copy
                answers:
                  school: { absences: 70, police_note: Known to police }
                expect:
                  values: { school.police_note: Known to police }
                  flags: [persistent_absence]
                  missing: [school.worker_note]
            """);
        var report = ScenarioRunner.Run(file);
        Assert.That(report.Failures.Select(f => (f.Location.Line, f.Message)), Is.EqualTo(new[]
        {
            (20, "expected school.police_note to be `Known to police`, but its answer is withheld from child: they read \"Information withheld: third-party information\"."),
            (21, "expected flag `persistent_absence` to be raised for child, but it is withheld from child: the flag's `audiences:`, or information its rule reads, is not for them."),
        }), report.ToString());
    }

    [Test]
    public void A_reader_the_template_lacks_is_reported_where_it_is_written()
    {
        File.WriteAllText(Path.Combine(_folder, "two.yaml"), TwoReaders);
        var file = Write("""
            template: two.yaml
            today: 2026-11-26
            scenarios:
              - name: Misspelt
                audience: chld
                language: fr
                answers: {}
                expect: { missing: [] }
            """);
        var report = ScenarioRunner.Run(file);
        Assert.That(report.Failures.Select(f => $"{f.Location.Line}:{f.Location.Column} {f.Message}"), Is.EqualTo(new[]
        {
            "5:15 the template has no audience `chld`; its audiences are practitioner, child. Did you mean `child`?",
            "6:15 the template is not written in `fr`; its languages are en, cy.",
        }));
    }

    [Test]
    public void Empty_missing_errors_and_flags_assert_that_there_are_none()
    {
        var file = Write("""
            template: t.yaml
            today: 2026-11-26
            scenarios:
              - name: Disabled toddler with nothing missing, wrongly
                answers:
                  child: { dob: 2023-01-01, has_disability: 'yes' }
                  household: { members: [ { name: Ann, age: 200 } ] }
                expect:
                  missing: []
                  errors: []
                  flags: []
              - name: Everything answered
                answers:
                  child: { dob: 2015-01-01, has_disability: 'no' }
                  household: { members: [ { name: Ann, age: 40 } ] }
                expect:
                  missing: []
                  errors: []
                  flags: []
            """);
        var report = ScenarioRunner.Run(file);
        Assert.That(report.Failures.Select(f => (f.Scenario, f.Location.Line, f.Message)), Is.EqualTo(new[]
        {
            ("Disabled toddler with nothing missing, wrongly", 9, "expected no required question to be unanswered, but 1 is: disability.types."),
            ("Disabled toddler with nothing missing, wrongly", 10, "expected no errors, but found 1: household.members[0].age: Enter a number no more than 120."),
            ("Disabled toddler with nothing missing, wrongly", 11, "expected no flags to be raised, but `under_five_with_disability` is."),
        }));
        Assert.That(report.ExpectationCount, Is.EqualTo(6));
    }

    [Test]
    public void An_empty_list_that_would_check_nothing_is_a_mistake()
    {
        var file = Write("""
            template: t.yaml
            today: 2026-11-26
            scenarios:
              - name: Nothing checked
                answers: {}
                expect:
                  hidden: []
            """);
        var failure = ScenarioRunner.Run(file).Failures.Single();
        Assert.That((failure.Location.Line, failure.Location.Column), Is.EqualTo((7, 7)));
        Assert.That(failure.Message, Does.Contain("`hidden: []` checks nothing.").And.Contain("e.g. `hidden: [child.dob]`"));
    }

    [Test]
    public void Answers_can_start_from_a_file_with_some_changed()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "cases"));
        File.WriteAllText(Path.Combine(_folder, "cases", "a.json"), """{ "child": { "dob": "2015-01-01", "has_disability": "yes" }, "disability": { "types": ["MOB"] } }""");
        var file = Write("""
            template: t.yaml
            today: 2026-11-26
            scenarios:
              - name: The same child, four years old
                answers:
                  from: cases/a.json
                  set:
                    child.dob: 2022-06-01
                    disability.types: [MOB, COMM]
                    'household.members[0].name': Ann
                expect:
                  values: { child.age_years: 4, disability.types: 'MOB, COMM', 'household.members[0].name': Ann }
                  flags: [under_five_with_disability]
                  missing: [disability.communication_aids]
              - name: A question the template lacks
                answers:
                  from: cases/a.json
                  set: { child.dbo: 2022-06-01 }
                expect:
                  flags: []
            """);
        var report = ScenarioRunner.Run(file);
        var failure = report.Failures.Single();
        Assert.That((failure.Scenario, failure.Location.Line, failure.Location.Column), Is.EqualTo(("A question the template lacks", 18, 14)));
        Assert.That(failure.Message, Is.EqualTo("cannot set this answer: Template `single_assessment` has no question `child.dbo`. Did you mean `child.dob`?"));
        Assert.That(File.ReadAllText(Path.Combine(_folder, "cases", "a.json")), Does.Contain("2015-01-01"), "the file itself is never changed");
    }

    [Test]
    public void Previous_answers_can_start_from_a_file_with_some_changed()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "cases"));
        File.WriteAllText(Path.Combine(_folder, "cases", "last-year.json"), """{ "child": { "dob": "2015-01-01", "name": "Amy" } }""");
        var file = Write("""
            template: t.yaml
            today: 2026-11-26
            scenarios:
              - name: Carried forward from last year, renamed since
                answers: {}
                previous:
                  from: cases/last-year.json
                  set: { child.name: Bea }
                expect:
                  values: { child.name: Bea, child.age_years: 11 }
              - name: A previous answer the template lacks
                answers: {}
                previous:
                  from: cases/last-year.json
                  set: { child.nmae: Bea }
                expect:
                  flags: []
            """);
        var failure = ScenarioRunner.Run(file).Failures.Single();
        Assert.That((failure.Scenario, failure.Location.Line), Is.EqualTo(("A previous answer the template lacks", 15)));
        Assert.That(failure.Message, Does.Contain("has no question `child.nmae`"));
    }

    [Test]
    public void An_answer_the_template_lacks_fails_the_scenario_instead_of_testing_something_else()
    {
        var file = Write("""
            template: t.yaml
            today: 2026-11-26
            scenarios:
              - name: Misspelt
                answers:
                  child: { dbo: 2015-01-01, has_disability: 'yes' }
                expect:
                  visible: [disability]
            """);
        var failure = ScenarioRunner.Run(file).Failures.Single();
        Assert.That((failure.Scenario, failure.Location.Line), Is.EqualTo(("Misspelt", 6)));
        Assert.That(failure.Message, Does.Contain("`child.dbo`").And.Contain("template does not have"));
    }

    [Test]
    public void Update_approved_creates_missing_folders()
    {
        var file = Write("""
            template: t.yaml
            today: 2026-11-26
            scenarios:
              - name: Blank
                answers: {}
                expect: { approved: approved/records/blank.md }
              - name: Blank, as HTML
                answers: {}
                expect: { approved: approved/records/blank.html }
            """);
        var stdout = new StringWriter();
        Assert.That(CommandLine.Run(["test", file, "--update-approved"], stdout, new StringWriter()), Is.EqualTo(0), stdout.ToString());
        Assert.That(File.ReadAllText(Path.Combine(_folder, "approved", "records", "blank.md")), Does.Contain("Single assessment"));
        Assert.That(CommandLine.Run(["test", file], stdout, new StringWriter()), Is.EqualTo(0), "what was written is then approved");
    }

    [Test]
    public void A_repeat_group_with_min_items_is_required_in_scenarios()
    {
        var file = Write("""
            template: t.yaml
            today: 2026-11-26
            scenarios:
              - name: Nobody listed in the household
                answers: {}
                expect:
                  required: [household.members]
                  missing: [household.members]
            """);
        var report = ScenarioRunner.Run(file);
        Assert.That(report.Passed, Is.True, report.ToString());
    }

    private string Write(string yaml)
    {
        var path = Path.Combine(_folder, "t.scenarios.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
