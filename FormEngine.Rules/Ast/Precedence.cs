namespace FormEngine.Rules.Ast;

/// <summary>Binding strength of each operator, lowest first; shared by the parser's layout and the printer.</summary>
internal static class Precedence
{
    public const int Or = 1;
    public const int And = 2;
    public const int Not = 3;
    public const int Comparison = 4;
    public const int Additive = 5;
    public const int Multiplicative = 6;
    public const int Negate = 7;
    public const int Primary = 8;

    public static int Of(BinaryOperator op) => op switch
    {
        BinaryOperator.Or => Or,
        BinaryOperator.And => And,
        BinaryOperator.Add or BinaryOperator.Subtract => Additive,
        BinaryOperator.Multiply or BinaryOperator.Divide => Multiplicative,
        _ => Comparison,
    };

    public static int Of(UnaryOperator op) => op == UnaryOperator.Not ? Not : Negate;

    public static int Of(RuleSyntax node) => node switch
    {
        BinarySyntax b => Of(b.Operator),
        UnarySyntax u => Of(u.Operator),
        LiteralSyntax { Value.Kind: RuleTypeKind.Number } l when l.Value.AsNumber < 0 => Negate,
        _ => Primary,
    };

    public static string Text(BinaryOperator op) => op switch
    {
        BinaryOperator.Or => "or",
        BinaryOperator.And => "and",
        BinaryOperator.Equal => "=",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.In => "in",
        BinaryOperator.NotIn => "not in",
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        _ => op.ToString(),
    };
}
