using FormEngine.Rules;

namespace FormEngine.Fuzz.Targets;

/// <summary>
/// The rules language: tokenizer, parser, printer, checker and compiler. <see cref="Rule.Parse"/> and
/// <see cref="Rule.TryCompile"/> promise never to throw for any rule text, and <see cref="Rule.Print"/>
/// promises text that parses back to the same tree.
/// </summary>
internal sealed class RuleTarget : IFuzzTarget
{
    // The questions of a small assessment, with every type the language has (the same paths as the
    // rules tests' template, so the seed cases resolve).
    private static readonly RuleSymbol Members = new(11, "household.members", RuleType.Group, label: "People in the household");
    private static readonly RuleSymbol MemberChildren = new(16, "household.members.children", RuleType.Group, Members);

    private static readonly SymbolTable Symbols = new(
    [
        new(0, "child.name", RuleType.Text, label: "Child's name"),
        new(1, "child.dob", RuleType.Date, label: "Child's date of birth"),
        new(2, "child.has_disability", RuleType.Text, label: "Does the child have a disability?"),
        new(3, "child.age", RuleType.Number),
        new(4, "child.weight", RuleType.Number),
        new(5, "child.at_school", RuleType.Boolean, label: "Is the child at school?"),
        new(6, "child.postcode", RuleType.Text),
        new(7, "disability.types", RuleType.ListOf(RuleType.Text), label: "Type of disability"),
        new(8, "sdq.q1", RuleType.Number),
        new(9, "sdq.q2", RuleType.Number),
        new(10, "sdq.q7", RuleType.Number),
        Members,
        new(12, "household.members.age", RuleType.Number, Members, "Age"),
        new(13, "household.members.name", RuleType.Text, Members, "Name"),
        new(14, "household.members.dob", RuleType.Date, Members),
        new(15, "household.members.is_carer", RuleType.Boolean, Members),
        MemberChildren,
        new(17, "household.members.children.age", RuleType.Number, MemberChildren),
        new(18, "referral.date", RuleType.Date, label: "Date of referral"),
        new(19, "assessment.start", RuleType.Date),
        new(20, "assessment.notes", RuleType.Text),
    ]);

    // Where rules are written: a show_if at the top level, a calculation, and a rule inside nested repeats.
    private static readonly RuleCompileOptions[] Contexts =
    [
        new(),
        new() { ExpectedType = RuleType.Boolean },
        new() { ExpectedType = RuleType.Number, Scope = Members },
        new() { ExpectedType = RuleType.Boolean, Scope = MemberChildren },
    ];

    public string Name => "rules";

    public void Prepare()
    {
    }

    public void Run(string input)
    {
        var parsed = Rule.Parse(input);
        if (parsed.Syntax is { } syntax)
        {
            CheckRoundTrip(input, syntax);
        }

        foreach (var options in Contexts)
        {
            var compiled = Rule.TryCompile(input, Symbols, options);
            if (compiled.Rule is { } rule)
            {
                _ = rule.Describe();
                _ = rule.Describe(new RuleDescriptionOptions { Phrases = RulePhrases.Welsh });
                _ = rule.TextComparisons.Count;
            }
        }
    }

    // Printing is documented to give text that parses back to an equal tree, so printing that text again
    // must give the same text. A difference is a bug even though nothing threw.
    private static void CheckRoundTrip(string input, RuleSyntax syntax)
    {
        var printed = Rule.Print(syntax);
        var reparsed = Rule.Parse(printed);
        if (reparsed.Syntax is null)
        {
            throw new InvalidOperationException($"Rule.Print gave text that does not parse.\ninput:   {input}\nprinted: {printed}\nerrors:  {string.Join("; ", reparsed.Diagnostics)}");
        }

        var reprinted = Rule.Print(reparsed.Syntax);
        if (reprinted != printed)
        {
            throw new InvalidOperationException($"Rule.Print does not round-trip.\ninput:     {input}\nprinted:   {printed}\nreprinted: {reprinted}");
        }
    }

    public IEnumerable<(string Name, string Text)> Seeds(string repoRoot)
    {
        foreach (var file in Corpus.Files(repoRoot, Path.Combine("FormEngine.Rules.Tests", "Cases"), "*.cases"))
        {
            var lineNumber = 0;
            foreach (var line in File.ReadLines(file))
            {
                lineNumber++;
                // `rule ⇶ expected`: the rule is everything before the last arrow.
                var arrow = line.LastIndexOf('⇶');
                if (arrow > 0 && !line.StartsWith('#') && !line.StartsWith('@'))
                {
                    yield return ($"{Path.GetFileNameWithoutExtension(file)}-{lineNumber}", line[..arrow].TrimEnd());
                }
            }
        }
    }

    public IEnumerable<string> DictionaryWords(string repoRoot) =>
    [
        " and ", " or ", "not ", " in ", "true", "false", "null", "=", "==", "!=", "<>", "<", "<=", ">", ">=",
        "+", "-", "*", "/", "(", ")", "[", "]", ",", ".", "'", "\"", "\\",
        "abs(", "age(", "all(", "answered(", "any(", "ceiling(", "coalesce(", "contains(", "count(", "date(",
        "days_between(", "floor(", "if(", "len(", "lower(", "matches(", "max(", "min(", "number(", "round(",
        "sum(", "today()", "trim(", "upper(", "years_between(",
        "child.name", "child.dob", "child.age", "child.at_school", "disability.types", "household.members",
        "household.members.age", "household.members.children", "age", "children", "referral.date",
        "'2017-03-02'", "1e308", "0.5",
    ];
}
