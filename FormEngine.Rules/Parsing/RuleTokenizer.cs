using Superpower;
using Superpower.Model;
using Superpower.Parsers;

namespace FormEngine.Rules.Parsing;

/// <summary>
/// Splits rule text into tokens. Deliberately permissive: stray characters become
/// <see cref="RuleToken.Unknown"/> and unclosed quotes <see cref="RuleToken.UnterminatedText"/>, so
/// tokenizing never fails and the parser and <see cref="TokenChecks"/> can report each problem precisely.
/// </summary>
/// <remarks>
/// Each token is recognised by a Superpower text parser, chosen by the token's first character rather
/// than by trying every recogniser in turn as <c>TokenizerBuilder</c> does: that is several times
/// faster, and templates compile hundreds of rules at start-up. Keywords are matched with
/// <see cref="Span.EqualToIgnoreCase(string)"/> and count only when they span a whole identifier, so
/// <c>android</c> and <c>order</c> stay names.
/// </remarks>
internal sealed class RuleTokenizer : Tokenizer<RuleToken>
{
    private static readonly TextParser<Unit> NumberText =
        Numerics.Natural
            .IgnoreThen(Character.EqualTo('.').IgnoreThen(Numerics.Natural).Try().OptionalOrDefault())
            .Value(Unit.Value);

    private static readonly TextParser<Unit> SingleQuoted = TextLiteral.Quoted('\'');

    private static readonly TextParser<Unit> DoubleQuoted = TextLiteral.Quoted('"');

    private static readonly (TextParser<TextSpan> Parser, RuleToken Kind)[] Keywords =
    [
        (Span.EqualToIgnoreCase("and"), RuleToken.And),
        (Span.EqualToIgnoreCase("or"), RuleToken.Or),
        (Span.EqualToIgnoreCase("not"), RuleToken.Not),
        (Span.EqualToIgnoreCase("in"), RuleToken.In),
        (Span.EqualToIgnoreCase("true"), RuleToken.True),
        (Span.EqualToIgnoreCase("false"), RuleToken.False),
        (Span.EqualToIgnoreCase("null"), RuleToken.Null),
    ];

    /// <summary>Operators that start with the same character, longest first.</summary>
    private static readonly Dictionary<char, (TextParser<TextSpan> Parser, RuleToken Kind)[]> Operators = new()
    {
        ['='] = [(Span.EqualTo("=="), RuleToken.Equal), (Span.EqualTo("="), RuleToken.Equal)],
        ['!'] = [(Span.EqualTo("!="), RuleToken.NotEqual)],
        ['<'] = [(Span.EqualTo("<="), RuleToken.LessOrEqual), (Span.EqualTo("<>"), RuleToken.NotEqual), (Span.EqualTo("<"), RuleToken.Less)],
        ['>'] = [(Span.EqualTo(">="), RuleToken.GreaterOrEqual), (Span.EqualTo(">"), RuleToken.Greater)],
        ['+'] = [(Span.EqualTo("+"), RuleToken.Plus)],
        ['-'] = [(Span.EqualTo("-"), RuleToken.Minus)],
        ['*'] = [(Span.EqualTo("*"), RuleToken.Star)],
        ['/'] = [(Span.EqualTo("/"), RuleToken.Slash)],
        ['('] = [(Span.EqualTo("("), RuleToken.LParen)],
        [')'] = [(Span.EqualTo(")"), RuleToken.RParen)],
        ['['] = [(Span.EqualTo("["), RuleToken.LBracket)],
        [']'] = [(Span.EqualTo("]"), RuleToken.RBracket)],
        [','] = [(Span.EqualTo(","), RuleToken.Comma)],
        ['.'] = [(Span.EqualTo("."), RuleToken.Dot)],
    };

    public static RuleTokenizer Instance { get; } = new();

    protected override IEnumerable<Result<RuleToken>> Tokenize(TextSpan span)
    {
        var next = SkipWhiteSpace(span);
        while (next.HasValue)
        {
            var start = next.Location;
            var (kind, remainder) = Recognize(next.Value, start);
            yield return Result.Value(kind, start, remainder);
            next = SkipWhiteSpace(remainder);
        }
    }

    private static (RuleToken Kind, TextSpan Remainder) Recognize(char first, TextSpan start)
    {
        if (char.IsAsciiDigit(first))
        {
            return (RuleToken.Number, NumberText(start).Remainder);
        }

        if (first is '\'' or '"')
        {
            var quoted = (first == '\'' ? SingleQuoted : DoubleQuoted)(start);
            return quoted.HasValue
                ? (RuleToken.Text, quoted.Remainder)
                : (RuleToken.UnterminatedText, TextLiteral.Unterminated(start).Remainder);
        }

        if (char.IsLetter(first) || first == '_')
        {
            var identifier = Identifier.CStyle(start);
            var length = identifier.Remainder.Position.Absolute - start.Position.Absolute;
            foreach (var (parser, kind) in length is >= 2 and <= 5 ? Keywords : [])
            {
                var keyword = parser(start);
                if (keyword.HasValue && keyword.Remainder.Position.Absolute == identifier.Remainder.Position.Absolute)
                {
                    return (kind, keyword.Remainder);
                }
            }

            return (RuleToken.Identifier, identifier.Remainder);
        }

        if (Operators.TryGetValue(first, out var candidates))
        {
            foreach (var (parser, kind) in candidates)
            {
                var result = parser(start);
                if (result.HasValue)
                {
                    return (kind, result.Remainder);
                }
            }
        }

        return (RuleToken.Unknown, Character.AnyChar(start).Remainder);
    }
}
