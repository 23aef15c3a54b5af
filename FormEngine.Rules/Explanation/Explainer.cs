using FormEngine.Rules.Runtime;

namespace FormEngine.Rules.Explanation;

/// <summary>Produces the step-by-step explanation of a rule's result.</summary>
internal static class Explainer
{
    public static RuleExplanation Explain(CompiledRule rule, in EvalContext context) =>
        throw new NotImplementedException();
}
