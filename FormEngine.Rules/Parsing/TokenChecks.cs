using System.Globalization;
using FormEngine.Rules.Diagnostics;
using Superpower.Model;

namespace FormEngine.Rules.Parsing;

/// <summary>
/// Checks on the token list before the parser runs: stray characters, unclosed or badly escaped text,
/// numbers that do not fit, and bracket depth (which bounds the parser's recursion).
/// </summary>
internal static class TokenChecks
{
    private const int MaxReported = 20;

    public static void Check(string source, TokenList<RuleToken> tokens, int maxDepth, DiagnosticBag diagnostics)
    {
        var depth = 0;
        var reported = 0;
        var unknownStart = -1;
        var unknownEnd = -1;
        foreach (var token in tokens)
        {
            if (reported >= MaxReported)
            {
                break;
            }

            var offset = token.Position.Absolute;
            if (token.Kind == RuleToken.Unknown)
            {
                // A run of stray characters is one problem, not one per character.
                if (unknownStart >= 0 && offset == unknownEnd)
                {
                    unknownEnd = offset + token.Span.Length;
                    continue;
                }

                FlushUnknown(source, ref unknownStart, unknownEnd, diagnostics, ref reported);
                unknownStart = offset;
                unknownEnd = offset + token.Span.Length;
                continue;
            }

            FlushUnknown(source, ref unknownStart, unknownEnd, diagnostics, ref reported);
            switch (token.Kind)
            {
                case RuleToken.UnterminatedText:
                    var quote = source[offset];
                    diagnostics.Add(DiagnosticCatalogue.UnterminatedText, offset, 1,
                        $"The text starting here has no closing quote; add {quote} where the text ends.");
                    reported++;
                    break;
                case RuleToken.Text:
                    if (!TextLiteral.TryUnescape(token.Span.ToStringValue(), out _, out var badAt))
                    {
                        var escape = source.Substring(offset + badAt, 2);
                        diagnostics.Add(DiagnosticCatalogue.InvalidEscape, offset + badAt, 2,
                            $"`{escape}` is not a known escape in quoted text; use \\' \\\" \\\\ \\n or \\t, or write \\\\ for a backslash.");
                        reported++;
                    }

                    break;
                case RuleToken.Number:
                    if (!decimal.TryParse(token.Span.ToStringValue(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
                    {
                        diagnostics.Add(DiagnosticCatalogue.NumberOutOfRange, offset, token.Span.Length,
                            "This number is too large for a rule; numbers can have at most 28 significant digits.");
                        reported++;
                    }

                    break;
                case RuleToken.LParen or RuleToken.LBracket:
                    if (++depth > maxDepth)
                    {
                        diagnostics.Add(DiagnosticCatalogue.NestingTooDeep, offset, 1,
                            $"The rule has more than {maxDepth} brackets inside each other; simplify it or split it into several rules.");
                        return;
                    }

                    break;
                case RuleToken.RParen or RuleToken.RBracket:
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }

        if (reported < MaxReported)
        {
            FlushUnknown(source, ref unknownStart, unknownEnd, diagnostics, ref reported);
        }
    }

    private static void FlushUnknown(string source, ref int start, int end, DiagnosticBag diagnostics, ref int reported)
    {
        if (start < 0)
        {
            return;
        }

        var text = source[start..end];
        var message = text.Any(IsInvisible)
            ? $"The rule contains an invisible or control character ({Describe(text)}); delete it and retype that part."
            : $"`{text}` cannot be used in a rule here; put text inside quotes, e.g. 'yes'.";
        diagnostics.Add(DiagnosticCatalogue.InvalidCharacter, start, end - start, message);
        reported++;
        start = -1;
    }

    private static bool IsInvisible(char c) =>
        char.IsControl(c) || char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Format
            or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;

    private static string Describe(string text) =>
        string.Join(" ", text.Take(3).Select(c => "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture))) + (text.Length > 3 ? " ..." : string.Empty);
}
