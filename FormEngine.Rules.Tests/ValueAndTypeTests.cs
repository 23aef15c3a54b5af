namespace FormEngine.Rules.Tests;

/// <summary>RuleValue and RuleType: value semantics and the text used in messages and explanations.</summary>
public sealed class ValueAndTypeTests
{
    [Test]
    public void Values_print_in_rule_literal_form()
    {
        Assert.That(RuleValue.FromNumber(9).ToString(), Is.EqualTo("9"));
        Assert.That(RuleValue.FromNumber(2.50m).ToString(), Is.EqualTo("2.5"));
        Assert.That(RuleValue.FromNumber(-0.125m).ToString(), Is.EqualTo("-0.125"));
        Assert.That(RuleValue.FromText("it's").ToString(), Is.EqualTo("'it\\'s'"));
        Assert.That(RuleValue.FromDate(new DateOnly(2017, 3, 2)).ToString(), Is.EqualTo("2017-03-02"));
        Assert.That(RuleValue.True.ToString(), Is.EqualTo("true"));
        Assert.That(RuleValue.False.ToString(), Is.EqualTo("false"));
        Assert.That(RuleValue.Null.ToString(), Is.EqualTo("null"));
        Assert.That(RuleValue.FromList([RuleValue.FromText("MOB"), RuleValue.FromText("COMM")]).ToString(), Is.EqualTo("['MOB', 'COMM']"));
    }

    [Test]
    public void Default_value_is_null_and_null_text_is_null()
    {
        Assert.That(default(RuleValue).IsNull, Is.True);
        Assert.That(default(RuleValue).Kind, Is.EqualTo(RuleTypeKind.Null));
        Assert.That(RuleValue.FromText(null), Is.EqualTo(RuleValue.Null));
    }

    [Test]
    public void Values_compare_by_content()
    {
        Assert.That(RuleValue.FromNumber(2.5m), Is.EqualTo(RuleValue.FromNumber(2.50m)));
        Assert.That(RuleValue.FromNumber(2.5m).GetHashCode(), Is.EqualTo(RuleValue.FromNumber(2.50m).GetHashCode()));
        Assert.That(RuleValue.FromText("a") == RuleValue.FromText("a"), Is.True);
        Assert.That(RuleValue.FromText("a") != RuleValue.FromText("A"), Is.True);
        Assert.That(RuleValue.FromList([RuleValue.True]), Is.EqualTo(RuleValue.FromList([RuleValue.True])));
        Assert.That(RuleValue.FromNumber(1), Is.Not.EqualTo(RuleValue.True));
    }

    [Test]
    public void Reading_a_value_as_the_wrong_kind_throws()
    {
        Assert.Throws<InvalidOperationException>(() => _ = RuleValue.FromText("x").AsNumber);
        Assert.Throws<InvalidOperationException>(() => _ = RuleValue.Null.AsBoolean);
    }

    [Test]
    public void Types_are_described_in_plain_words()
    {
        Assert.That(RuleType.Boolean.ToString(), Is.EqualTo("yes/no"));
        Assert.That(RuleType.Number.ToString(), Is.EqualTo("number"));
        Assert.That(RuleType.Text.ToString(), Is.EqualTo("text"));
        Assert.That(RuleType.Date.ToString(), Is.EqualTo("date"));
        Assert.That(RuleType.ListOf(RuleType.Text).ToString(), Is.EqualTo("list of text"));
        Assert.That(RuleType.Group.ToString(), Is.EqualTo("repeat group"));
        Assert.That(RuleType.Null.ToString(), Is.EqualTo("nothing"));
    }

    [Test]
    public void Types_have_value_semantics()
    {
        Assert.That(RuleType.ListOf(RuleType.Text), Is.EqualTo(RuleType.ListOf(RuleType.Text)));
        Assert.That(RuleType.ListOf(RuleType.Text), Is.Not.EqualTo(RuleType.ListOf(RuleType.Number)));
        Assert.That(RuleType.ListOf(RuleType.Number).Element, Is.EqualTo(RuleType.Number));
        Assert.That(RuleType.Number.Element, Is.Null);
    }

    [Test]
    public void Diagnostic_prints_line_column_severity_code_and_message()
    {
        var diagnostic = new RuleDiagnostic("FER0003", RuleSeverity.Error, "Expected a value.", 4, 1, 5, 1);
        Assert.That(diagnostic.ToString(), Is.EqualTo("1:5: error FER0003: Expected a value."));
    }
}
