using System.Text.RegularExpressions;

namespace FormEngine.Rules.Checking;

/// <summary>
/// Compiles the pattern of <c>matches()</c> once, with the non-backtracking engine so matching time is
/// linear in the input whatever the pattern: a template cannot freeze the form with <c>(a+)+$</c>.
/// </summary>
internal static class PatternCompiler
{
    public const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    public static Regex? TryCompile(string pattern, out string? problem, out bool unsupported)
    {
        try
        {
            problem = null;
            unsupported = false;
            return new Regex(pattern, Options);
        }
        catch (NotSupportedException)
        {
            problem = "This pattern uses a feature that cannot be checked safely (backreferences such as \\1, lookarounds such as (?=...), atomic groups or conditionals); rewrite it without them.";
            unsupported = true;
            return null;
        }
        catch (RegexParseException e)
        {
            problem = $"The pattern is not a valid regular expression: {e.Error} at character {e.Offset}.";
            unsupported = false;
            return null;
        }
    }
}
