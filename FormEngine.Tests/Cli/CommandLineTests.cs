using System.Text.Json.Nodes;
using FormEngine.Cli;

namespace FormEngine.Tests.Cli;

/// <summary>The command line's output formats and exit codes are a contract; these tests pin them down.</summary>
public class CommandLineTests
{
    private string _folder = string.Empty;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"formengine-cli-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Validate_prints_nothing_to_stdout_and_exits_0_for_a_valid_template()
    {
        var template = Write("ok.yaml", TestTemplates.Assessment);
        var (code, stdout, stderr) = Run("validate", template);
        Assert.That(code, Is.EqualTo(0), stderr);
        Assert.That(stdout, Is.Empty);
        Assert.That(stderr, Does.Contain("valid"));
    }

    [Test]
    public void Validate_prints_file_line_column_code_and_message_and_exits_1()
    {
        var template = Write("bad.yaml", "id: t\nsections:\n  - id: s\n    titel: x\n");
        var (code, stdout, _) = Run("validate", template);
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stdout.TrimEnd(), Is.EqualTo($"{template}:4:5: error FET0006: Unknown key `titel` in a section. Did you mean `title`?"));
    }

    private const string HalfTranslated = """
        id: half_translated
        version: 1
        title: { en: Early help, cy: Cymorth cynnar }
        languages: [en, cy]
        sections:
          - id: child
            title: The child
            questions:
              - { id: has_disability, type: choice, choices: [yes, no], label: Disabled? }
              - { id: needs, type: text, label: Needs, show_if: child.has_disability = 'Yes' }
          - id: family
            title: The family
            questions:
              - { id: a, type: text, label: A }
              - { id: b, type: text, label: B }
              - { id: c, type: text, label: C }
              - { id: d, type: text, label: D }
              - { id: e, type: text, label: E }
        """;

    [Test]
    public void Validate_summarises_missing_translations_per_section_and_language_but_never_a_rule_that_cannot_hold()
    {
        var template = Write("half.yaml", HalfTranslated);
        var (code, stdout, _) = Run("validate", template);
        Assert.That(code, Is.EqualTo(0));
        var lines = stdout.TrimEnd().Split('\n');
        Assert.That(lines, Has.Length.EqualTo(5), stdout);
        Assert.That(lines[0], Does.StartWith($"{template}:7:5: warning FET0023: `title` has no Welsh (cy) wording"), "three in a section are listed one by one");
        Assert.That(lines[3], Does.StartWith($"{template}:10:80: warning FET0022:"));
        Assert.That(lines[4], Is.EqualTo($"{template}:12:5: warning FET0023: 6 texts in section `family` have no Welsh (cy) wording; readers will see the English instead. They are at 12:5, 14:30, 15:30 and 3 more. Add the missing wording so every language is treated equally. Run with `--warnings all` to list each one."));
    }

    [Test]
    public void Warnings_all_lists_each_one_and_none_keeps_only_those_that_always_matter()
    {
        var template = Write("half.yaml", HalfTranslated);
        var (_, all, _) = Run("validate", template, "--warnings", "all");
        Assert.That(all.TrimEnd().Split('\n'), Has.Length.EqualTo(10));

        var (code, none, _) = Run("validate", template, "--warnings", "none");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(none.TrimEnd().Split('\n'), Is.EqualTo(new[]
        {
            $"{template}:10:80: warning FET0022: " + all.Split('\n').Single(l => l.Contains("FET0022", StringComparison.Ordinal)).Split("FET0022: ")[1],
            "9 warnings not shown. Run with `--warnings all` to list them.",
        }));

        var answers = Write("a.json", "{}");
        var (_, _, stderr) = Run("evaluate", template, "--answers", answers);
        Assert.That(stderr, Does.Contain("6 texts in section `family` have no Welsh (cy) wording"), "every command summarises the same way");
        Assert.That(Run("validate", template, "--warnings", "loud").Code, Is.EqualTo(2));
    }

    [TestCase]
    [TestCase("validate")]
    [TestCase("frobnicate", "x.yaml")]
    [TestCase("evaluate", "x.yaml")]
    [TestCase("evaluate", "x.yaml", "--answers")]
    [TestCase("evaluate", "x.yaml", "--colour", "red")]
    [TestCase("evaluate", "x.yaml", "--answers", "a.json", "--today", "26/11/2026")]
    [TestCase("validate", "a.yaml", "b.yaml")]
    public void Usage_errors_exit_2(params string[] args)
    {
        if (args.Contains("--today"))
        {
            Write("x.yaml", TestTemplates.Assessment);
        }

        var (code, stdout, stderr) = Run(args);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stdout, Is.Empty);
        Assert.That(stderr, Is.Not.Empty);
    }

    [Test]
    public void Evaluate_prints_the_contract_json_object()
    {
        var template = Write("t.yaml", TestTemplates.Assessment);
        var answers = Write("a.json", """
            {"child": {"dob": "2023-05-01", "has_disability": "yes", "nickname": "Sam"},
             "household": {"members": [{"name": "Ann", "age": 30}, {"name": "Bo", "age": 130}]}}
            """);
        var previous = Write("p.json", """{"child": {"name": "Samuel"}}""");
        var (code, stdout, _) = Run("evaluate", template, "--answers", answers, "--today", "2026-11-26", "--previous", previous);

        Assert.That(code, Is.EqualTo(0));
        var json = JsonNode.Parse(stdout)!.AsObject();
        Assert.That(json.Select(p => p.Key), Is.EqualTo(new[] { "template", "version", "visible", "missing", "errors", "values", "flags", "carried_forward", "unrecognised" }));
        Assert.That(json["template"]!.GetValue<string>(), Is.EqualTo("single_assessment"));
        Assert.That(json["version"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(Strings(json["visible"]), Does.Contain("disability.types").And.Contain("household.members[1].age").And.Not.Contain("household.members[1].school").And.Not.Contain("disability.communication_aids"));
        Assert.That(Strings(json["missing"]), Is.EqualTo(new[] { "disability.types" }));
        Assert.That(json["errors"]!.ToJsonString(), Is.EqualTo("""[{"path":"household.members[1].age","message":"Enter a number no more than 120."}]"""));
        Assert.That(json["values"]!.ToJsonString(), Is.EqualTo("""{"child.age_years":3}"""));
        Assert.That(json["flags"]![0]!["id"]!.GetValue<string>(), Is.EqualTo("under_five_with_disability"));
        Assert.That(Strings(json["carried_forward"]), Is.EqualTo(new[] { "child.name" }));
        Assert.That(Strings(json["unrecognised"]), Is.EqualTo(new[] { "child.nickname" }));
    }

    [Test]
    public void Evaluate_with_an_invalid_template_exits_1_with_diagnostics_on_stderr()
    {
        var template = Write("t.yaml", "id: t\nsections:\n  - id: s\n    questions:\n      - { id: a, type: text, show_if: s.b = 1 }\n");
        var answers = Write("a.json", "{}");
        var (code, stdout, stderr) = Run("evaluate", template, "--answers", answers);
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stdout, Is.Empty, "no partial output");
        Assert.That(stderr, Does.Contain($"{template}:5:39: error FER"));
    }

    [Test]
    public void Evaluate_with_answers_that_are_not_json_exits_1_with_a_position()
    {
        var template = Write("t.yaml", TestTemplates.Assessment);
        var answers = Write("a.json", "{\n  \"child\": {\"dob\": 2020-01-01}\n}");
        var (code, stdout, stderr) = Run("evaluate", template, "--answers", answers);
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stdout, Is.Empty);
        Assert.That(stderr, Does.StartWith($"{answers}:2:").And.Contain("FEA0001"));
    }

    [Test]
    public void Evaluate_with_a_missing_answers_file_exits_1()
    {
        var template = Write("t.yaml", TestTemplates.Assessment);
        var (code, _, stderr) = Run("evaluate", template, "--answers", Path.Combine(_folder, "none.json"));
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr, Does.Contain("does not exist"));
    }

    [Test]
    public void Explain_shows_the_trace_of_the_rule_that_hides_a_question()
    {
        var template = Write("t.yaml", TestTemplates.Assessment);
        var answers = Write("a.json", """{"household": {"members": [{"name": "Ann", "age": 30}]}}""");
        var (code, stdout, _) = Run("explain", template, "household.members[0].school", "--answers", answers, "--today", "2026-11-26");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(stdout, Does.StartWith("household.members[0].school is hidden."));
        Assert.That(stdout, Does.Contain("age < 19 → 30 < 19 → false"));
    }

    [Test]
    public void Explain_of_an_unknown_path_suggests_the_nearest_and_exits_2()
    {
        var template = Write("t.yaml", TestTemplates.Assessment);
        var answers = Write("a.json", "{}");
        var (code, _, stderr) = Run("explain", template, "child.dobb", "--answers", answers);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("child.dob"));
    }

    [Test]
    public void Render_writes_the_record_to_the_output_file()
    {
        var template = Write("t.yaml", TestTemplates.Assessment);
        var answers = Write("a.json", """{"child": {"dob": "2017-03-02", "has_disability": "no"}}""");
        var output = Path.Combine(_folder, "record.md");
        var (code, stdout, stderr) = Run("render", template, "--answers", answers, "--format", "text", "--out", output, "--today", "2026-11-26", "--case-reference", "ABC/1");
        Assert.That(code, Is.EqualTo(0), stderr);
        Assert.That(stdout, Is.Empty);
        var text = File.ReadAllText(output);
        Assert.That(text, Does.StartWith("# Single assessment\n").And.Contain("Case reference: ABC/1").And.Contain("**Date of birth**: 2 March 2017"));
    }

    [Test]
    public void Render_links_each_stylesheet_and_script_and_signs_the_inline_ones_with_the_nonce()
    {
        var template = Write("t.yaml", TestTemplates.Assessment);
        var answers = Write("a.json", "{}");
        var output = Path.Combine(_folder, "form.html");
        var (code, _, stderr) = Run("render", template, "--answers", answers, "--format", "html", "--mode", "form", "--theme", "govuk", "--out", output,
            "--stylesheet", "/css/govuk-frontend.min.css", "--stylesheet", "/css/council.css", "--script", "/js/govuk-frontend.min.js", "--nonce", "cmFuZG9tMTIz");
        Assert.That(code, Is.EqualTo(0), stderr);
        var html = File.ReadAllText(output);
        var first = html.IndexOf("<link rel=\"stylesheet\" href=\"/css/govuk-frontend.min.css\" />", StringComparison.Ordinal);
        Assert.That((first, html.IndexOf("<link rel=\"stylesheet\" href=\"/css/council.css\" />", StringComparison.Ordinal) > first), Is.EqualTo((first, true)), "both, in order");
        Assert.That(first, Is.GreaterThan(0));
        Assert.That(html, Does.Contain("<script type=\"module\" src=\"/js/govuk-frontend.min.js\"></script>"));
        Assert.That(html, Does.Contain("<script type=\"module\" nonce=\"cmFuZG9tMTIz\">\nimport { initAll } from \"/js/govuk-frontend.min.js\";"));
        Assert.That(html, Does.Contain("<script nonce=\"cmFuZG9tMTIz\">document.body.className += ' js-enabled'"));
    }

    [TestCase("--nonce", "a b", "base64 characters only")]
    [TestCase("--nonce", "\"'><script>", "base64 characters only")]
    [TestCase("--stylesheet", "x.css", "for HTML pages")]
    public void Render_refuses_a_nonce_that_is_not_base64_and_page_links_for_other_formats(string option, string value, string message)
    {
        var template = Write("t.yaml", TestTemplates.Assessment);
        var format = option == "--stylesheet" ? "text" : "html";
        var output = Path.Combine(_folder, "out." + (format == "text" ? "md" : "html"));
        var (code, _, stderr) = Run("render", template, "--format", format, "--mode", "blank", "--out", output, option, value);
        Assert.That(code, Is.EqualTo(2), stderr);
        Assert.That(stderr, Does.Contain(message));
        Assert.That(File.Exists(output), Is.False);
    }

    [Test]
    public void Render_of_a_blank_form_needs_no_answers()
    {
        var template = Write("t.yaml", TestTemplates.Assessment);
        var output = Path.Combine(_folder, "blank.md");
        var (code, _, stderr) = Run("render", template, "--format", "text", "--mode", "blank", "--out", output);
        Assert.That(code, Is.EqualTo(0), stderr);
        Assert.That(File.ReadAllText(output), Does.Contain("Answer this section only if"));
    }

    [Test]
    public void Render_with_an_invalid_template_writes_no_file()
    {
        var template = Write("t.yaml", "id: t\nsections: [");
        var answers = Write("a.json", "{}");
        var output = Path.Combine(_folder, "record.md");
        var (code, _, _) = Run("render", template, "--answers", answers, "--format", "text", "--out", output);
        Assert.That(code, Is.EqualTo(1));
        Assert.That(File.Exists(output), Is.False);
        Assert.That(Directory.GetFiles(_folder).Where(f => f.EndsWith(".tmp", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void Render_with_a_host_template_that_reaches_a_limit_exits_1_and_writes_no_file()
    {
        var template = Write("t.yaml", TestTemplates.Assessment);
        var answers = Write("a.json", new JsonObject { ["child"] = new JsonObject { ["name"] = new string('n', 1_100_000) } }.ToJsonString());
        var templates = Directory.CreateDirectory(Path.Combine(_folder, "templates")).FullName;
        File.WriteAllText(Path.Combine(templates, "answer-row.sbn"), "<div>{{ answer }}</div>");
        var output = Path.Combine(_folder, "record.html");
        var (code, _, stderr) = Run("render", template, "--answers", answers, "--format", "html", "--templates", templates, "--out", output);
        Assert.That(code, Is.EqualTo(1), stderr);
        Assert.That(stderr, Does.Contain("answer-row.sbn").And.Contain("LimitToString").And.Contain("Nothing was written"));
        Assert.That(Directory.GetFiles(_folder), Is.EquivalentTo(new[] { template, answers }), "no output and no temporary file");
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("rec\0ord.md")]
    public void Render_with_no_usable_out_name_is_a_usage_error(string output)
    {
        var template = Write("t.yaml", TestTemplates.Assessment);
        var (code, _, stderr) = Run("render", template, "--format", "text", "--mode", "blank", "--out", output);
        Assert.That(code, Is.EqualTo(2), stderr);
        Assert.That(stderr, Does.Contain("`--out` needs a file name"));
    }

    [Test]
    public void Render_into_a_folder_that_does_not_exist_exits_3()
    {
        var template = Write("t.yaml", TestTemplates.Assessment);
        var (code, _, stderr) = Run("render", template, "--format", "text", "--mode", "blank", "--out", Path.Combine(_folder, "none", "r.md"));
        Assert.That(code, Is.EqualTo(3), stderr);
        Assert.That(stderr, Does.Contain("does not exist"));
    }

    [Test]
    public void Render_to_a_folder_exits_3()
    {
        var template = Write("t.yaml", TestTemplates.Assessment);
        var (code, _, stderr) = Run("render", template, "--format", "text", "--mode", "blank", "--out", _folder);
        Assert.That(code, Is.EqualTo(3), stderr);
        Assert.That(stderr, Does.Contain("is a folder"));
    }

    [Test]
    public void Render_that_cannot_write_its_output_exits_3()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("Uses /proc, a folder that no one, not even root, can create files in.");
        }

        var template = Write("t.yaml", TestTemplates.Assessment);
        var (code, _, stderr) = Run("render", template, "--format", "text", "--mode", "blank", "--out", "/proc/record.md");
        Assert.That(code, Is.EqualTo(3), stderr);
        Assert.That(stderr, Does.Contain("Cannot write `/proc/record.md`"));
        Assert.That(File.Exists("/proc/record.md"), Is.False);
    }

    [Test]
    public void Render_to_a_symbolic_link_exits_3_and_leaves_the_link_and_its_target_alone()
    {
        var template = Write("t.yaml", TestTemplates.Assessment);
        var target = Write("important.txt", "not a record");
        var link = Path.Combine(_folder, "record.md");
        File.CreateSymbolicLink(link, target);
        var (code, _, stderr) = Run("render", template, "--format", "text", "--mode", "blank", "--out", link);
        Assert.That(code, Is.EqualTo(3), stderr);
        Assert.That(stderr, Does.Contain("symbolic link"));
        Assert.That(new FileInfo(link).LinkTarget, Is.EqualTo(target), "the link is still a link");
        Assert.That(File.ReadAllText(target), Is.EqualTo("not a record"), "its target is unchanged");
        Assert.That(Directory.GetFiles(_folder).Where(f => f.EndsWith(".tmp", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void Render_to_a_device_exits_3_and_leaves_it_alone()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Devices are a Unix matter.");
        }

        var template = Write("t.yaml", TestTemplates.Assessment);
        var (code, _, stderr) = Run("render", template, "--format", "text", "--mode", "blank", "--out", "/dev/null");
        Assert.That(code, Is.EqualTo(3), stderr);
        Assert.That(stderr, Does.Contain("device"));
    }

    [Test]
    public void Render_over_an_existing_file_replaces_it_whole()
    {
        var template = Write("t.yaml", TestTemplates.Assessment);
        var output = Write("record.md", new string('x', 100_000));
        var (code, _, stderr) = Run("render", template, "--format", "text", "--mode", "blank", "--out", output);
        Assert.That(code, Is.EqualTo(0), stderr);
        Assert.That(File.ReadAllText(output), Does.StartWith("# Single assessment").And.Not.Contain("xxx"));
        Assert.That(Directory.GetFiles(_folder).Where(f => f.EndsWith(".tmp", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void Render_with_a_template_folder_that_does_not_exist_is_a_usage_error()
    {
        var template = Write("t.yaml", TestTemplates.Assessment);
        var (code, _, stderr) = Run("render", template, "--format", "html", "--mode", "blank", "--templates", Path.Combine(_folder, "none"), "--out", Path.Combine(_folder, "r.html"));
        Assert.That(code, Is.EqualTo(2), stderr);
        Assert.That(stderr, Does.Contain("--templates"));
    }

    [Test]
    public void Evaluate_with_answers_that_have_a_key_twice_exits_1_with_the_position()
    {
        var template = Write("t.yaml", TestTemplates.Assessment);
        var answers = Write("a.json", "{\"child\": {\"dob\": \"2020-01-01\",\n \"dob\": \"2021-01-01\"}}");
        var (code, stdout, stderr) = Run("evaluate", template, "--answers", answers);
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stdout, Is.Empty);
        Assert.That(stderr, Does.StartWith($"{answers}:2:2: error FEA0001"));
    }

    [Test]
    public void Evaluate_with_a_date_plus_a_huge_day_count_prints_null_rather_than_crashing()
    {
        var template = Write("t.yaml", "id: t\nsections:\n  - id: s\n    questions:\n      - { id: start, type: date }\n      - { id: days, type: number }\n      - { id: due, type: calculated, value: s.start + s.days }\n");
        var answers = Write("a.json", "{\"s\": {\"start\": \"2026-01-01\", \"days\": 79228162514264337593543950335}}");
        var (code, stdout, stderr) = Run("evaluate", template, "--answers", answers);
        Assert.That(code, Is.EqualTo(0), stderr);
        Assert.That(JsonNode.Parse(stdout)!["values"]!.ToJsonString(), Does.Contain("\"s.due\":null"));
    }

    [TestCase("--format", "docx")]
    [TestCase("--mode", "poster")]
    [TestCase("--theme", "neon")]
    public void Render_with_an_unknown_option_value_exits_2(string option, string value)
    {
        var template = Write("t.yaml", TestTemplates.Assessment);
        var answers = Write("a.json", "{}");
        var format = option == "--format" ? Array.Empty<string>() : ["--format", "text"];
        var (code, _, stderr) = Run(["render", template, "--answers", answers, "--out", Path.Combine(_folder, "x"), option, value, .. format]);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain(value));
    }

    private static string[] Strings(JsonNode? node) => node!.AsArray().Select(n => n!.GetValue<string>()).ToArray();

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    [TestCase("evaluate")]
    [TestCase("render")]
    [TestCase("analyze")]
    public void Answers_made_with_another_version_are_refused_with_a_diagnostic(string command)
    {
        var template = Write("t.yaml", TestTemplates.Assessment);
        var answers = Write("a.json", """{"$template": {"id": "single_assessment", "version": 2}, "child": {"name": "Sam"}}""");
        var output = Path.Combine(Path.GetDirectoryName(template)!, "out.txt");
        string[] args = command == "render" ? [command, template, "--answers", answers, "--format", "text", "--out", output] : [command, template, "--answers", answers];
        var (code, stdout, stderr) = Run(args);

        Assert.That(code, Is.EqualTo(1), stderr);
        Assert.That(stdout, Is.Empty);
        Assert.That(stderr, Does.Contain($"{answers}: error FEA0007: These answers were made with version 2 of `single_assessment`, not version 1."));
        Assert.That(File.Exists(output), Is.False);
    }

    [Test]
    public void Submit_applies_a_posted_form_and_prints_the_new_answers()
    {
        var template = Write("t.yaml", TestTemplates.Assessment);
        var answers = Write("a.json", """{"child": {"name": "Sam", "dob": "2020-01-01"}, "household": {"members": [{"name": "Ann"}]}}""");
        var body = Write("body.txt", "child.name=+Samuel+&child.dob-day=30&child.dob-month=2&child.dob-year=2026&household.members%5B0%5D.age=41&_add=household.members&nonsense=1");
        var (code, stdout, stderr) = Run("submit", template, "--answers", answers, "--form", body, "--theme", "govuk");

        Assert.That(code, Is.EqualTo(0), stderr);
        var hash = FormTemplate.LoadFromText(TestTemplates.Assessment, "t.yaml").Template!.Hash;
        Assert.That(JsonNode.Parse(stdout)!.ToJsonString(), Is.EqualTo($$$"""{"$template":{"id":"single_assessment","version":1,"hash":"{{{hash}}}"},"child":{"name":"Samuel","dob":"2026-2-30"},"household":{"members":[{"name":"Ann","age":41},{}]}}"""));
        Assert.That(stderr.ReplaceLineEndings("\n"), Is.EqualTo(
            $"{body}: warning FEA0002: child.dob: Enter a real date, not `30/2/2026`.\n" +
            $"{body}: warning FEA0006: nonsense: not a field of this page, so it was ignored.\n"));
    }

    [Test]
    public void Submit_reads_the_body_from_standard_input_and_keeps_what_is_not_on_the_page()
    {
        var template = Write("t.yaml", TestTemplates.Assessment);
        var answers = Write("a.json", """{"child": {"has_disability": "no"}, "disability": {"types": ["MOB"]}}""");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CommandLine.Run(["submit", template, "--answers", answers, "--form", "-"], new StringReader("disability.types=COMM&child.name=Sam"), stdout, stderr);

        Assert.That(code, Is.EqualTo(0), stderr.ToString());
        var printed = JsonNode.Parse(stdout.ToString())!.AsObject();
        Assert.That(printed.Remove("$template"), Is.True, "the answers say which template made them");
        Assert.That(printed.ToJsonString(), Is.EqualTo("""{"child":{"has_disability":"no","name":"Sam"},"disability":{"types":["MOB"]}}"""));
        Assert.That(stderr.ToString(), Does.Contain("warning FEA0006: disability.types:"));
    }

    [Test]
    public void Submit_with_a_page_applies_only_that_page_and_render_writes_it()
    {
        var template = Write("t.yaml", """
            id: paged
            pages: question
            sections:
              - id: s
                questions:
                  - { id: first, type: text, label: First }
                  - { id: second, type: text, label: Second }
            """);
        var answers = Write("a.json", """{"s": {"first": "one", "second": "two"}}""");
        var body = Write("body.txt", "s.first=changed&s.second=2");
        var (code, stdout, stderr) = Run("submit", template, "--answers", answers, "--form", body, "--page", "2");

        Assert.That(code, Is.EqualTo(0), stderr);
        Assert.That(JsonNode.Parse(stdout)!["s"]!.ToJsonString(), Is.EqualTo("""{"first":"one","second":"2"}"""));
        Assert.That(stderr, Does.Contain("warning FEA0006: s.first: not a field of this page"));

        var html = Path.Combine(_folder, "page.html");
        var (renderCode, _, renderError) = Run("render", template, "--answers", answers, "--format", "html", "--mode", "form", "--page", "3", "--out", html);
        Assert.That(renderCode, Is.EqualTo(0), renderError);
        Assert.That(File.ReadAllText(html), Does.Contain("Check your answers").And.Contain("?page=1#f-s-first"));
        Assert.That(Run("render", template, "--answers", answers, "--format", "html", "--page", "1", "--out", html).Code, Is.EqualTo(2), "a page of a record means nothing");
    }

    [Test]
    public void Explain_with_a_catalogue_uses_the_version_the_answers_name()
    {
        var template = Write("t.yaml", TestTemplates.Assessment);
        var catalogue = Path.Combine(_folder, "catalogue");
        Directory.CreateDirectory(catalogue);
        Assert.That(Run("publish", template, "--catalogue", catalogue, "--date", "2026-11-30").Code, Is.EqualTo(0));
        var (_, stamped, _) = Run("submit", template, "--answers", Write("a.json", "{}"), "--form", Write("body.txt", "child.has_disability=yes&_shown=child.has_disability"));
        var answers = Write("stamped.json", stamped);

        var (code, stdout, stderr) = Run("explain", "--catalogue", catalogue, "--answers", answers, "disability");

        Assert.That(code, Is.EqualTo(0), stderr);
        Assert.That(stdout, Does.Contain("disability is shown."));
        Assert.That(Run("explain", template, "--catalogue", catalogue, "--answers", answers, "disability").Code, Is.EqualTo(2), "a template file and a catalogue together are a usage error");
    }

    [TestCase("a=%zz", "error FEA0005: `%zz` at character 3 is not an escape")]
    [TestCase(null, "error FEA0005: The form body `")]
    public void Submit_exits_1_when_the_body_cannot_be_read(string? body, string message)
    {
        var template = Write("t.yaml", TestTemplates.Assessment);
        var answers = Write("a.json", "{}");
        var form = body is null ? Path.Combine(_folder, "missing.txt") : Write("body.txt", body);
        var (code, stdout, stderr) = Run("submit", template, "--answers", answers, "--form", form);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(stdout, Is.Empty);
        Assert.That(stderr, Does.Contain(message));
    }

    [TestCase("--page", "2", "on one page, so there is no page 2")]
    [TestCase("--page", "0", "give a page number from 1")]
    [TestCase("--theme", "bootstrap", "Unknown theme `bootstrap`")]
    [TestCase("--audience", "cat", "cat")]
    public void Submit_usage_errors_exit_2(string option, string value, string message)
    {
        var template = Write("t.yaml", TestTemplates.Assessment);
        var answers = Write("a.json", "{}");
        var body = Write("body.txt", "child.name=Sam");
        var (code, stdout, stderr) = Run("submit", template, "--answers", answers, "--form", body, option, value);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stdout, Is.Empty);
        Assert.That(stderr, Does.Contain(message));
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CommandLine.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
