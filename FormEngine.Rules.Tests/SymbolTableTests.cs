using FormEngine.Rules.Tests.Support;

namespace FormEngine.Rules.Tests;

/// <summary>How names in rules resolve to the template's questions.</summary>
public sealed class SymbolTableTests
{
    private static readonly SymbolTable Table = TestTemplate.Symbols;

    [Test]
    public void Full_path_resolves() =>
        Assert.That(Table.Resolve(["child", "dob"], null).Symbol, Is.SameAs(TestTemplate.ChildDob));

    [Test]
    public void Bare_name_unique_in_the_template_resolves() =>
        Assert.That(Table.Resolve(["postcode"], null).Symbol, Is.SameAs(TestTemplate.ChildPostcode));

    [Test]
    public void Bare_name_shared_by_several_questions_is_ambiguous_and_lists_their_paths()
    {
        var lookup = Table.Resolve(["name"], null);
        Assert.That(lookup.Symbol, Is.Null);
        Assert.That(lookup.AmbiguousWith, Is.EquivalentTo(new[] { "child.name", "household.members.name" }));
    }

    [Test]
    public void Inside_a_repeat_group_bare_names_resolve_to_the_groups_fields_first()
    {
        Assert.That(Table.Resolve(["name"], TestTemplate.Members).Symbol, Is.SameAs(TestTemplate.MemberName));
        Assert.That(Table.Resolve(["age"], TestTemplate.Members).Symbol, Is.SameAs(TestTemplate.MemberAge));
    }

    [Test]
    public void Inside_a_nested_group_the_innermost_group_wins_then_outer_groups()
    {
        Assert.That(Table.Resolve(["age"], TestTemplate.MemberChildren).Symbol, Is.SameAs(TestTemplate.MemberChildAge));
        Assert.That(Table.Resolve(["name"], TestTemplate.MemberChildren).Symbol, Is.SameAs(TestTemplate.MemberName));
    }

    [Test]
    public void Inside_a_group_a_path_relative_to_the_group_resolves() =>
        Assert.That(Table.Resolve(["children", "age"], TestTemplate.Members).Symbol, Is.SameAs(TestTemplate.MemberChildAge));

    [Test]
    public void Inside_a_group_other_unique_names_still_resolve() =>
        Assert.That(Table.Resolve(["postcode"], TestTemplate.Members).Symbol, Is.SameAs(TestTemplate.ChildPostcode));

    [Test]
    public void Unknown_name_is_not_found()
    {
        var lookup = Table.Resolve(["child", "dobb"], null);
        Assert.That(lookup.Symbol, Is.Null);
        Assert.That(lookup.AmbiguousWith, Is.Empty);
    }

    [Test]
    public void Matching_is_case_sensitive() =>
        Assert.That(Table.Resolve(["Child", "DOB"], null).Symbol, Is.Null);

    [Test]
    public void Adding_a_path_twice_is_refused()
    {
        var table = new SymbolTable();
        table.Add(new RuleSymbol(0, "a.b", RuleType.Text));
        Assert.Throws<ArgumentException>(() => table.Add(new RuleSymbol(1, "a.b", RuleType.Number)));
        Assert.That(table.Symbols, Has.Count.EqualTo(1));
    }

    [Test]
    public void Suggestion_candidates_include_paths_unique_names_and_scope_fields()
    {
        var candidates = Table.SuggestionCandidates(TestTemplate.Members).ToArray();
        Assert.That(candidates, Does.Contain("child.dob").And.Contain("postcode").And.Contain("age"));
        Assert.That(candidates, Is.Unique);
    }

    [Test]
    public void Symbol_name_is_the_last_segment_of_its_path()
    {
        Assert.That(TestTemplate.MemberAge.Name, Is.EqualTo("age"));
        Assert.That(new RuleSymbol(0, "solo", RuleType.Text).Name, Is.EqualTo("solo"));
    }

    [Test]
    public void A_symbol_can_only_be_inside_a_repeat_group() =>
        Assert.Throws<ArgumentException>(() => new RuleSymbol(0, "a.b", RuleType.Text, TestTemplate.ChildAge));

    [Test]
    public void A_custom_symbol_table_is_used_for_resolution()
    {
        var custom = new OnlyOneQuestion();
        var rule = Rule.Compile("anything.at.all = 'x'", custom);
        Assert.That(rule.References, Is.EqualTo(new[] { OnlyOneQuestion.Question }));
    }

    private sealed class OnlyOneQuestion : ISymbolTable
    {
        public static readonly RuleSymbol Question = new(0, "only.question", RuleType.Text);

        public SymbolLookup Resolve(IReadOnlyList<string> segments, RuleSymbol? scope) => SymbolLookup.Found(Question);

        public IEnumerable<string> SuggestionCandidates(RuleSymbol? scope) => [Question.Path];
    }
}
