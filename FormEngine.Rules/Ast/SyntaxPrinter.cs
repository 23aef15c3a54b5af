using System.Runtime.CompilerServices;
using System.Text;

namespace FormEngine.Rules.Ast;

/// <summary>
/// Prints a tree as canonical rule text: lower-case keywords and function names, single-quoted text,
/// single spaces around operators, and only the brackets that precedence needs.
/// </summary>
internal static class SyntaxPrinter
{
    public static string Print(RuleSyntax node)
    {
        var builder = new StringBuilder();
        Write(builder, node);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, RuleSyntax node)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (node)
        {
            case LiteralSyntax literal:
                builder.Append(literal.Value.ToString());
                break;
            case ReferenceSyntax reference:
                builder.Append(reference.Path);
                break;
            case ListSyntax list:
                builder.Append('[');
                WriteSeparated(builder, list.Items);
                builder.Append(']');
                break;
            case CallSyntax call:
                builder.Append(call.Name).Append('(');
                WriteSeparated(builder, call.Arguments);
                builder.Append(')');
                break;
            case UnarySyntax unary:
                builder.Append(unary.Operator == UnaryOperator.Not ? "not " : "-");
                WriteOperand(builder, unary.Operand, Precedence.Of(unary.Operand) < Precedence.Of(unary.Operator));
                break;
            case BinarySyntax binary:
                var precedence = Precedence.Of(binary.Operator);
                var left = Precedence.Of(binary.Left);
                var right = Precedence.Of(binary.Right);
                var nonAssociative = precedence == Precedence.Comparison;
                WriteOperand(builder, binary.Left, left < precedence || (nonAssociative && left == precedence));
                builder.Append(' ').Append(Precedence.Text(binary.Operator)).Append(' ');
                WriteOperand(builder, binary.Right, right <= precedence);
                break;
            default:
                throw new InvalidOperationException($"Unknown syntax node {node.GetType().Name}.");
        }
    }

    private static void WriteOperand(StringBuilder builder, RuleSyntax operand, bool parenthesize)
    {
        if (parenthesize)
        {
            builder.Append('(');
        }

        Write(builder, operand);
        if (parenthesize)
        {
            builder.Append(')');
        }
    }

    private static void WriteSeparated(StringBuilder builder, IReadOnlyList<RuleSyntax> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            Write(builder, items[i]);
        }
    }
}
