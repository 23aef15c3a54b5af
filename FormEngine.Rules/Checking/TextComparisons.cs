using FormEngine.Rules.Ast;

namespace FormEngine.Rules.Checking;

/// <summary>Finds the comparisons of answers with text literals in a checked rule.</summary>
internal static class TextComparisons
{
    public static IReadOnlyList<TextComparison> Find(BoundExpression root)
    {
        var found = new List<TextComparison>();
        var pending = new Stack<BoundExpression>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node is BoundBinary binary)
            {
                Collect(binary, found);
            }

            foreach (var child in node.Children)
            {
                pending.Push(child);
            }
        }

        return [.. found.OrderBy(c => c.Offset)];
    }

    private static void Collect(BoundBinary binary, List<TextComparison> found)
    {
        switch (binary.Operator)
        {
            case BinaryOperator.Equal or BinaryOperator.NotEqual:
                Pair(binary.Left, binary.Right, found);
                Pair(binary.Right, binary.Left, found);
                break;
            case BinaryOperator.In or BinaryOperator.NotIn:
                // 'COMM' in disability.types
                Pair(binary.Right, binary.Left, found);

                // education.status in ['school', 'college']
                if (binary.Left is BoundReference { Mode: ReferenceMode.Direct } reference && binary.Right is BoundList list)
                {
                    foreach (var item in list.Items)
                    {
                        Add(reference, item, found);
                    }
                }

                break;
        }
    }

    private static void Pair(BoundExpression maybeReference, BoundExpression maybeText, List<TextComparison> found)
    {
        if (maybeReference is BoundReference { Mode: ReferenceMode.Direct } reference)
        {
            Add(reference, maybeText, found);
        }
    }

    private static void Add(BoundReference reference, BoundExpression maybeText, List<TextComparison> found)
    {
        if (maybeText is BoundLiteral { Value.Kind: RuleTypeKind.Text } literal)
        {
            found.Add(new TextComparison(reference.Symbol, literal.Value.AsText, literal.Syntax.Offset, literal.Syntax.Length));
        }
    }
}
