using FormEngine.Rules.Tests.Support;

namespace FormEngine.Rules.Tests;

/// <summary>Nothing a template author can type may crash the process: every case ends in diagnostics.</summary>
public sealed class HostileInputTests
{
    private static readonly RuleCompileOptions Unlimited = new() { MaxLength = 10_000_000 };

    private static IReadOnlyList<RuleDiagnostic> Errors(string source, RuleCompileOptions? options = null)
    {
        var result = Rule.TryCompile(source, TestTemplate.Symbols, options);
        Assert.That(result.Success, Is.False);
        Assert.That(Rule.Parse(source, options).Diagnostics, Is.Not.Empty.Or.Property("Count").EqualTo(0));
        return result.Diagnostics;
    }

    [Test]
    public void Ten_thousand_nested_parentheses_are_too_deep()
    {
        var source = new string('(', 10_000) + "1" + new string(')', 10_000);
        Assert.That(Errors(source, Unlimited).Select(d => d.Code), Is.EqualTo(new[] { "FER0007" }));
    }

    [Test]
    public void Ten_thousand_nested_lists_are_too_deep()
    {
        var source = new string('[', 10_000) + new string(']', 10_000);
        Assert.That(Errors(source, Unlimited).Select(d => d.Code), Is.EqualTo(new[] { "FER0007" }));
    }

    [Test]
    public void Ten_thousand_nots_are_too_deep()
    {
        var source = string.Concat(Enumerable.Repeat("not ", 10_000)) + "true";
        Assert.That(Errors(source, Unlimited).Select(d => d.Code), Is.EqualTo(new[] { "FER0007" }));
    }

    [Test]
    public void Ten_thousand_unary_minuses_are_too_deep()
    {
        var source = new string('-', 10_000) + "1";
        Assert.That(Errors(source, Unlimited).Select(d => d.Code), Is.EqualTo(new[] { "FER0007" }));
    }

    [Test]
    public void A_long_chain_of_additions_is_too_deep()
    {
        var source = string.Join(" + ", Enumerable.Repeat("1", 20_000));
        Assert.That(Errors(source, Unlimited).Select(d => d.Code), Is.EqualTo(new[] { "FER0007" }));
    }

    [Test]
    public void Nesting_up_to_the_limit_compiles_and_evaluates()
    {
        var source = new string('(', 90) + "1" + new string(')', 90) + " = 1";
        var rule = Rule.Compile(source, TestTemplate.Symbols);
        Assert.That(rule.IsTrue(new FakeData(), new DateOnly(2026, 11, 26)), Is.True);
    }

    [Test]
    public void A_very_high_max_depth_is_capped_so_deep_rules_still_get_a_diagnostic()
    {
        var options = new RuleCompileOptions { MaxLength = 10_000_000, MaxDepth = int.MaxValue };
        var source = string.Concat(Enumerable.Repeat("not ", 100_000)) + "true";
        Assert.That(Errors(source, options).Select(d => d.Code), Is.EqualTo(new[] { "FER0007" }));
        var parens = new string('(', 100_000) + "1" + new string(')', 100_000);
        Assert.That(Errors(parens, options).Select(d => d.Code), Is.EqualTo(new[] { "FER0007" }));
    }

