using System.Runtime.CompilerServices;
using FormEngine.Rules.Checking;
using FormEngine.Rules.Runtime;

namespace FormEngine.Rules.Compilation;

/// <summary>
/// Turns a checked tree into nested closures, each calling one static runtime method. Building closures
/// takes microseconds (no Expression.Compile), and evaluating them allocates nothing for scalar rules.
/// </summary>
internal static class Compiler
{
    /// <summary>
    /// Builds a rule's closures. A yes/no rule also gets a condition closure (see <see cref="ConditionCompiler"/>),
    /// which <see cref="CompiledRule.IsTrue"/> uses; when the rule can never be null (its top is a logical
    /// operator or a comparison), evaluating it goes through the condition as well.
    /// </summary>
    public static CompiledRule Build(string source, BoundExpression bound, RuleCompileOptions options, IReadOnlyList<RuleSymbol> references, bool readsToday)
    {
        var scope = options.Scope;
        if (bound.Type.Kind != RuleTypeKind.Boolean)
        {
            return new(source, bound, Compile(bound), null, scope, references, readsToday, options);
        }

        var condition = ConditionCompiler.Compile(bound);
        var evaluator = ConditionCompiler.NeverNull(bound)
            ? (in EvalContext context) => RuleValue.FromBoolean(condition(in context))
            : Compile(bound);
        return new(source, bound, evaluator, condition, scope, references, readsToday, options);
    }

    public static Evaluator Compile(BoundExpression node)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (node)
        {
            case BoundLiteral literal:
                return Constant(literal.Value);
            case BoundList list:
                return CompileList(list);
            case BoundReference reference:
                return CompileReference(reference);
            case BoundUnary unary:
                return OperatorCompiler.Compile(unary, Compile(unary.Operand));
            case BoundBinary binary:
                return OperatorCompiler.Compile(binary, Compile(binary.Left), Compile(binary.Right));
            case BoundCall call:
                return call.Function.Compile.Closure(call);
            default:
                throw new InvalidOperationException($"Cannot compile {node.GetType().Name}; rules with errors are never compiled.");
        }
    }

    public static Evaluator Constant(RuleValue value) => (in EvalContext _) => value;

    /// <summary>The value of a literal or of a written list of literals, known before any answer is read.</summary>
    public static bool TryGetConstant(BoundExpression node, out RuleValue value)
    {
        switch (node)
        {
            case BoundLiteral literal:
                value = literal.Value;
                return true;
            case BoundList list when list.Items.All(item => item is BoundLiteral):
                value = ConstantList(list);
                return true;
            default:
                value = RuleValue.Null;
                return false;
        }
    }

    private static RuleValue ConstantList(BoundList list) =>
        RuleValue.FromList(list.Items.Select(item => ((BoundLiteral)item).Value).ToArray());

    private static Evaluator CompileList(BoundList list)
    {
        if (list.Items.All(item => item is BoundLiteral))
        {
            // A written list of constants, e.g. ['MOB', 'COMM'], is built once: `x in [...]` then allocates nothing.
            return Constant(ConstantList(list));
        }

        var items = list.Items.Select(Compile).ToArray();
        return (in EvalContext context) =>
        {
            var values = new RuleValue[items.Length];
            for (var i = 0; i < items.Length; i++)
            {
                values[i] = items[i](in context);
            }

            return RuleValue.FromList(values);
        };
    }

    private static Evaluator CompileReference(BoundReference reference)
    {
        var symbol = reference.Symbol;
        var chain = reference.Chain;
        var fixedDepth = reference.FixedDepth;
        return reference.Mode switch
        {
            ReferenceMode.Direct => (in EvalContext context) => context.Data.GetValue(symbol, context.Indexes[..fixedDepth]),
            ReferenceMode.Collect => (in EvalContext context) => RepeatWalker.Collect(in context, chain, fixedDepth, symbol),

            // A group is only read through count/any/all, which walk it themselves.
            _ => (in EvalContext _) => RuleValue.Null,
        };
    }
}
