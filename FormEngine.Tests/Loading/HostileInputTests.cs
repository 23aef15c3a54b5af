using System.Text;
using FormEngine.Diagnostics;
using FormEngine.Evaluation;

namespace FormEngine.Tests.Loading;

/// <summary>Nothing an author or an attacker puts in a file may crash, hang or exhaust the process.</summary>
public class HostileInputTests
{
    [Test]
    public void Alias_bomb_is_refused_without_expanding_it()
    {
        var yaml = new StringBuilder("id: bomb\nchoices:\n  a: [x, x, x, x, x, x, x, x, x, x]\n");
        yaml.Append("  l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 12; i++)
        {
            yaml.Append($"  l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))}]\n");
        }

        var result = FormTemplate.LoadFromText(yaml.ToString());
        Assert.That(result.Success, Is.False);
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.YamlAlias));
    }

    [Test]
    public void Template_nested_ten_thousand_levels_in_flow_style_gets_a_diagnostic()
    {
        var yaml = "id: deep\nsections: " + new string('[', 10_000) + new string(']', 10_000) + "\n";
        var result = FormTemplate.LoadFromText(yaml);
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.TooDeep));
    }

    [Test]
    public void Template_nested_ten_thousand_levels_by_indentation_gets_a_diagnostic()
    {
        var yaml = new StringBuilder("id: deep\n");
        for (var i = 0; i < 10_000; i++)
        {
            yaml.Append(' ', i).Append("k:\n");
        }

        var result = FormTemplate.LoadFromText(yaml.ToString());
        Assert.That(result.Success, Is.False);
        Assert.That(result.Diagnostics.Select(d => d.Code), Does.Contain(DiagnosticCodes.TooDeep).Or.Contain(DiagnosticCodes.TooLarge));
    }

    [Test]
    public void Fifty_megabyte_template_is_refused_before_parsing()
    {
        var path = Path.Combine(Path.GetTempPath(), $"formengine-big-{Guid.NewGuid():N}.yaml");
        try
        {
            using (var writer = new StreamWriter(path))
            {
                writer.WriteLine("id: big");
                var line = "# " + new string('x', 1000);
                for (var i = 0; i < 50 * 1024; i++)
                {
                    writer.WriteLine(line);
                }
            }

            var result = FormTemplate.Load(path);
            var diagnostic = result.Diagnostics.Single();
            Assert.That(diagnostic.Code, Is.EqualTo(DiagnosticCodes.TooLarge));
            Assert.That(diagnostic.Message, Does.Contain("bytes"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void A_rule_longer_than_the_limit_is_refused_and_the_limit_can_be_raised()
    {
        var rule = "len(s.a) = " + new string('1', 10_000);
        var yaml = $"id: long\nsections:\n  - id: s\n    questions:\n      - {{ id: a, type: text }}\n      - {{ id: b, type: text, show_if: '{rule}' }}\n";

        var refused = FormTemplate.LoadFromText(yaml);
        Assert.That(refused.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "FER0006" }), "the default limit is 10,000 characters");

        var allowed = FormTemplate.LoadFromText(yaml, options: new TemplateLoadOptions { MaxRuleLength = 20_000 });
        Assert.That(allowed.Diagnostics.Select(d => d.Code), Does.Not.Contain("FER0006"));
    }

    [Test]
    public void Missing_template_file_is_a_diagnostic_not_an_exception()
    {
        var result = FormTemplate.Load("/no/such/template.yaml");
        Assert.That(result.Diagnostics.Single().Code, Is.EqualTo(DiagnosticCodes.FileNotFound));
    }

    [TestCase("")]
    [TestCase("just text")]
    [TestCase("- a\n- b")]
    [TestCase("id: x\nsections: 5")]
    [TestCase("id: x\nsections:\n  - 7\n  - [a]\n  - { id: s, questions: { a: 1 } }")]
    [TestCase("id: x\n---\nid: y")]
    [TestCase("\u0000\u0001\u0002")]
    [TestCase("id: x\nsections:\n  - id: s\n    questions:\n      - { id: q, type: text, show_if: \"((((\" }")]
    [TestCase("id: x\nsections:\n  - id: s\n    questions:\n      - { id: q, type: choice, choices: [] }")]
    [TestCase("{ id: x, sections: [ { id: s, questions: [ { id: q, type: repeat, questions: [ { id: r, type: repeat, questions: [ {id: z, type: text} ] } ] } ] } ] }")]
    public void Malformed_template_gives_diagnostics_and_no_template(string yaml)
    {
        var result = FormTemplate.LoadFromText(yaml);
        Assert.That(result.Success, Is.False);
        Assert.That(result.Diagnostics, Is.Not.Empty);
    }

    // Found by fuzzing: YamlDotNet's parser throws ArgumentException ("Global tags must be valid URIs")
    // for a tag such as `!![`, where every other syntax error is a YamlException.
    [TestCase("id: x\nsections: !![ y\n", 2)]
    [TestCase("id: x\ntitle: !!![\n", 2)]
    [TestCase("!![\n", 1)]
    public void A_tag_that_is_not_a_valid_uri_is_a_yaml_syntax_diagnostic(string yaml, int line)
    {
        var result = FormTemplate.LoadFromText(yaml);
        Assert.That(result.Success, Is.False);
        var diagnostic = result.Diagnostics.Single();
        Assert.That(diagnostic.Code, Is.EqualTo(DiagnosticCodes.YamlSyntax));
        Assert.That(diagnostic.Line, Is.EqualTo(line));
        Assert.That(diagnostic.Message, Does.Contain("tag"));
    }

    [Test]
    public void Random_bytes_never_crash_the_loader()
    {
        var random = new Random(42);
        const string alphabet = "ab:-[]{}&*!|>'\"# \n\t%@`,?0.=<";
        for (var i = 0; i < 2000; i++)
        {
            var chars = new char[random.Next(1, 80)];
            for (var c = 0; c < chars.Length; c++)
            {
                chars[c] = alphabet[random.Next(alphabet.Length)];
            }

            Assert.DoesNotThrow(() => FormTemplate.LoadFromText("id: x\nsections:\n" + new string(chars)), new string(chars));
        }
    }

    [TestCase("{", 1, 2)]
    [TestCase("{\"child\": {\"dob\": \"2020-01-01\",}", 1, 33)]
    [TestCase("[1, 2]", 1, 1)]
    [TestCase("nonsense", 1, 1)]
    public void Answers_that_are_not_a_json_object_get_a_positioned_diagnostic(string json, int line, int column)
    {
        var result = AnswersDocument.Parse(json);
        Assert.That(result.Success, Is.False);
        var diagnostic = result.Diagnostics.Single();
        Assert.That(diagnostic.Code, Is.EqualTo(DiagnosticCodes.AnswersNotJson));
        Assert.That(diagnostic.Line, Is.EqualTo(line));
        Assert.That(diagnostic.Column, Is.GreaterThanOrEqualTo(column));
    }

    [TestCase("{\"child\": {\"name\": \"Ann\",\n  \"name\": \"Bo\"}}", 2, 3, "`name` appears twice", TestName = "Answers_with_a_key_twice_in_one_object")]
    [TestCase("{\"child\": {\"name\": \"Ann\"},\n\"child\": {}}", 2, 1, "`child` appears twice", TestName = "Answers_with_a_section_twice")]
    [TestCase("{\"household\": {\"members\": [{\"name\": \"A\", \"name\": \"B\"}]}}", 1, 42, "`name` appears twice", TestName = "Answers_with_a_key_twice_in_a_repeat_item")]
    [TestCase("{\"child\": {\"name\": \"A\\ud800B\"}}", 1, 20, "not a valid character", TestName = "Answers_with_a_lone_high_surrogate_escape")]
    [TestCase("{\"child\": {\"name\": \"A\\udc00\"}}", 1, 20, "not a valid character", TestName = "Answers_with_a_lone_low_surrogate_escape")]
    [TestCase("{\"child\": {\"na\\ud800me\": \"A\"}}", 1, 12, "not a valid character", TestName = "Answers_with_a_lone_surrogate_in_a_key")]
    public void Answers_that_cannot_be_read_without_guessing_get_a_positioned_diagnostic(string json, int line, int column, string message)
    {
        var result = AnswersDocument.Parse(json);
        Assert.That(result.Success, Is.False);
        var diagnostic = result.Diagnostics.Single();
        Assert.That(diagnostic.Code, Is.EqualTo(DiagnosticCodes.AnswersNotJson));
        Assert.That((diagnostic.Line, diagnostic.Column), Is.EqualTo((line, column)));
        Assert.That(diagnostic.Message, Does.Contain(message));
        Assert.That(diagnostic.Suggestion, Is.Not.Null.And.Not.Empty);
    }

    [Test]
    public void Answers_text_with_a_lone_surrogate_character_gets_a_positioned_diagnostic()
    {
        // Built here, not in an attribute: attribute strings are stored as UTF-8, which cannot hold the lone half.
        var json = "{\"child\":\n {\"name\": \"A" + '\ud800' + "B\"}}";
        var diagnostic = AnswersDocument.Parse(json).Diagnostics.Single();
        Assert.That((diagnostic.Line, diagnostic.Column), Is.EqualTo((2, 13)));
        Assert.That(diagnostic.Message, Does.Contain("broken character").And.Contain("U+D800"));
    }

    [Test]
    public void A_pair_of_surrogates_is_one_character_and_reads_as_it_was_written()
    {
        var result = AnswersDocument.Parse("{\"child\": {\"name\": \"Zo\\ud83d\\ude00 \ud83d\ude00\"}}");
        Assert.That(result.Success, Is.True, string.Join("\n", result.Diagnostics));
        Assert.That(result.Answers!["child"]!["name"]!.GetValue<string>(), Is.EqualTo("Zo\ud83d\ude00 \ud83d\ude00"));
    }

    [Test]
    public void The_same_key_in_different_objects_is_not_a_duplicate()
    {
        var result = AnswersDocument.Parse("{\"household\": {\"members\": [{\"name\": \"A\"}, {\"name\": \"B\"}]}, \"child\": {\"name\": \"C\"}}");
        Assert.That(result.Success, Is.True, string.Join("\n", result.Diagnostics));
    }

    [TestCase("id: t\nsections:\n  - id: s\n    questions:\n      - { id: q }\n", "This question has no `type`.")]
    [TestCase("id: t\nsections:\n  - title: S\n", "This section has no `id`.")]
    [TestCase("title: T\nsections: []\n", "The template has no `id`.")]
    public void A_missing_key_is_named_in_a_sentence_that_reads(string yaml, string message)
    {
        var messages = FormTemplate.LoadFromText(yaml).Diagnostics.Select(d => d.Message);
        Assert.That(messages, Does.Contain(message));
    }

    [Test]
    public void Answers_nested_too_deeply_get_a_diagnostic()
    {
        var json = "{\"a\":" + new string('[', 10_000) + new string(']', 10_000) + "}";
        Assert.That(AnswersDocument.Parse(json).Success, Is.False);
    }
}
