using System.Runtime.CompilerServices;
using FormEngine.Rules.Ast;
using FormEngine.Rules.Checking;

namespace FormEngine.Rules.Explanation;

/// <summary>
/// Describes a rule in plain English for paper forms, e.g. <c>'Does the child have a disability?' is 'yes'</c>.
/// Questions appear by label when the template gives one, otherwise by path. Best effort: functions
/// without a phrase of their own are shown as written.
/// </summary>
internal static class Describer
{
    public static string Describe(BoundExpression node)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        return node switch
        {
            BoundLiteral literal => literal.Value.ToString(),
            BoundReference reference => Name(reference.Symbol),
            BoundList list => list.Items.Count == 0 ? "no options" : string.Join(", ", list.Items.Select(Describe)),
            BoundUnary { Operator: UnaryOperator.Not } unary => "it is not the case that " + Grouped(unary.Operand),
            BoundUnary unary => "minus " + Grouped(unary.Operand),
            BoundBinary binary => DescribeBinary(binary),
            BoundCall call => DescribeCall(call),
            _ => SyntaxPrinter.Print(node.Syntax),
        };
    }

    private static string Name(RuleSymbol symbol) =>
        string.IsNullOrWhiteSpace(symbol.Label) ? symbol.Path : "'" + symbol.Label + "'";

    /// <summary>Wraps compound parts in brackets so "a and (b or c)" stays unambiguous.</summary>
    private static string Grouped(BoundExpression node) =>
        node is BoundBinary { Operator: BinaryOperator.And or BinaryOperator.Or } ? "(" + Describe(node) + ")" : Describe(node);

    private static string DescribeBinary(BoundBinary binary)
    {
        var left = binary.Operator is BinaryOperator.And or BinaryOperator.Or && binary.Left is BoundBinary { Operator: var lo } && lo == binary.Operator
            ? Describe(binary.Left)
            : Grouped(binary.Left);
        var right = Grouped(binary.Right);
        var isNull = binary.Right is BoundLiteral { Value.IsNull: true };
        return binary.Operator switch
        {
            BinaryOperator.And => $"{left} and {right}",
            BinaryOperator.Or => $"{left} or {right}",
            BinaryOperator.Equal when isNull => $"{left} is not answered",
            BinaryOperator.NotEqual when isNull => $"{left} is answered",
            BinaryOperator.Equal => $"{left} is {right}",
            BinaryOperator.NotEqual => $"{left} is not {right}",
            BinaryOperator.Less => $"{left} is less than {right}",
            BinaryOperator.LessOrEqual => $"{left} is at most {right}",
            BinaryOperator.Greater => $"{left} is more than {right}",
            BinaryOperator.GreaterOrEqual => $"{left} is at least {right}",
            BinaryOperator.In when binary.Right is BoundList => $"{left} is one of {right}",
            BinaryOperator.In => $"{right} includes {left}",
            BinaryOperator.NotIn when binary.Right is BoundList => $"{left} is not one of {right}",
            BinaryOperator.NotIn => $"{right} does not include {left}",
            BinaryOperator.Add => $"{left} plus {right}",
            BinaryOperator.Subtract => $"{left} minus {right}",
            BinaryOperator.Multiply => $"{left} times {right}",
            _ => $"{left} divided by {right}",
        };
    }

    private static string DescribeCall(BoundCall call)
    {
        var args = call.Arguments.Select(Describe).ToArray();
        return call.Function.Name switch
        {
            "answered" => $"{args[0]} is answered",
            "count" => $"the number of {args[0]}",
            "sum" => $"the total of {args[0]}",
            "min" => $"the smallest of {args[0]}",
            "max" => $"the largest of {args[0]}",
            "any" => $"any of {args[0]} has {args[1]}",
            "all" => $"every one of {args[0]} has {args[1]}",
            "today" => "today",
            "date" when call.Arguments[0] is BoundLiteral { Value.Kind: RuleTypeKind.Text } literal => literal.Value.AsText,
            "age" => $"the age in years from {args[0]}",
            "years_between" => $"the whole years from {args[0]} to {args[1]}",
            "days_between" => $"the days from {args[0]} to {args[1]}",
            "contains" => $"{args[0]} contains {args[1]}",
            "matches" => $"{args[0]} has the form {args[1]}",
            "if" => $"{args[1]} if {args[0]}, otherwise {args[2]}",
            "coalesce" => string.Join(", or if not answered ", args),
            _ => SyntaxPrinter.Print(call.Syntax),
        };
    }
}
