using DynamicExpresso;
using FormEngine.Rules;
using NCalc;

namespace FormEngine.Benchmarks.Workloads;

/// <summary>
/// One rule of the kind template authors write, with the same condition written for each peer and the
/// answers each peer reads. Every peer gets its own best practice: NCalc a reused <c>Expression</c> with
/// its parameters set, DynamicExpresso a compiled typed delegate called with the answers as arguments,
/// Jint a prepared script run on an engine whose variables already hold the answers.
/// </summary>
public sealed class RuleCase
{
    public required string Name { get; init; }

    public required string FormEngine { get; init; }

    public required string NCalc { get; init; }

    public required string DynamicExpresso { get; init; }

    public required string JavaScript { get; init; }

    /// <summary>Compiles <see cref="DynamicExpresso"/> to a typed delegate and binds it to the answers.</summary>
    public required Func<Interpreter, Func<bool>> BindDynamicExpresso { get; init; }

    /// <summary>The result every peer must give for the benchmark's answers.</summary>
    public required bool Expected { get; init; }

    public override string ToString() => Name;
}

/// <summary>The questions, answers and rules shared by the rule benchmarks.</summary>
public static class RuleCases
{
    public static readonly DateOnly Today = new(2026, 4, 1);

    // The answers: a three-year-old disabled child, not in care, primary need N2, four people at home.
    private const decimal Age = 3m;
    private const string Disabled = "yes";
    private const string InCare = "no";
    private const string Need = "N2";
    private static readonly string[] Disabilities = ["MOB", "COMM"];
    private static readonly DateOnly Referral = new(2026, 1, 5);
    private static readonly DateOnly Start = new(2026, 3, 20);
    private static readonly decimal[] MemberAges = [34m, 36m, 3m, 7m];
    private static readonly string[] NeedCodes = ["N1", "N2", "N3", "N4"];

    public static readonly RuleSymbol ChildAge = new(0, "child.age", RuleType.Number);
    public static readonly RuleSymbol ChildDisabled = new(1, "child.disabled", RuleType.Text);
    public static readonly RuleSymbol ChildInCare = new(2, "child.in_care", RuleType.Text);
    public static readonly RuleSymbol ChildNeed = new(3, "child.need", RuleType.Text);
    public static readonly RuleSymbol ChildDisabilities = new(4, "child.disabilities", RuleType.ListOf(RuleType.Text));
    public static readonly RuleSymbol ReferralDate = new(5, "referral.date", RuleType.Date);
    public static readonly RuleSymbol AssessmentStart = new(6, "assessment.start", RuleType.Date);
    public static readonly RuleSymbol Members = new(7, "household.members", RuleType.Group);
    public static readonly RuleSymbol MemberAge = new(8, "household.members.age", RuleType.Number, Members);

    public static readonly SymbolTable Symbols = new([ChildAge, ChildDisabled, ChildInCare, ChildNeed, ChildDisabilities, ReferralDate, AssessmentStart, Members, MemberAge]);

    public static readonly RuleCompileOptions CompileOptions = new() { ExpectedType = RuleType.Boolean };