    [Test]
    public void A_one_megabyte_rule_gets_a_length_diagnostic_without_being_parsed()
    {
        var source = "child.age = " + new string('1', 1_048_576);
        var diagnostics = Errors(source);
        Assert.That(diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "FER0006" }));
        Assert.That(diagnostics[0].Message, Does.Contain("10,000"));
    }

    [Test]
    public void Max_length_option_is_respected()
    {
        var options = new RuleCompileOptions { MaxLength = 5 };
        Assert.That(Errors("1 = 1 and true", options)[0].Code, Is.EqualTo("FER0006"));
        Assert.That(Rule.TryCompile("1 = 1", TestTemplate.Symbols, options).Success, Is.True);
    }

    [Test]
    public void Max_depth_option_is_respected()
    {
        var options = new RuleCompileOptions { MaxDepth = 3 };
        Assert.That(Rule.TryCompile("not (1 = 1)", TestTemplate.Symbols, options).Success, Is.True);
        Assert.That(Errors("not not (1 = 1)", options)[0].Code, Is.EqualTo("FER0007"));
        Assert.That(Errors("[[[[1]]]]", options)[0].Code, Is.EqualTo("FER0007"));
    }

    [Test]
    public void Default_limits_are_documented_values()
    {
        var options = new RuleCompileOptions();
        Assert.That((options.MaxLength, options.MaxDepth, options.ExpectedType, options.Scope), Is.EqualTo((10_000, 100, RuleType.Any, (RuleSymbol?)null)));
    }

    [TestCase("child.age\u0000 = 5")]
    [TestCase("child.age = 5\u0007")]
    [TestCase("\u001b[31mchild.age = 5")]
    [TestCase("child.age\u200B = 5")]
    [TestCase("\uFEFFchild.age = 5")]
    public void Control_and_invisible_characters_get_a_diagnostic(string source)
    {
        var diagnostic = Errors(source).First();
        Assert.That(diagnostic.Code, Is.EqualTo("FER0001"));
        Assert.That(diagnostic.Message, Does.Contain("U+"));
    }

    [Test]
    public void A_lone_surrogate_gets_a_diagnostic()
    {
        // Built at run time: attribute strings cannot hold a lone surrogate.
        var source = "child.age = " + (char)0xD800;
        Assert.That(Errors(source).First().Code, Is.EqualTo("FER0001"));
    }

    [Test]
    public void Control_characters_inside_quotes_are_just_text()
    {
        var rule = Rule.Compile("len('a\u0001b') = 3", TestTemplate.Symbols);
        Assert.That(rule.IsTrue(new FakeData(), default), Is.True);
    }

    [TestCase("'never closed")]
    [TestCase("child.name = \"never closed")]
    [TestCase("'")]
    [TestCase("'\\")]
    [TestCase("'abc\\'")]
    public void Unterminated_text_gets_a_diagnostic(string source) =>
        Assert.That(Errors(source).Select(d => d.Code), Does.Contain("FER0002"));

    [TestCase("99999999999999999999999999999999999999999999")]
    [TestCase("child.age > 1" + "000000000000000000000000000000000000000000000000000000")]
    public void Huge_number_literals_get_a_diagnostic(string source) =>
        Assert.That(Errors(source).Select(d => d.Code), Does.Contain("FER0009"));

    [Test]
    public void Unknown_function_with_many_arguments_reports_errors_only()
    {
        var diagnostics = Errors("frobnicate(" + string.Join(", ", Enumerable.Repeat("child.nope", 50)) + ")");
        Assert.That(diagnostics[0].Code, Is.EqualTo("FER0012"));
    }

    [Test]
    public void Catastrophic_pattern_on_a_long_input_returns_promptly()
    {
        var rule = Rule.Compile("matches(child.name, '(a+)+$')", TestTemplate.Symbols);
        var data = new FakeData().Set(TestTemplate.ChildName, RuleValue.FromText(new string('a', 100_000) + "b"));
        Assert.That(rule.IsTrue(data, default), Is.False);
        data.Set(TestTemplate.ChildName, RuleValue.FromText(new string('a', 100_000)));
        Assert.That(rule.IsTrue(data, default), Is.True);
    }

    [Test]
    public void Stray_characters_in_a_row_are_reported_once()
    {
        var diagnostics = Errors("child.age = 5 ### 6");
        Assert.That(diagnostics, Has.Count.EqualTo(1));
        Assert.That(diagnostics[0].Length, Is.EqualTo(3));
    }

    [Test]
    public void Many_stray_characters_give_a_bounded_number_of_diagnostics()
    {
        var source = string.Concat(Enumerable.Repeat("# ", 5_000));
        Assert.That(Errors(source), Has.Count.LessThanOrEqualTo(20));
    }

    [Test]
    public void Compile_throws_one_exception_carrying_every_diagnostic()
    {
        var exception = Assert.Throws<RuleCompileException>(() => Rule.Compile("child.dob > 5 and child.name * 2 = 1", TestTemplate.Symbols));
        Assert.That(exception!.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "FER0014", "FER0014" }));
        Assert.That(exception.Message, Does.Contain("1:11: error FER0014"));
    }
}
