using FormEngine.Rules.Tests.Support;

namespace FormEngine.Rules.Tests;

/// <summary>Positions and wording of diagnostics beyond what the case file checks.</summary>
public sealed class DiagnosticPositionTests
{
    [Test]
    public void Positions_count_lines_and_columns_in_multi_line_rules()
    {
        var result = Rule.TryCompile("child.age > 5 and\n  child.dobb = null", TestTemplate.Symbols);
        var diagnostic = result.Diagnostics.Single();
        Assert.That((diagnostic.Line, diagnostic.Column, diagnostic.Offset, diagnostic.Length), Is.EqualTo((2, 3, 20, 10)));
    }

    [Test]
    public void Rule_ending_after_an_operator_says_what_was_expected_and_after_what()
    {
        var diagnostic = Rule.Parse("child.age > 5 and").Diagnostics.Single();
        Assert.That(diagnostic.Message, Is.EqualTo("Expected a value after `and`, but the rule ends here."));
        Assert.That(diagnostic.ToString(), Is.EqualTo("1:18: error FER0004: Expected a value after `and`, but the rule ends here."));
    }

    [Test]
    public void Unknown_question_message_names_it_and_suggests_the_nearest()
    {
        var diagnostic = Rule.TryCompile("child.dobb > date('2020-01-01')", TestTemplate.Symbols).Diagnostics.Single();
        Assert.That(diagnostic.Message, Is.EqualTo("Unknown question `child.dobb`."));
        Assert.That(diagnostic.Suggestion, Is.EqualTo("Did you mean `child.dob`?"));
    }

    [Test]
    public void All_type_errors_of_a_rule_are_reported_together()
    {
        var result = Rule.TryCompile("child.dob > 5 or count(child.name) > 1 or child.dobb = 1 or frob(1)", TestTemplate.Symbols);
        Assert.That(result.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "FER0014", "FER0015", "FER0010", "FER0012" }));
    }

    [Test]
    public void An_error_is_reported_once_not_again_by_the_operators_around_it()
    {
        var result = Rule.TryCompile("child.nope + 1 > 5 and not child.nope2", TestTemplate.Symbols);
        Assert.That(result.Diagnostics.Select(d => d.Code), Is.EqualTo(new[] { "FER0010", "FER0010" }));
    }

    [Test]
    public void Repeat_field_outside_its_group_suggests_any_all_or_count()
    {
        var diagnostic = Rule.TryCompile("household.members.age < 5", TestTemplate.Symbols).Diagnostics.Single();
        Assert.That(diagnostic.Suggestion, Does.Contain("any(household.members").And.Contain("count(household.members)"));
    }

    [Test]
    public void Expected_type_mismatch_says_what_the_rule_gives()
    {
        var diagnostic = Rule.TryCompile("child.age", TestTemplate.Symbols, new RuleCompileOptions { ExpectedType = RuleType.Boolean }).Diagnostics.Single();
        Assert.That(diagnostic.Message, Is.EqualTo("This rule must give a yes/no value (it is used as a condition), but it gives a number."));
    }

    [Test]
    public void Unsupported_pattern_explains_why()
    {
        var diagnostic = Rule.TryCompile("matches(child.name, '(a)\\\\1')", TestTemplate.Symbols).Diagnostics.Single();
        Assert.That(diagnostic.Message, Does.Contain("backreferences"));
    }

    [Test]
    public void Keywords_inside_names_stay_names()
    {
        var table = new SymbolTable([new RuleSymbol(0, "android", RuleType.Text), new RuleSymbol(1, "order.notes", RuleType.Text), new RuleSymbol(2, "inner", RuleType.Number)]);
        Assert.That(Rule.TryCompile("android = 'x' or order.notes = 'y' or inner > 1", table).Success, Is.True);
    }

    [Test]
    public void Parse_gives_no_tree_when_there_are_errors_and_a_tree_otherwise()
    {
        Assert.That(Rule.Parse("1 +").Syntax, Is.Null);
        var parsed = Rule.Parse("(1 + 2) * 3");
        Assert.That(parsed.Diagnostics, Is.Empty);
        Assert.That(parsed.Syntax!.ToString(), Is.EqualTo("(1 + 2) * 3"));
        Assert.That(parsed.Syntax.Length, Is.GreaterThan(0));
    }
}
