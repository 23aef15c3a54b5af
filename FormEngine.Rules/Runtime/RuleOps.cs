namespace FormEngine.Rules.Runtime;

/// <summary>The semantics of the operators, shared by compiled rules and explanations.</summary>
internal static class RuleOps
{
    /// <summary>A condition holds only for the yes/no value true; null counts as false.</summary>
    public static bool IsTrue(RuleValue value) => value.Kind == RuleTypeKind.Boolean && value.AsBoolean;
}
