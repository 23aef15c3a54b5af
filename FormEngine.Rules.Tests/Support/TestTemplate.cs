namespace FormEngine.Rules.Tests.Support;

/// <summary>The questions of a small assessment template that the tests write rules against.</summary>
internal static class TestTemplate
{
    public static readonly RuleSymbol ChildName = new(0, "child.name", RuleType.Text, label: "Child's name");
    public static readonly RuleSymbol ChildDob = new(1, "child.dob", RuleType.Date, label: "Child's date of birth");
    public static readonly RuleSymbol ChildHasDisability = new(2, "child.has_disability", RuleType.Text, label: "Does the child have a disability?") { Choices = ["yes", "no"] };
    public static readonly RuleSymbol ChildAge = new(3, "child.age", RuleType.Number);
    public static readonly RuleSymbol ChildWeight = new(4, "child.weight", RuleType.Number);
    public static readonly RuleSymbol ChildAtSchool = new(5, "child.at_school", RuleType.Boolean, label: "Is the child at school?");
    public static readonly RuleSymbol ChildPostcode = new(6, "child.postcode", RuleType.Text);
    public static readonly RuleSymbol DisabilityTypes = new(7, "disability.types", RuleType.ListOf(RuleType.Text), label: "Type of disability") { Choices = ["MOB", "COMM"] };
    public static readonly RuleSymbol Q1 = new(8, "sdq.q1", RuleType.Number);
    public static readonly RuleSymbol Q2 = new(9, "sdq.q2", RuleType.Number);
    public static readonly RuleSymbol Q7 = new(10, "sdq.q7", RuleType.Number);
    public static readonly RuleSymbol Members = new(11, "household.members", RuleType.Group, label: "People in the household");
    public static readonly RuleSymbol MemberAge = new(12, "household.members.age", RuleType.Number, Members, "Age");
    public static readonly RuleSymbol MemberName = new(13, "household.members.name", RuleType.Text, Members, "Name");
    public static readonly RuleSymbol MemberDob = new(14, "household.members.dob", RuleType.Date, Members);
    public static readonly RuleSymbol MemberIsCarer = new(15, "household.members.is_carer", RuleType.Boolean, Members);
    public static readonly RuleSymbol MemberChildren = new(16, "household.members.children", RuleType.Group, Members);
    public static readonly RuleSymbol MemberChildAge = new(17, "household.members.children.age", RuleType.Number, MemberChildren);
    public static readonly RuleSymbol ReferralDate = new(18, "referral.date", RuleType.Date, label: "Date of referral");
    public static readonly RuleSymbol AssessmentStart = new(19, "assessment.start", RuleType.Date);
    public static readonly RuleSymbol Notes = new(20, "assessment.notes", RuleType.Text);

    public static SymbolTable Symbols { get; } = new(
    [
        ChildName, ChildDob, ChildHasDisability, ChildAge, ChildWeight, ChildAtSchool, ChildPostcode, DisabilityTypes,
        Q1, Q2, Q7, Members, MemberAge, MemberName, MemberDob, MemberIsCarer, MemberChildren, MemberChildAge,
        ReferralDate, AssessmentStart, Notes,
    ]);

    public static RuleSymbol Find(string path) =>
        Symbols.Symbols.SingleOrDefault(s => s.Path == path) ?? throw new ArgumentException($"No test symbol {path}.");
}
