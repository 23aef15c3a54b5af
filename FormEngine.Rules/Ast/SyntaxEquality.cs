namespace FormEngine.Rules.Ast;

/// <summary>Structural equality of trees, ignoring positions; used by the round-trip tests.</summary>
internal static class SyntaxEquality
{
    public static bool AreEqual(RuleSyntax a, RuleSyntax b)
    {
        var stack = new Stack<(RuleSyntax, RuleSyntax)>();
        stack.Push((a, b));
        while (stack.Count > 0)
        {
            var (x, y) = stack.Pop();
            var same = (x, y) switch
            {
                (LiteralSyntax l, LiteralSyntax r) => l.Value.Equals(r.Value),
                (ReferenceSyntax l, ReferenceSyntax r) => l.Segments.SequenceEqual(r.Segments, StringComparer.Ordinal),
                (ListSyntax, ListSyntax) => true,
                (CallSyntax l, CallSyntax r) => l.Name == r.Name,
                (UnarySyntax l, UnarySyntax r) => l.Operator == r.Operator,
                (BinarySyntax l, BinarySyntax r) => l.Operator == r.Operator,
                _ => false,
            };
            if (!same)
            {
                return false;
            }

            var xs = SyntaxChildren.Of(x);
            var ys = SyntaxChildren.Of(y);
            if (xs.Count != ys.Count)
            {
                return false;
            }

            for (var i = 0; i < xs.Count; i++)
            {
                stack.Push((xs[i], ys[i]));
            }
        }

        return true;
    }
}
