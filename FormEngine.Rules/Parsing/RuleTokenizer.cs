using Superpower;
using Superpower.Model;
using Superpower.Parsers;
using Superpower.Tokenizers;

namespace FormEngine.Rules.Parsing;

/// <summary>
/// Splits rule text into tokens. Deliberately permissive: stray characters become <see cref="RuleToken.Unknown"/>
/// and unclosed quotes <see cref="RuleToken.UnterminatedText"/>, so tokenizing never fails and the
/// parser can report each problem precisely.
/// </summary>
internal static class RuleTokenizer
{
    private static readonly TextParser<Unit> NumberText =
        Numerics.Natural
            .IgnoreThen(Character.EqualTo('.').IgnoreThen(Numerics.Natural).Try().OptionalOrDefault())
            .Value(Unit.Value);

    public static Tokenizer<RuleToken> Instance { get; } = new TokenizerBuilder<RuleToken>()
        .Ignore(Span.WhiteSpace)
        .Match(TextLiteral.Quoted('\''), RuleToken.Text)
        .Match(TextLiteral.Quoted('"'), RuleToken.Text)
        .Match(TextLiteral.Unterminated, RuleToken.UnterminatedText)
        .Match(NumberText, RuleToken.Number)
        .Match(Span.EqualTo("=="), RuleToken.Equal)
        .Match(Span.EqualTo("!="), RuleToken.NotEqual)
        .Match(Span.EqualTo("<>"), RuleToken.NotEqual)
        .Match(Span.EqualTo("<="), RuleToken.LessOrEqual)
        .Match(Span.EqualTo(">="), RuleToken.GreaterOrEqual)
        .Match(Character.EqualTo('='), RuleToken.Equal)
        .Match(Character.EqualTo('<'), RuleToken.Less)
        .Match(Character.EqualTo('>'), RuleToken.Greater)
        .Match(Character.EqualTo('+'), RuleToken.Plus)
        .Match(Character.EqualTo('-'), RuleToken.Minus)
        .Match(Character.EqualTo('*'), RuleToken.Star)
        .Match(Character.EqualTo('/'), RuleToken.Slash)
        .Match(Character.EqualTo('('), RuleToken.LParen)
        .Match(Character.EqualTo(')'), RuleToken.RParen)
        .Match(Character.EqualTo('['), RuleToken.LBracket)
        .Match(Character.EqualTo(']'), RuleToken.RBracket)
        .Match(Character.EqualTo(','), RuleToken.Comma)
        .Match(Character.EqualTo('.'), RuleToken.Dot)
        .Match(Span.EqualToIgnoreCase("and"), RuleToken.And, requireDelimiters: true)
        .Match(Span.EqualToIgnoreCase("or"), RuleToken.Or, requireDelimiters: true)
        .Match(Span.EqualToIgnoreCase("not"), RuleToken.Not, requireDelimiters: true)
        .Match(Span.EqualToIgnoreCase("in"), RuleToken.In, requireDelimiters: true)
        .Match(Span.EqualToIgnoreCase("true"), RuleToken.True, requireDelimiters: true)
        .Match(Span.EqualToIgnoreCase("false"), RuleToken.False, requireDelimiters: true)
        .Match(Span.EqualToIgnoreCase("null"), RuleToken.Null, requireDelimiters: true)
        .Match(Identifier.CStyle, RuleToken.Identifier, requireDelimiters: true)
        .Match(Character.AnyChar, RuleToken.Unknown)
        .Build();
}
