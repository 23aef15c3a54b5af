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
        Is(RuleToken.Or).Select(t => OperatorToken.From(BinaryOperator.Or, t));

    private static readonly TokenListParser<RuleToken, OperatorToken> AndOperator =
        Is(RuleToken.And).Select(t => OperatorToken.From(BinaryOperator.And, t));

    private static readonly TokenListParser<RuleToken, OperatorToken> ComparisonOperator =
        Token.Matching<RuleToken>(kind => ComparisonOf(kind) is not null, "a comparison such as `=`").Select(t => OperatorToken.From(ComparisonOf(t.Kind)!.Value, t))
            .Or(Parse.Sequence(Is(RuleToken.Not), Is(RuleToken.In)).Select(t =>
                new OperatorToken(BinaryOperator.NotIn, t.Item1.Position.Absolute, t.Item2.Position.Absolute + t.Item2.Span.Length - t.Item1.Position.Absolute)))
            .Named("a comparison such as `=`");

    private static readonly TokenListParser<RuleToken, OperatorToken> AdditiveOperator =
        Token.Matching<RuleToken>(kind => kind is RuleToken.Plus or RuleToken.Minus, "`+` or `-`")
            .Select(t => OperatorToken.From(t.Kind == RuleToken.Plus ? BinaryOperator.Add : BinaryOperator.Subtract, t));

    private static readonly TokenListParser<RuleToken, OperatorToken> MultiplicativeOperator =
        Token.Matching<RuleToken>(kind => kind is RuleToken.Star or RuleToken.Slash, "`*` or `/`")
            .Select(t => OperatorToken.From(t.Kind == RuleToken.Star ? BinaryOperator.Multiply : BinaryOperator.Divide, t));

    private static readonly TokenListParser<RuleToken, RuleSyntax> NumberLiteral =
        Is(RuleToken.Number).Select(t => (RuleSyntax)new LiteralSyntax(
            decimal.TryParse(t.ToStringValue(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                ? RuleValue.FromNumber(number)
                : RuleValue.Null, // unreachable: TokenChecks rejects numbers that do not fit before parsing
            t.Position.Absolute,
            t.Span.Length));

    private static readonly TokenListParser<RuleToken, RuleSyntax> TextLiteralValue =
        Is(RuleToken.Text).Select(t => (RuleSyntax)new LiteralSyntax(
            RuleValue.FromText(TextLiteral.TryUnescape(t.Span.ToStringValue(), out var text, out _) ? text : string.Empty),
            t.Position.Absolute,
            t.Span.Length));

    private static readonly TokenListParser<RuleToken, RuleSyntax> KeywordLiteral =
        Token.Matching<RuleToken>(kind => kind is RuleToken.True or RuleToken.False or RuleToken.Null, "`true`, `false` or `null`")
            .Select(t => Literal(t.Kind switch { RuleToken.True => RuleValue.True, RuleToken.False => RuleValue.False, _ => RuleValue.Null }, t));

    /// <summary>A path segment after a dot: a name, or a keyword used as a name (<c>section.in</c>).</summary>
    private static readonly TokenListParser<RuleToken, Token<RuleToken>> Segment =
        Token.Matching<RuleToken>(
            kind => kind is RuleToken.Identifier or RuleToken.And or RuleToken.Or or RuleToken.Not or RuleToken.In
                or RuleToken.True or RuleToken.False or RuleToken.Null,
            "a question name");

    // Every parser below is built once. Sequences use Parse.Sequence rather than Then/LINQ queries, which
    // would build new parsers for every token they read: profiling showed that was most of a rule's
    // compile time.
    private static readonly TokenListParser<RuleToken, (RuleSyntax[]? Items, int End)> Arguments =
        Parse.Sequence(Is(RuleToken.LParen), Guarded().ManyDelimitedBy(Is(RuleToken.Comma)), Is(RuleToken.RParen))
            .Select(t => ((RuleSyntax[]?)t.Item2, t.Item3.Position.Absolute + 1));

    /// <summary>What follows a name: call arguments, or the rest of a dotted path (Items null).</summary>
    private static readonly TokenListParser<RuleToken, (RuleSyntax[]? Items, int End, Token<RuleToken>[]? Path)> AfterName =
        Arguments.Select(a => (a.Items, a.End, (Token<RuleToken>[]?)null))
            .Or(Is(RuleToken.Dot).IgnoreThen(Segment).Many().Select(rest => ((RuleSyntax[]?)null, 0, (Token<RuleToken>[]?)rest)));

    /// <summary>A call <c>name(args)</c> or a reference <c>name.name...</c>; both start with a name.</summary>
    private static readonly TokenListParser<RuleToken, RuleSyntax> NameLed =
        Parse.Sequence(Is(RuleToken.Identifier), AfterName).Select(t => NameSyntax(t.Item1, t.Item2.Items, t.Item2.End, t.Item2.Path));

    private static readonly TokenListParser<RuleToken, RuleSyntax> ListLiteral =
        Parse.Sequence(Is(RuleToken.LBracket), Guarded().ManyDelimitedBy(Is(RuleToken.Comma)), Is(RuleToken.RBracket))
            .Select(t => (RuleSyntax)new ListSyntax(t.Item2, t.Item1.Position.Absolute, t.Item3.Position.Absolute + 1 - t.Item1.Position.Absolute));

    private static readonly TokenListParser<RuleToken, RuleSyntax> Parenthesized =
        Parse.Sequence(Is(RuleToken.LParen), Guarded(), Is(RuleToken.RParen)).Select(t => t.Item2);

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
            .Or(Parse.Sequence(Is(RuleToken.Minus).AtLeastOnce(), Primary).Select(t => Prefix(UnaryOperator.Negate, t.Item1, t.Item2)))
            .Named(AValue);

    private static readonly TokenListParser<RuleToken, RuleSyntax> Multiplicative =
        Parse.Chain(MultiplicativeOperator, Negation, MakeBinary);

    private static readonly TokenListParser<RuleToken, RuleSyntax> Additive =
        Parse.Chain(AdditiveOperator, Multiplicative, MakeBinary);

    /// <summary>Comparisons do not chain: <c>a &lt; b &lt; c</c> is an error rather than a surprise.</summary>
    private static readonly TokenListParser<RuleToken, RuleSyntax> Comparison =
        Parse.Sequence(Additive, Parse.Sequence(ComparisonOperator, Additive).OptionalOrDefault())
            .Select(t => t.Item2.Item2 is null ? t.Item1 : MakeBinary(t.Item2.Item1, t.Item1, t.Item2.Item2));

    private static readonly TokenListParser<RuleToken, RuleSyntax> Negated =
        Comparison
            .Or(Parse.Sequence(Is(RuleToken.Not).AtLeastOnce(), Comparison).Select(t => Prefix(UnaryOperator.Not, t.Item1, t.Item2)))
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

    /// <summary>
    /// One token of the given kind, with Superpower's own expectation text. Superpower's Token.EqualTo
    /// boxes the kinds it compares on every call; a matcher on the kind does not.
    /// </summary>
    private static TokenListParser<RuleToken, Token<RuleToken>> Is(RuleToken kind) =>
        Token.Matching<RuleToken>(k => k == kind, Token.EqualTo(kind)(new TokenList<RuleToken>([])).Expectations![0]);

    private static BinaryOperator? ComparisonOf(RuleToken kind) => kind switch
    {
        RuleToken.Equal => BinaryOperator.Equal,
        RuleToken.NotEqual => BinaryOperator.NotEqual,
        RuleToken.LessOrEqual => BinaryOperator.LessOrEqual,
        RuleToken.Less => BinaryOperator.Less,
        RuleToken.GreaterOrEqual => BinaryOperator.GreaterOrEqual,
        RuleToken.Greater => BinaryOperator.Greater,
        RuleToken.In => BinaryOperator.In,
        _ => null,
    };

    private static RuleSyntax NameSyntax(Token<RuleToken> first, RuleSyntax[]? arguments, int end, Token<RuleToken>[]? rest)
    {
        if (arguments is not null)
        {
            return new CallSyntax(first.ToStringValue().ToLowerInvariant(), arguments, first.Position.Absolute, end - first.Position.Absolute, first.Span.Length);
        }

        var segments = new string[rest!.Length + 1];
        segments[0] = first.ToStringValue();
        for (var i = 0; i < rest.Length; i++)
        {
            segments[i + 1] = rest[i].ToStringValue();
        }

        var last = rest.Length == 0 ? first.Span : rest[^1].Span;
        return new ReferenceSyntax(segments, first.Position.Absolute, last.Position.Absolute + last.Length - first.Position.Absolute);
    }

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