    public static IReadOnlyList<RuleCase> All { get; } =
    [
        new RuleCase
        {
            Name = "comparison",
            FormEngine = "child.age < 5 and child.disabled = 'yes'",
            NCalc = "[age] < 5 and [disabled] = 'yes'",
            DynamicExpresso = "age < 5 && disabled == \"yes\"",
            JavaScript = "age < 5 && disabled === 'yes'",
            BindDynamicExpresso = i =>
            {
                var f = i.ParseAsDelegate<Func<decimal, string, bool>>("age < 5 && disabled == \"yes\"", "age", "disabled");
                return () => f(Age, Disabled);
            },
            Expected = true,
        },
        new RuleCase
        {
            Name = "and_or_chain",
            FormEngine = "(child.age >= 5 and child.age < 16) or child.in_care = 'yes' or (child.disabled = 'yes' and child.need != 'N0')",
            NCalc = "([age] >= 5 and [age] < 16) or [in_care] = 'yes' or ([disabled] = 'yes' and [need] != 'N0')",
            DynamicExpresso = "(age >= 5 && age < 16) || inCare == \"yes\" || (disabled == \"yes\" && need != \"N0\")",
            JavaScript = "(age >= 5 && age < 16) || in_care === 'yes' || (disabled === 'yes' && need !== 'N0')",
            BindDynamicExpresso = i =>
            {
                var f = i.ParseAsDelegate<Func<decimal, string, string, string, bool>>(
                    "(age >= 5 && age < 16) || inCare == \"yes\" || (disabled == \"yes\" && need != \"N0\")", "age", "inCare", "disabled", "need");
                return () => f(Age, InCare, Disabled, Need);
            },
            Expected = true,
        },
        new RuleCase
        {
            Name = "in_list",
            FormEngine = "child.need in ['N1', 'N2', 'N3', 'N4']",
            NCalc = "[need] in ('N1', 'N2', 'N3', 'N4')",
            // DynamicExpresso has no list literal: the list is a parameter built once, as a host would do.
            DynamicExpresso = "codes.Contains(need)",
            JavaScript = "['N1', 'N2', 'N3', 'N4'].includes(need)",
            BindDynamicExpresso = i =>
            {
                var f = i.ParseAsDelegate<Func<string[], string, bool>>("codes.Contains(need)", "codes", "need");
                return () => f(NeedCodes, Need);
            },
            Expected = true,
        },
        new RuleCase
        {
            Name = "in_multichoice",
            FormEngine = "'COMM' in child.disabilities or 'AUT' in child.disabilities",
            NCalc = "'COMM' in [disabilities] or 'AUT' in [disabilities]",
            DynamicExpresso = "disabilities.Contains(\"COMM\") || disabilities.Contains(\"AUT\")",
            JavaScript = "disabilities.includes('COMM') || disabilities.includes('AUT')",
            BindDynamicExpresso = i =>
            {
                var f = i.ParseAsDelegate<Func<string[], bool>>("disabilities.Contains(\"COMM\") || disabilities.Contains(\"AUT\")", "disabilities");
                return () => f(Disabilities);
            },
            Expected = true,
        },
        new RuleCase
        {
            Name = "date_arithmetic",
            FormEngine = "assessment.start > referral.date + 45 and assessment.start <= today()",
            NCalc = "[start] > addDays([referral], 45) and [start] <= [today]",
            DynamicExpresso = "start > referral.AddDays(45) && start <= today",
            JavaScript = "(start - referral) / 864e5 > 45 && start <= today",
            BindDynamicExpresso = i =>
            {
                var f = i.ParseAsDelegate<Func<DateOnly, DateOnly, DateOnly, bool>>("start > referral.AddDays(45) && start <= today", "start", "referral", "today");
                return () => f(Start, Referral, Today);
            },
            Expected = true,
        },
        new RuleCase
        {
            Name = "repeat_count",
            FormEngine = "count(household.members) >= 3 and any(household.members, age < 5)",
            // NCalc has no lambdas: aggregates over a list are host functions, as its documentation suggests.
            NCalc = "count([ages]) >= 3 and minimum([ages]) < 5",
            DynamicExpresso = "ages.Length >= 3 && ages.Any(a => a < 5)",
            JavaScript = "ages.length >= 3 && ages.some(a => a < 5)",
            BindDynamicExpresso = i =>
            {
                var f = i.ParseAsDelegate<Func<decimal[], bool>>("ages.Length >= 3 && ages.Any(a => a < 5)", "ages");
                return () => f(MemberAges);
            },
            Expected = true,
        },
    ];

    public static RuleCase Find(string name) => All.Single(c => c.Name == name);

    /// <summary>The answers as FormEngine reads them.</summary>
    public static RuleData CreateFormEngineData()
    {
        var data = new RuleData(9);
        data.Set(ChildAge, RuleValue.FromNumber(Age));
        data.Set(ChildDisabled, RuleValue.FromText(Disabled));
        data.Set(ChildInCare, RuleValue.FromText(InCare));
        data.Set(ChildNeed, RuleValue.FromText(Need));
        // A List<RuleValue>, as the engine's answer converter builds a multiple-choice answer.
        data.Set(ChildDisabilities, RuleValue.FromList(Disabilities.Select(RuleValue.FromText).ToList()));
        data.Set(ReferralDate, RuleValue.FromDate(Referral));
        data.Set(AssessmentStart, RuleValue.FromDate(Start));
        data.SetItems(MemberAge, [.. MemberAges.Select(RuleValue.FromNumber)]);
        return data;
    }

    /// <summary>An NCalc expression with the answers and the host functions the rules use.</summary>
    public static Expression CreateNCalc(string text, ExpressionOptions options = ExpressionOptions.None)
    {
        var expression = new Expression(text, options);
        expression.Parameters["age"] = Age;
        expression.Parameters["disabled"] = Disabled;
        expression.Parameters["in_care"] = InCare;
        expression.Parameters["need"] = Need;
        expression.Parameters["disabilities"] = Disabilities;
        expression.Parameters["referral"] = Referral.ToDateTime(TimeOnly.MinValue);
        expression.Parameters["start"] = Start.ToDateTime(TimeOnly.MinValue);
        expression.Parameters["today"] = Today.ToDateTime(TimeOnly.MinValue);
        expression.Parameters["ages"] = MemberAges;
        expression.Functions["addDays"] = args => ((DateTime)args.Evaluate(0)!).AddDays(Convert.ToDouble(args.Evaluate(1)));
        expression.Functions["count"] = args => ((decimal[])args.Evaluate(0)!).Length;
        expression.Functions["minimum"] = args => ((decimal[])args.Evaluate(0)!).Min();
        return expression;
    }

    /// <summary>A Jint engine whose global variables hold the answers.</summary>
    public static Jint.Engine CreateJint()
    {
        var engine = new Jint.Engine();
        engine.Execute(
            """
            var age = 3, disabled = 'yes', in_care = 'no', need = 'N2';
            var disabilities = ['MOB', 'COMM'];
            var referral = new Date(2026, 0, 5), start = new Date(2026, 2, 20), today = new Date(2026, 3, 1);
            var ages = [34, 36, 3, 7];
            """);
        return engine;
    }

    /// <summary>An interpreter set up once and reused, as DynamicExpresso recommends.</summary>
    public static Interpreter CreateInterpreter() => new(InterpreterOptions.Default | InterpreterOptions.LambdaExpressions);
}
