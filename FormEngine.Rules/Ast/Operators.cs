namespace FormEngine.Rules.Ast;

/// <summary>The binary operators, after synonyms (<c>==</c>, <c>&lt;&gt;</c>) have been normalised.</summary>
internal enum BinaryOperator
{
    Or,
    And,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    In,
    NotIn,
    Add,
    Subtract,
    Multiply,
    Divide,
}

/// <summary>The prefix operators.</summary>
internal enum UnaryOperator
{
    Not,
    Negate,
}
