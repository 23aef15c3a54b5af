namespace FormEngine.Rules.Ast;

/// <summary>Measures tree depth with an explicit stack, so even a pathological tree cannot overflow.</summary>
internal static class SyntaxDepth
{
    /// <summary>The first node (in pre-order) that lies deeper than <paramref name="maxDepth"/>, or null.</summary>
    public static RuleSyntax? FirstTooDeep(RuleSyntax root, int maxDepth)
    {
        var stack = new Stack<(RuleSyntax Node, int Depth)>();
        stack.Push((root, 1));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (depth > maxDepth)
            {
                return node;
            }

            var children = SyntaxChildren.Of(node);
            for (var i = children.Count - 1; i >= 0; i--)
            {
                stack.Push((children[i], depth + 1));
            }
        }

        return null;
    }
}
