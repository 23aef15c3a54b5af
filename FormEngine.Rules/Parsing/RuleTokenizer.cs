using Superpower;
using Superpower.Model;

namespace FormEngine.Rules.Parsing;

/// <summary>
/// Splits rule text into tokens. Deliberately permissive: stray characters become
/// <see cref="RuleToken.Unknown"/> and unclosed quotes <see cref="RuleToken.UnterminatedText"/>, so
/// tokenizing never fails and the parser and <see cref="TokenChecks"/> can report each problem precisely.
/// </summary>
/// <remarks>
/// A hand-written scanner: one pass over the characters, choosing each token by its first character and
/// keeping the line and column as it goes. Templates compile hundreds of rules at start-up, and reading
/// each token with Superpower's character parsers was a third of a rule's compile time. Keywords match
/// in any case and count only when they span a whole identifier, so <c>android</c> and <c>order</c> stay
/// names. <see cref="Scan"/> builds the token list directly; <see cref="Tokenize(TextSpan)"/> gives the
/// same tokens to Superpower's own <see cref="Tokenizer{TKind}.TryTokenize(string)"/>.
/// </remarks>
internal sealed class RuleTokenizer : Tokenizer<RuleToken>
{
    private static readonly (string Text, RuleToken Kind)[] Keywords =
    [
        ("and", RuleToken.And),
        ("or", RuleToken.Or),
        ("not", RuleToken.Not),
        ("in", RuleToken.In),
        ("true", RuleToken.True),
        ("false", RuleToken.False),
        ("null", RuleToken.Null),
    ];

    public static RuleTokenizer Instance { get; } = new();

    /// <summary>The tokens of a rule; never fails.</summary>
    public static TokenList<RuleToken> Scan(string source)
    {
        var tokens = new List<Token<RuleToken>>(source.Length / 4 + 4);
        var scanner = new Scanner(source);
        while (scanner.Next(out var kind, out var span))
        {
            tokens.Add(new Token<RuleToken>(kind, span));
        }

        return new TokenList<RuleToken>(tokens.ToArray());
    }

    protected override IEnumerable<Result<RuleToken>> Tokenize(TextSpan span)
    {
        // Rules are always tokenized whole; the span's own source is scanned from its start.
        var scanner = new Scanner(span.Source!);
        while (scanner.Next(out var kind, out var token))
        {
            yield return Result.Value(kind, token, token.Skip(token.Length));
        }
    }

    /// <summary>The position of the next character and the line and column that go with it.</summary>
    private struct Scanner(string source)
    {
        private int _at;
        private int _line = 1;
        private int _column = 1;

        public bool Next(out RuleToken kind, out TextSpan span)
        {
            while (_at < source.Length && char.IsWhiteSpace(source[_at]))
            {
                Advance(1);
            }

            if (_at == source.Length)
            {
                kind = RuleToken.None;
                span = TextSpan.None;
                return false;
            }

            int length;
            (kind, length) = Recognize(source, _at);
            span = new TextSpan(source, new Position(_at, _line, _column), length);
            Advance(length);
            return true;
        }

        private void Advance(int count)
        {
            for (var end = _at + count; _at < end; _at++)
            {
                if (source[_at] == '\n')
                {
                    _line++;
                    _column = 1;
                }
                else
                {
                    _column++;
                }
            }
        }
    }

    private static (RuleToken Kind, int Length) Recognize(string s, int start)
    {
        var first = s[start];
        if (char.IsAsciiDigit(first))
        {
            return (RuleToken.Number, NumberLength(s, start));
        }

        if (first is '\'' or '"')
        {
            var length = QuotedLength(s, start);
            return length > 0 ? (RuleToken.Text, length) : (RuleToken.UnterminatedText, s.Length - start);
        }

        if (char.IsLetter(first) || first == '_')
        {
            var end = start + 1;
            while (end < s.Length && (char.IsLetterOrDigit(s[end]) || s[end] == '_'))
            {
                end++;
            }

            return (KeywordOrIdentifier(s.AsSpan(start, end - start)), end - start);
        }

        var second = start + 1 < s.Length ? s[start + 1] : '\0';
        return first switch
        {
            '=' => (RuleToken.Equal, second == '=' ? 2 : 1),
            '!' when second == '=' => (RuleToken.NotEqual, 2),
            '<' => second switch { '=' => (RuleToken.LessOrEqual, 2), '>' => (RuleToken.NotEqual, 2), _ => (RuleToken.Less, 1) },
            '>' => second == '=' ? (RuleToken.GreaterOrEqual, 2) : (RuleToken.Greater, 1),
            '+' => (RuleToken.Plus, 1),
            '-' => (RuleToken.Minus, 1),
            '*' => (RuleToken.Star, 1),
            '/' => (RuleToken.Slash, 1),
            '(' => (RuleToken.LParen, 1),
            ')' => (RuleToken.RParen, 1),
            '[' => (RuleToken.LBracket, 1),
            ']' => (RuleToken.RBracket, 1),
            ',' => (RuleToken.Comma, 1),
            '.' => (RuleToken.Dot, 1),
            _ => (RuleToken.Unknown, 1),
        };
    }

    /// <summary>Digits, then a decimal point only when digits follow it.</summary>
    private static int NumberLength(string s, int start)
    {
        var end = Digits(s, start);
        if (end < s.Length && s[end] == '.' && end + 1 < s.Length && char.IsDigit(s[end + 1]))
        {
            end = Digits(s, end + 1);
        }

        return end - start;
    }

    private static int Digits(string s, int at)
    {
        while (at < s.Length && char.IsDigit(s[at]))
        {
            at++;
        }

        return at;
    }

    /// <summary>The length of quoted text up to and including its closing quote (a backslash escapes any character); 0 when it is never closed.</summary>
    private static int QuotedLength(string s, int start)
    {
        var quote = s[start];
        for (var i = start + 1; i < s.Length; i++)
        {
            if (s[i] == '\\')
            {
                if (i + 1 == s.Length)
                {
                    return 0;
                }

                i++;
            }
            else if (s[i] == quote)
            {
                return i + 1 - start;
            }
        }

        return 0;
    }

    private static RuleToken KeywordOrIdentifier(ReadOnlySpan<char> word)
    {
        if (word.Length is >= 2 and <= 5)
        {
            foreach (var (text, kind) in Keywords)
            {
                if (SameIgnoringCase(word, text))
                {
                    return kind;
                }
            }
        }

        return RuleToken.Identifier;
    }

    /// <summary>Case-insensitive as Superpower's <c>Span.EqualToIgnoreCase</c>: each character upper-cased invariantly.</summary>
    private static bool SameIgnoringCase(ReadOnlySpan<char> word, string keyword)
    {
        if (word.Length != keyword.Length)
        {
            return false;
        }

        for (var i = 0; i < word.Length; i++)
        {
            if (char.ToUpperInvariant(word[i]) != char.ToUpperInvariant(keyword[i]))
            {
                return false;
            }
        }

        return true;
    }
}
