using System.Globalization;
using System.Runtime.CompilerServices;
using FormEngine.Rules.Ast;
using Superpower;
using Superpower.Model;
using Superpower.Parsers;

namespace FormEngine.Rules.Parsing;

/// <summary>
/// The token parsers, one per grammar level, lowest precedence first:
/// <c>or</c>; <c>and</c>; <c>not</c>; comparison; <c>+ -</c>; <c>* /</c>; unary <c>-</c>; primary.
/// Binary levels use <see cref="Parse.Chain{TKind,TOperator,TOperand}"/> (a loop) and prefix operators
/// are folded from a list, so only brackets and calls recurse; <see cref="TokenChecks"/> bounds their
/// depth before parsing starts.
/// </summary>
internal static class RuleGrammar
{
    /// <summary>The expectation reported when the parser stops because the stack is nearly full.</summary>
    public const string StackExhausted = "\u0000stack";

    private const string AValue = "a value";

    private static readonly TokenListParser<RuleToken, OperatorToken> OrOperator =
        Token.EqualTo(RuleToken.Or).Select(t => OperatorToken.From(BinaryOperator.Or, t));

    private static readonly TokenListParser<RuleToken, OperatorToken> AndOperator =
        Token.EqualTo(RuleToken.And).Select(t => OperatorToken.From(BinaryOperator.And, t));

    private static readonly TokenListParser<RuleToken, OperatorToken> ComparisonOperator =
        Token.EqualTo(RuleToken.Equal).Select(t => OperatorToken.From(BinaryOperator.Equal, t))
            .Or(Token.EqualTo(RuleToken.NotEqual).Select(t => OperatorToken.From(BinaryOperator.NotEqual, t)))
            .Or(Token.EqualTo(RuleToken.LessOrEqual).Select(t => OperatorToken.From(BinaryOperator.LessOrEqual, t)))
            .Or(Token.EqualTo(RuleToken.Less).Select(t => OperatorToken.From(BinaryOperator.Less, t)))
            .Or(Token.EqualTo(RuleToken.GreaterOrEqual).Select(t => OperatorToken.From(BinaryOperator.GreaterOrEqual, t)))
            .Or(Token.EqualTo(RuleToken.Greater).Select(t => OperatorToken.From(BinaryOperator.Greater, t)))
            .Or(Token.EqualTo(RuleToken.In).Select(t => OperatorToken.From(BinaryOperator.In, t)))
            .Or(Token.EqualTo(RuleToken.Not).Then(not => Token.EqualTo(RuleToken.In).Select(@in =>
                new OperatorToken(BinaryOperator.NotIn, not.Position.Absolute, @in.Position.Absolute + @in.Span.Length - not.Position.Absolute))))
            .Named("a comparison such as `=`");

    private static readonly TokenListParser<RuleToken, OperatorToken> AdditiveOperator =
        Token.EqualTo(RuleToken.Plus).Select(t => OperatorToken.From(BinaryOperator.Add, t))
            .Or(Token.EqualTo(RuleToken.Minus).Select(t => OperatorToken.From(BinaryOperator.Subtract, t)));

    private static readonly TokenListParser<RuleToken, OperatorToken> MultiplicativeOperator =
        Token.EqualTo(RuleToken.Star).Select(t => OperatorToken.From(BinaryOperator.Multiply, t))
            .Or(Token.EqualTo(RuleToken.Slash).Select(t => OperatorToken.From(BinaryOperator.Divide, t)));

