using FormEngine.Rules.Tests.Support;

namespace FormEngine.Rules.Tests;

/// <summary>Descriptions put rules into plain English for paper forms, using labels where known.</summary>
public sealed class DescribeTests
{
    [TestCase("child.has_disability = 'yes'", "'Does the child have a disability?' is 'yes'")]
    [TestCase("child.age >= 5 and child.age < 11", "child.age is at least 5 and child.age is less than 11")]
    [TestCase("child.at_school or child.age > 16", "'Is the child at school?' or child.age is more than 16")]
    [TestCase("'COMM' in disability.types", "'Type of disability' includes 'COMM'")]
    [TestCase("child.has_disability in ['yes', 'unsure']", "'Does the child have a disability?' is one of 'yes', 'unsure'")]
    [TestCase("answered(child.dob)", "'Child's date of birth' is answered")]
    [TestCase("child.dob = null", "'Child's date of birth' is not answered")]
    [TestCase("not (child.age > 5 or child.age < 2)", "it is not the case that (child.age is more than 5 or child.age is less than 2)")]
    [TestCase("age(child.dob) < 5", "the age in years from 'Child's date of birth' is less than 5")]
    [TestCase("any(household.members, age < 5)", "any of 'People in the household' has 'Age' is less than 5")]
    [TestCase("count(household.members) > 2", "the number of 'People in the household' is more than 2")]
    [TestCase("referral.date < date('2024-01-31')", "'Date of referral' is less than 2024-01-31")]
    public void Rule_is_described_in_plain_english(string source, string expected) =>
        Assert.That(Rule.Compile(source, TestTemplate.Symbols).Describe(), Is.EqualTo(expected));
}
