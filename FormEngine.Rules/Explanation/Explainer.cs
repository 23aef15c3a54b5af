using FormEngine.Rules.Ast;
using FormEngine.Rules.Checking;
using FormEngine.Rules.Compilation;
using FormEngine.Rules.Functions;
using FormEngine.Rules.Runtime;

namespace FormEngine.Rules.Explanation;

/// <summary>
/// Explains a result as a sequence of rewritten rules: the rule as written; with every answer filled in;
/// then, round by round, every part whose inputs are all values replaced by its value, until one value is
/// left. Each part's value comes from compiling that part with the same runtime methods as the rule, so
/// the explanation always ends with the result <see cref="CompiledRule.Evaluate"/> gives.
/// </summary>
internal static class Explainer
{
    public static RuleExplanation Explain(CompiledRule rule, in EvalContext context)
    {
        var root = ExplainNode.Build(rule.Bound, frozen: false);
        var steps = new List<string>();
        AddStep(steps, root);

        foreach (var node in root.Walk())
        {
            if (!node.Frozen && node.Bound is BoundReference { Mode: ReferenceMode.Direct or ReferenceMode.Collect })
            {
                node.Value = Compiler.Compile(node.Bound)(in context);
            }
        }

        AddStep(steps, root);
        while (root.Value is null)
        {
            var ready = root.Walk().Where(n => n.Value is null && !n.Frozen && n.Children.All(c => c.Frozen || c.Value is not null)).ToList();
            if (ready.Count == 0)
            {
                ready.Add(root); // cannot happen (every leaf is a value or frozen), but never loop forever
            }

            foreach (var node in ready)
            {
                node.Value = Compiler.Compile(node.Bound)(in context);
            }

            AddStep(steps, root);
        }

        return new RuleExplanation(root.Value.Value, steps);
    }

    private static void AddStep(List<string> steps, ExplainNode root)
    {
        var text = SyntaxPrinter.Print(root.ToSyntax());
        if (steps.Count == 0 || steps[^1] != text)
        {
            steps.Add(text);
        }
    }

    /// <summary>A node of the rule being rewritten: either still an expression, or replaced by its value.</summary>
    private sealed class ExplainNode
    {
        private ExplainNode(BoundExpression bound, bool frozen, ExplainNode[] children)
        {
            Bound = bound;
            Frozen = frozen;
            Children = children;
            Value = bound is BoundLiteral literal ? literal.Value : null;
        }

        public BoundExpression Bound { get; }

        /// <summary>Part of an any/all condition or a repeat group: evaluated per item, so shown as written.</summary>
        public bool Frozen { get; }

        public ExplainNode[] Children { get; }

        public RuleValue? Value { get; set; }

        public static ExplainNode Build(BoundExpression bound, bool frozen)
        {
            var freezeChildren = frozen || bound is BoundCall { Function.First: FirstArgument.Group };
            var children = bound.Children
                .Select(child => Build(child, freezeChildren || child is BoundReference { Mode: ReferenceMode.GroupItems }))
                .ToArray();
            return new ExplainNode(bound, frozen || bound is BoundReference { Mode: ReferenceMode.GroupItems }, children);
        }

        public IEnumerable<ExplainNode> Walk()
        {
            var stack = new Stack<ExplainNode>();
            stack.Push(this);
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                yield return node;
                if (node.Value is null)
                {
                    for (var i = node.Children.Length - 1; i >= 0; i--)
                    {
                        stack.Push(node.Children[i]);
                    }
                }
            }
        }

        public RuleSyntax ToSyntax()
        {
            if (Value is { } value)
            {
                return new LiteralSyntax(value, Bound.Syntax.Offset, Bound.Syntax.Length);
            }

            return Children.Length == 0
                ? Bound.Syntax
                : SyntaxChildren.With(Bound.Syntax, Children.Select(c => c.ToSyntax()).ToArray());
        }
    }
}
