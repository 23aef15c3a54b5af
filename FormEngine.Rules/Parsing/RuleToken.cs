using Superpower.Display;

namespace FormEngine.Rules.Parsing;

/// <summary>The kinds of token in rule text. The attributes make parser messages read naturally.</summary>
internal enum RuleToken
{
    None,

    [Token(Category = "number", Example = "5")]
    Number,

    [Token(Category = "text", Example = "'yes'")]
    Text,

    /// <summary>Quoted text that runs to the end of the rule without its closing quote.</summary>
    [Token(Category = "unfinished text", Example = "'yes")]
    UnterminatedText,

    [Token(Category = "name", Example = "child.dob")]
    Identifier,

    [Token(Category = "keyword", Example = "and")]
    And,

    [Token(Category = "keyword", Example = "or")]
    Or,

    [Token(Category = "keyword", Example = "not")]
    Not,

    [Token(Category = "keyword", Example = "in")]
    In,

    [Token(Category = "keyword", Example = "true")]
    True,

    [Token(Category = "keyword", Example = "false")]
    False,

    [Token(Category = "keyword", Example = "null")]
    Null,

    [Token(Category = "operator", Example = "=")]
    Equal,

    [Token(Category = "operator", Example = "!=")]
    NotEqual,

    [Token(Category = "operator", Example = "<")]
    Less,

    [Token(Category = "operator", Example = "<=")]
    LessOrEqual,

    [Token(Category = "operator", Example = ">")]
    Greater,

    [Token(Category = "operator", Example = ">=")]
    GreaterOrEqual,

    [Token(Category = "operator", Example = "+")]
    Plus,

    [Token(Category = "operator", Example = "-")]
    Minus,

    [Token(Category = "operator", Example = "*")]
    Star,

    [Token(Category = "operator", Example = "/")]
    Slash,

    [Token(Example = "(")]
    LParen,

    [Token(Example = ")")]
    RParen,

    [Token(Example = "[")]
    LBracket,

    [Token(Example = "]")]
    RBracket,

    [Token(Example = ",")]
    Comma,

    [Token(Example = ".")]
    Dot,

    /// <summary>Any character no other token accepts; reported as a diagnostic before parsing.</summary>
    [Token(Category = "character")]
    Unknown,
}
