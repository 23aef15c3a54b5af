using FormEngine.Rules.Ast;
using FormEngine.Rules.Diagnostics;
using Superpower.Model;

namespace FormEngine.Rules.Parsing;

/// <summary>Turns rule text into a syntax tree or syntax diagnostics, in stages that never throw.</summary>
internal static class RuleParser
{
    public static RuleParseResult Parse(string source, RuleCompileOptions options)
    {
        var diagnostics = new DiagnosticBag(source);
        var syntax = Parse(source, options, diagnostics);
        return new RuleParseResult(diagnostics.HasErrors ? null : syntax, diagnostics.Sorted());
    }

    /// <summary>
    /// The deepest nesting accepted whatever <see cref="RuleCompileOptions.MaxDepth"/> says: compiled rules
    /// evaluate recursively, so this keeps evaluation far from the end of any thread's stack.
    /// </summary>
    public const int HardMaxDepth = 1000;

    /// <summary>The depth limit a parse applies: <see cref="RuleCompileOptions.MaxDepth"/> within 1 and <see cref="HardMaxDepth"/>.</summary>
    public static int EffectiveMaxDepth(RuleCompileOptions options) => Math.Clamp(options.MaxDepth, 1, HardMaxDepth);

    public static RuleSyntax? Parse(string source, RuleCompileOptions options, DiagnosticBag diagnostics)
    {
        var maxDepth = EffectiveMaxDepth(options);
        if (source.Length > options.MaxLength)
        {
            diagnostics.Add(DiagnosticCatalogue.RuleTooLong, options.MaxLength, source.Length - options.MaxLength,
                $"The rule is {source.Length:N0} characters long; the most allowed is {options.MaxLength:N0}. Split it into smaller rules.");
            return null;
        }

        // The tokenizer accepts every character (stray ones become Unknown tokens that TokenChecks reports).
        var tokens = RuleTokenizer.Scan(source);
        if (tokens.IsAtEnd)
        {
            diagnostics.Add(DiagnosticCatalogue.EmptyRule, 0, source.Length, "The rule is empty; write a condition such as child.age < 5.");
            return null;
        }

        TokenChecks.Check(source, tokens, maxDepth, diagnostics);
        if (diagnostics.HasErrors)
        {
            return null;
        }

        var result = RuleGrammar.Expression(tokens);
        if (!result.HasValue)
        {
            ReportSyntaxError(source, tokens, result.Remainder, result.Expectations, maxDepth, diagnostics);
            return null;
        }

        if (!result.Remainder.IsAtEnd)
        {
            ReportSyntaxError(source, tokens, result.Remainder, ["an operator such as `and`, `or` or `=`, or the end of the rule"], maxDepth, diagnostics);
            return null;
        }

        var tooDeep = SyntaxDepth.FirstTooDeep(result.Value, maxDepth);
        if (tooDeep is not null)
        {
            diagnostics.Add(DiagnosticCatalogue.NestingTooDeep, tooDeep.Offset, 1,
                $"The rule nests operators, brackets or calls more than {maxDepth} deep; simplify it or split it into several rules.");
            return null;
        }

        return result.Value;
    }

    private static void ReportSyntaxError(
        string source, TokenList<RuleToken> all, TokenList<RuleToken> remainder, string[]? expectations, int maxDepth, DiagnosticBag diagnostics)
    {
        if (expectations is not null && expectations.Contains(RuleGrammar.StackExhausted))
        {
            var at = remainder.IsAtEnd ? source.Length : remainder.First().Position.Absolute;
            diagnostics.Add(DiagnosticCatalogue.NestingTooDeep, at, 1,
                $"The rule nests brackets or calls too deeply to read (the limit is {maxDepth}); simplify it.");
            return;
        }

        var expected = Describe(expectations);
        if (remainder.IsAtEnd)
        {
            var previous = all.Last();
            diagnostics.Add(DiagnosticCatalogue.UnexpectedEnd, source.Length, 0,
                $"Expected {expected} after `{previous.ToStringValue()}`, but the rule ends here.");
            return;
        }

        var found = remainder.First();
        var foundText = found.ToStringValue();
        var chained = found.Kind is RuleToken.Equal or RuleToken.NotEqual or RuleToken.Less or RuleToken.LessOrEqual
            or RuleToken.Greater or RuleToken.GreaterOrEqual or RuleToken.In;
        var message = found.Kind == RuleToken.RParen && expected.Contains("a value", StringComparison.Ordinal)
            ? $"Expected {expected}, but found `)`; something is missing before it."
            : $"Expected {expected}, but found `{foundText}`.";
        diagnostics.Add(DiagnosticCatalogue.UnexpectedToken, found.Position.Absolute, Math.Max(1, found.Span.Length), message,
            chained && expected.Contains("operator", StringComparison.Ordinal) ? "Comparisons cannot be chained: write `a < b and b < c`." : null);
    }

    private static string Describe(string[]? expectations)
    {
        var items = (expectations ?? []).Distinct().ToArray();
        return items.Length switch
        {
            0 => "more of the rule",
            1 => items[0],
            _ => string.Join(", ", items[..^1]) + " or " + items[^1],
        };
    }
}
