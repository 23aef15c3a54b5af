using System.Runtime.CompilerServices;
using FormEngine.Rules.Ast;

namespace FormEngine.Rules.Checking;

/// <summary>Finds the comparisons of answers with text literals in a checked rule.</summary>
internal static class TextComparisons
{
    /// <remarks>
    /// Asked of every rule when a template loads, and most rules compare nothing with text, so the walk allocates
    /// nothing until it finds a comparison. Children are visited in the order they are written, which gives the
    /// comparisons in order of position; they are sorted only if that ever does not hold.
    /// </remarks>
    public static IReadOnlyList<TextComparison> Find(BoundExpression root)
    {
        List<TextComparison>? found = null;
        Walk(root, ref found);
        if (found is null)
        {
            return [];
        }

        for (var i = 1; i < found.Count; i++)
        {
            if (found[i].Offset < found[i - 1].Offset)
            {
                found.Sort((a, b) => a.Offset.CompareTo(b.Offset));
                break;
            }
        }

        return found;
    }

    private static void Walk(BoundExpression node, ref List<TextComparison>? found)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        if (node is BoundBinary binary)
        {
            Collect(binary, ref found);
            Walk(binary.Left, ref found);
            Walk(binary.Right, ref found);
            return;
        }

        if (node is BoundLiteral or BoundReference)
        {
            return;
        }

        foreach (var child in node.Children)
        {
            Walk(child, ref found);
        }
    }

    private static void Collect(BoundBinary binary, ref List<TextComparison>? found)
    {
        switch (binary.Operator)
        {
            case BinaryOperator.Equal or BinaryOperator.NotEqual:
                Pair(binary.Left, binary.Right, ref found);
                Pair(binary.Right, binary.Left, ref found);
                break;
            case BinaryOperator.In or BinaryOperator.NotIn:
                // 'COMM' in disability.types
                Pair(binary.Right, binary.Left, ref found);

                // education.status in ['school', 'college']
                if (binary.Left is BoundReference { Mode: ReferenceMode.Direct } reference && binary.Right is BoundList list)
                {
                    foreach (var item in list.Items)
                    {
                        Add(reference, item, ref found);
                    }
                }

                break;
        }
    }

    private static void Pair(BoundExpression maybeReference, BoundExpression maybeText, ref List<TextComparison>? found)
    {
        if (maybeReference is BoundReference { Mode: ReferenceMode.Direct } reference)
        {
            Add(reference, maybeText, ref found);
        }
    }

    private static void Add(BoundReference reference, BoundExpression maybeText, ref List<TextComparison>? found)
    {
        if (maybeText is BoundLiteral { Value.Kind: RuleTypeKind.Text } literal)
        {
            (found ??= []).Add(new TextComparison(reference.Symbol, literal.Value.AsText, literal.Syntax.Offset, literal.Syntax.Length));
        }
    }
}
