using System.Globalization;
using System.Runtime.CompilerServices;
using FormEngine.Rules.Ast;
using FormEngine.Rules.Checking;

namespace FormEngine.Rules.Explanation;

/// <summary>
/// Describes a rule in words for paper forms, e.g. <c>'Does the child have a disability?' is 'Yes'</c>.
/// Questions appear by label when there is one, otherwise by path; a choice value compared with a
/// question appears by its label. A call reads in the words its function's definition gives it, or as
/// written when it has none.
/// </summary>
internal sealed class Describer(RuleDescriptionOptions options)
{
    private readonly RulePhrases _phrases = options.Phrases;

    public static string Describe(BoundExpression node, RuleDescriptionOptions options) => new Describer(options).Describe(node);

    private string Describe(BoundExpression node)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        return node switch
        {
            BoundLiteral literal => literal.Value.ToString(),
            BoundReference reference => Name(reference.Symbol),
            BoundList list => list.Items.Count == 0 ? _phrases.NoOptions : string.Join(", ", list.Items.Select(Describe)),
            BoundUnary { Operator: UnaryOperator.Not } unary => Phrase(_phrases.Not, Grouped(unary.Operand)),
            BoundUnary unary => Phrase(_phrases.Negate, Grouped(unary.Operand)),
            BoundBinary binary => DescribeBinary(binary),
            BoundCall call => DescribeCall(call),
            _ => SyntaxPrinter.Print(node.Syntax),
        };
    }

    private static string Phrase(string format, params object[] parts) => string.Format(CultureInfo.InvariantCulture, format, parts);

    private string Name(RuleSymbol symbol)
    {
        var label = options.Label?.Invoke(symbol) ?? symbol.Label;
        return string.IsNullOrWhiteSpace(label) ? symbol.Path : "'" + label + "'";
    }

    /// <summary>Wraps compound parts in brackets so "a and (b or c)" stays unambiguous.</summary>
    private string Grouped(BoundExpression node) =>
        node is BoundBinary { Operator: BinaryOperator.And or BinaryOperator.Or } ? "(" + Describe(node) + ")" : Describe(node);

    /// <summary>A text literal compared with a choice question reads as the choice's label.</summary>
    private string Value(BoundExpression node, RuleSymbol? question)
    {
        if (question is not null && options.ChoiceLabel is { } choiceLabel)
        {
            switch (node)
            {
                case BoundLiteral { Value.Kind: RuleTypeKind.Text } literal when choiceLabel(question, literal.Value.AsText) is { } label:
                    return "'" + label + "'";
                case BoundList list when list.Items.Count > 0:
                    return string.Join(", ", list.Items.Select(item => Value(item, question)));
            }
        }

        return Grouped(node);
    }

    private string DescribeBinary(BoundBinary binary)
    {
        var leftQuestion = (binary.Left as BoundReference)?.Symbol;
        var rightQuestion = (binary.Right as BoundReference)?.Symbol;
        var left = binary.Operator is BinaryOperator.And or BinaryOperator.Or && binary.Left is BoundBinary { Operator: var lo } && lo == binary.Operator
            ? Describe(binary.Left)
            : Value(binary.Left, rightQuestion);
        var right = Value(binary.Right, leftQuestion);
        var isNull = binary.Right is BoundLiteral { Value.IsNull: true };
        var format = binary.Operator switch
        {
            BinaryOperator.And => _phrases.And,
            BinaryOperator.Or => _phrases.Or,
            BinaryOperator.Equal when isNull => _phrases.IsNotAnswered,
            BinaryOperator.NotEqual when isNull => _phrases.IsAnswered,
            BinaryOperator.Equal => _phrases.Is,
            BinaryOperator.NotEqual => _phrases.IsNot,
            BinaryOperator.Less => _phrases.Less,
            BinaryOperator.LessOrEqual => _phrases.AtMost,
            BinaryOperator.Greater => _phrases.More,
            BinaryOperator.GreaterOrEqual => _phrases.AtLeast,
            BinaryOperator.In when binary.Right is BoundList => _phrases.OneOf,
            BinaryOperator.In => _phrases.Includes,
            BinaryOperator.NotIn when binary.Right is BoundList => _phrases.NotOneOf,
            BinaryOperator.NotIn => _phrases.NotIncludes,
            BinaryOperator.Add => _phrases.Plus,
            BinaryOperator.Subtract => _phrases.Minus,
            BinaryOperator.Multiply => _phrases.Times,
            _ => _phrases.DividedBy,
        };
        return Phrase(format, left, right);
    }

    private string DescribeCall(BoundCall call) =>
        call.Function.Wording.Describe(call, call.Arguments.Select(Describe).ToArray(), _phrases.Language) ?? SyntaxPrinter.Print(call.Syntax);
}
