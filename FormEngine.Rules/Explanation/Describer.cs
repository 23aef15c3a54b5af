using FormEngine.Rules.Checking;

namespace FormEngine.Rules.Explanation;

/// <summary>Describes a rule in plain English for paper forms.</summary>
internal static class Describer
{
    public static string Describe(BoundExpression bound) => throw new NotImplementedException();
}