    private static readonly TokenListParser<RuleToken, RuleSyntax> NumberLiteral =
        Token.EqualTo(RuleToken.Number).Select(t => (RuleSyntax)new LiteralSyntax(
            decimal.TryParse(t.ToStringValue(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                ? RuleValue.FromNumber(number)
                : RuleValue.Null, // unreachable: TokenChecks rejects numbers that do not fit before parsing
            t.Position.Absolute,
            t.Span.Length));

    private static readonly TokenListParser<RuleToken, RuleSyntax> TextLiteralValue =
        Token.EqualTo(RuleToken.Text).Select(t => (RuleSyntax)new LiteralSyntax(
            RuleValue.FromText(TextLiteral.TryUnescape(t.Span.ToStringValue(), out var text, out _) ? text : string.Empty),
            t.Position.Absolute,
            t.Span.Length));

    private static readonly TokenListParser<RuleToken, RuleSyntax> KeywordLiteral =
        Token.EqualTo(RuleToken.True).Select(t => Literal(RuleValue.True, t))
            .Or(Token.EqualTo(RuleToken.False).Select(t => Literal(RuleValue.False, t)))
            .Or(Token.EqualTo(RuleToken.Null).Select(t => Literal(RuleValue.Null, t)));

    /// <summary>A path segment after a dot: a name, or a keyword used as a name (<c>section.in</c>).</summary>
    private static readonly TokenListParser<RuleToken, Token<RuleToken>> Segment =
        Token.Matching<RuleToken>(
            kind => kind is RuleToken.Identifier or RuleToken.And or RuleToken.Or or RuleToken.Not or RuleToken.In
                or RuleToken.True or RuleToken.False or RuleToken.Null,
            "a question name");

    private static readonly TokenListParser<RuleToken, (RuleSyntax[] Items, int End)> Arguments =
        from open in Token.EqualTo(RuleToken.LParen)
        from items in Guarded().ManyDelimitedBy(Token.EqualTo(RuleToken.Comma))
        from close in Token.EqualTo(RuleToken.RParen)
        select (items, close.Position.Absolute + 1);

    /// <summary>A call <c>name(args)</c> or a reference <c>name.name...</c>; both start with a name.</summary>
    private static readonly TokenListParser<RuleToken, RuleSyntax> NameLed =
        Token.EqualTo(RuleToken.Identifier).Then(first =>
            Arguments.Select(arguments => (RuleSyntax)new CallSyntax(
                    first.ToStringValue().ToLowerInvariant(),
                    arguments.Items,
                    first.Position.Absolute,
                    arguments.End - first.Position.Absolute,
                    first.Span.Length))
                .Or(Token.EqualTo(RuleToken.Dot).IgnoreThen(Segment).Many().Select(rest =>
                {
                    var segments = new string[rest.Length + 1];
                    segments[0] = first.ToStringValue();
                    for (var i = 0; i < rest.Length; i++)
                    {
                        segments[i + 1] = rest[i].ToStringValue();
                    }

                    var end = rest.Length == 0 ? first.Span : rest[^1].Span;
                    return (RuleSyntax)new ReferenceSyntax(segments, first.Position.Absolute, end.Position.Absolute + end.Length - first.Position.Absolute);
                })));

    private static readonly TokenListParser<RuleToken, RuleSyntax> ListLiteral =
        from open in Token.EqualTo(RuleToken.LBracket)
        from items in Guarded().ManyDelimitedBy(Token.EqualTo(RuleToken.Comma))
        from close in Token.EqualTo(RuleToken.RBracket)
        select (RuleSyntax)new ListSyntax(items, open.Position.Absolute, close.Position.Absolute + 1 - open.Position.Absolute);

    private static readonly TokenListParser<RuleToken, RuleSyntax> Parenthesized =
        from open in Token.EqualTo(RuleToken.LParen)
        from inner in Guarded()
        from close in Token.EqualTo(RuleToken.RParen)
        select inner;

    private static readonly TokenListParser<RuleToken, RuleSyntax> Primary =
        NameLed
            .Or(NumberLiteral)
            .Or(TextLiteralValue)
            .Or(Parenthesized)
            .Or(KeywordLiteral)
            .Or(ListLiteral)
            .Named(AValue);

    private static readonly TokenListParser<RuleToken, RuleSyntax> Negation =
        Primary
            .Or(Token.EqualTo(RuleToken.Minus).AtLeastOnce()
                .Then(minuses => Primary.Select(operand => Prefix(UnaryOperator.Negate, minuses, operand))))
            .Named(AValue);

    private static readonly TokenListParser<RuleToken, RuleSyntax> Multiplicative =
        Parse.Chain(MultiplicativeOperator, Negation, MakeBinary);

    private static readonly TokenListParser<RuleToken, RuleSyntax> Additive =
        Parse.Chain(AdditiveOperator, Multiplicative, MakeBinary);

    /// <summary>Comparisons do not chain: <c>a &lt; b &lt; c</c> is an error rather than a surprise.</summary>
    private static readonly TokenListParser<RuleToken, RuleSyntax> Comparison =
        Additive.Then(left => ComparisonOperator
            .Then(op => Additive.Select(right => MakeBinary(op, left, right)))
            .OptionalOrDefault(left));

    private static readonly TokenListParser<RuleToken, RuleSyntax> Negated =
        Comparison
            .Or(Token.EqualTo(RuleToken.Not).AtLeastOnce()
                .Then(nots => Comparison.Select(operand => Prefix(UnaryOperator.Not, nots, operand))))
            .Named(AValue);

    private static readonly TokenListParser<RuleToken, RuleSyntax> Conjunction =
        Parse.Chain(AndOperator, Negated, MakeBinary);

    private static readonly TokenListParser<RuleToken, RuleSyntax> Disjunction =
        Parse.Chain(OrOperator, Conjunction, MakeBinary);

    /// <summary>A whole expression (without the check that all tokens were used).</summary>
    public static TokenListParser<RuleToken, RuleSyntax> Expression { get; } = Disjunction;

    /// <summary>
    /// The recursive reference to <see cref="Expression"/> used inside brackets and calls, which stops
    /// with a <see cref="StackExhausted"/> failure instead of overflowing the stack.
    /// </summary>
    private static TokenListParser<RuleToken, RuleSyntax> Guarded() =>
        input => RuntimeHelpers.TryEnsureSufficientExecutionStack()
            ? Expression(input)
            : TokenListParserResult.Empty<RuleToken, RuleSyntax>(input, [StackExhausted]);

    private static RuleSyntax Literal(RuleValue value, Token<RuleToken> token) =>
        new LiteralSyntax(value, token.Position.Absolute, token.Span.Length);

    private static RuleSyntax MakeBinary(OperatorToken op, RuleSyntax left, RuleSyntax right) =>
        new BinarySyntax(op.Operator, left, right, op.Offset, op.Length);

    /// <summary>Applies prefix operators innermost first, in a loop rather than by recursion.</summary>
    private static RuleSyntax Prefix(UnaryOperator op, Token<RuleToken>[] operators, RuleSyntax operand)
    {
        var end = operand.Offset + operand.Length;
        for (var i = operators.Length - 1; i >= 0; i--)
        {
            var start = operators[i].Position.Absolute;
            operand = new UnarySyntax(op, operand, start, end - start);
        }

        return operand;
    }

    private readonly record struct OperatorToken(BinaryOperator Operator, int Offset, int Length)
    {
        public static OperatorToken From(BinaryOperator op, Token<RuleToken> token) =>
            new(op, token.Position.Absolute, token.Span.Length);
    }
}
