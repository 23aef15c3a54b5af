namespace FormEngine.Rules.Tests.Support;

/// <summary>Turns rule-literal text from a case file (<c>5</c>, <c>'yes'</c>, <c>date('2017-03-02')</c>, <c>['MOB']</c>) into a value, using the rules language itself.</summary>
internal static class Literal
{
    private static readonly FakeData NoAnswers = new();

    public static RuleValue Parse(string text) =>
        Rule.Compile(text.Trim(), new SymbolTable()).Evaluate(NoAnswers, new DateOnly(2000, 1, 1));
}
